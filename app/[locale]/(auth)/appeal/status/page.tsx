import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ClientMessages } from "@/components/i18n/client-messages";
import { PageContainer } from "@/components/shell/page-container";
import { localeOf } from "@/i18n/locale-of";
import { StatusForm } from "./status-form";

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations({ locale: await localeOf(params), namespace: "AppealStatus" });
  return { title: t("title") };
}

export default async function AppealStatusPage({ params }: Props) {
  await localeOf(params);
  const t = await getTranslations("AppealStatus");
  return (
    <PageContainer className="max-w-2xl">
      <h1 className="mb-6 text-2xl font-semibold">{t("title")}</h1>
      <ClientMessages namespaces={["AppealStatus"]}>
        <StatusForm />
      </ClientMessages>
    </PageContainer>
  );
}
