import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { DOCUMENT_TYPE_OPTIONS } from "@/lib/identity/document-types";
import { ClientMessages } from "@/components/i18n/client-messages";
import { PageContainer } from "@/components/shell/page-container";
import { localeOf } from "@/i18n/locale-of";
import { AppealWizard } from "./appeal-wizard";

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations({ locale: await localeOf(params), namespace: "Appeal" });
  return { title: t("title") };
}
// Static, like 用户注册: everything the visitor does happens in the browser and the actions.

export default async function AppealPage({ params }: Props) {
  await localeOf(params);
  const t = await getTranslations("Appeal");
  return (
    <PageContainer className="max-w-2xl">
      <h1 className="mb-2 text-2xl font-semibold">{t("title")}</h1>
      <p className="mb-6 text-sm text-muted-foreground">
        {t.rich("intro", {
          link: (text) => (
            <Link className="mx-1 text-primary underline" href="/appeal/status">
              {text}
            </Link>
          ),
        })}
      </p>
      <ClientMessages namespaces={["Appeal"]}>
        <AppealWizard documentTypes={DOCUMENT_TYPE_OPTIONS} />
      </ClientMessages>
    </PageContainer>
  );
}
