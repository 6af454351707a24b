import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { localeOf } from "@/i18n/locale-of";
import { ClientMessages } from "@/components/i18n/client-messages";
import { PageContainer } from "@/components/shell/page-container";
import { ForgotPasswordForm } from "./forgot-password-form";

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations({ locale: await localeOf(params), namespace: "ForgotPassword" });
  return { title: t("title") };
}

export default async function ForgotPasswordPage({ params }: Props) {
  await localeOf(params);
  const t = await getTranslations("ForgotPassword");
  return (
    <PageContainer className="max-w-md">
      <h1 className="mb-2 text-2xl font-semibold">{t("title")}</h1>
      <p className="mb-6 text-sm text-muted-foreground">{t("intro")}</p>
      <ClientMessages namespaces={["ForgotPassword"]}>
        <ForgotPasswordForm />
      </ClientMessages>
    </PageContainer>
  );
}
