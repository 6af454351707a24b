import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { localeOf } from "@/i18n/locale-of";
import { configText } from "@/lib/i18n/config-text";
import { getJurisdiction } from "@/lib/jurisdiction/config";
import { DOCUMENT_TYPE_OPTIONS } from "@/lib/identity/document-types";
import { SendHomeIfLoggedIn } from "@/components/auth/send-home-if-logged-in";
import { ClientMessages } from "@/components/i18n/client-messages";
import { PageContainer } from "@/components/shell/page-container";
import { RegisterWizard } from "./register-wizard";

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations({ locale: await localeOf(params), namespace: "Register" });
  return { title: t("title") };
}
// Static; the jurisdiction is this instance's all the same (app/[locale]/layout.tsx says how).

export default async function RegisterPage({ params }: Props) {
  const locale = await localeOf(params);
  const t = await getTranslations("Register");
  const j = getJurisdiction();
  return (
    <PageContainer className="max-w-2xl">
      <h1 className="mb-6 text-2xl font-semibold">{t("title")}</h1>
      <ClientMessages namespaces={["Register"]}>
        <SendHomeIfLoggedIn>
          <RegisterWizard
            jurisdictionLabel={configText(locale, j.workAreaLabel)}
            documentTypes={DOCUMENT_TYPE_OPTIONS}
          />
        </SendHomeIfLoggedIn>
      </ClientMessages>
    </PageContainer>
  );
}
