import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ClientMessages } from "@/components/i18n/client-messages";
import { PageContainer } from "@/components/shell/page-container";
import { localeOf } from "@/i18n/locale-of";
import { configText } from "@/lib/i18n/config-text";
import { DOCUMENT_TYPE_OPTIONS } from "@/lib/identity/document-types";
import { getJurisdiction } from "@/lib/jurisdiction/config";
import { buildJurisdictionRegions } from "@/lib/region/divisions";
import { TransferInWizard } from "./transfer-in-wizard";

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations({ locale: await localeOf(params), namespace: "TransferIn" });
  return { title: t("title") };
}

// 业务办理 → 跨省调转 → 省外调入 (用户操作手册 4.2), without logging in: 第一步 填写验证信息,
// 第二步 确认调入, then 第三步 完成信息采集 after the review.

export default async function TransferInPage({ params }: Props) {
  const locale = await localeOf(params);
  const t = await getTranslations("TransferIn");
  const j = getJurisdiction();
  return (
    <PageContainer className="max-w-2xl">
      <h1 className="mb-2 text-2xl font-semibold">{t("title")}</h1>
      <p className="mb-6 text-sm text-muted-foreground">
        {t("intro", { jurisdiction: configText(locale, j.label) })}
      </p>
      <ClientMessages namespaces={["TransferIn"]}>
        <TransferInWizard
          documentTypes={DOCUMENT_TYPE_OPTIONS}
          regions={buildJurisdictionRegions(j)}
        />
      </ClientMessages>
    </PageContainer>
  );
}
