import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { localeOf } from "@/i18n/locale-of";
import { ClientMessages } from "@/components/i18n/client-messages";
import { PageContainer } from "@/components/shell/page-container";
import { LoginForm } from "./login-form";

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations({ locale: await localeOf(params), namespace: "Login" });
  return { title: t("title") };
}

// Static: one page for every query (per locale); the form reads `next` and `reset` in the browser.
export const dynamic = "force-static";

export default async function LoginPage({ params }: Props) {
  await localeOf(params);
  const t = await getTranslations("Login");
  return (
    <PageContainer className="max-w-md">
      <h1 className="mb-6 text-2xl font-semibold">{t("title")}</h1>
      <ClientMessages namespaces={["Login"]}>
        <LoginForm />
      </ClientMessages>
    </PageContainer>
  );
}
