import type { Metadata } from "next";
import { PageContainer } from "@/components/shell/page-container";
import { DOCUMENT_TYPE_OPTIONS } from "@/lib/identity/document-types";
import { getJurisdiction } from "@/lib/jurisdiction/config";
import { buildJurisdictionRegions } from "@/lib/region/divisions";
import { TransferInWizard } from "./transfer-in-wizard";
import { localeOf } from "@/i18n/locale-of";
import { Untranslated } from "@/components/i18n/untranslated";

export const metadata: Metadata = { title: "省外调入" };

// 业务办理 → 跨省调转 → 省外调入 (用户操作手册 4.2), without logging in: 第一步 填写验证信息,
// 第二步 确认调入, then 第三步 完成信息采集 after the review.

export default async function TransferInPage({ params }: { params: Promise<{ locale: string }> }) {
  await localeOf(params);
  const j = getJurisdiction();
  return (
    <Untranslated>
      <PageContainer className="max-w-2xl">
        <h1 className="mb-2 text-2xl font-semibold">省外调入</h1>
        <p className="mb-6 text-sm text-muted-foreground">
          从其他省份（含计划单列市、新疆生产建设兵团）调入{j.label}
          从事会计工作的，须已在调出地办理调出申请且审核通过。
          调入申请提交后，系统1-2个工作日自动完成审核；审核通过后请登录本平台完成信息采集。
        </p>
        <TransferInWizard
          documentTypes={DOCUMENT_TYPE_OPTIONS}
          regions={buildJurisdictionRegions(j)}
        />
      </PageContainer>
    </Untranslated>
  );
}
