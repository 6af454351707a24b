import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ClientMessages } from "@/components/i18n/client-messages";
import { PageContainer } from "@/components/shell/page-container";
import { PortalNav } from "@/components/shell/portal-nav";
import { VerifyForm } from "./verify-form";
import { localeOf } from "@/i18n/locale-of";

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations({ locale: await localeOf(params), namespace: "Verify" });
  return { title: t("title") };
}

export const dynamic = "force-static";

// 档案核验 (public): an employer checks a 会计人员信息档案 or 学分证明 the platform issued as a
// PDF, by its 核验码. Static like the portal: the code arrives in the fragment or is typed, and
// the answer comes from verifyDocumentAction (lib/verification/verify-service.ts).

export default async function VerifyPage({ params }: Props) {
  await localeOf(params);
  const t = await getTranslations("Verify");
  return (
    <>
      <PortalNav />
      <PageContainer width="md" className="py-6 sm:py-10">
        <h1 className="text-xl font-bold sm:text-2xl">{t("title")}</h1>
        <p className="mt-1 mb-6 text-base text-muted-foreground">{t("intro")}</p>
        <ClientMessages namespaces={["Verify"]}>
          <VerifyForm />
        </ClientMessages>
      </PageContainer>
    </>
  );
}
