import type { Metadata } from "next";
import { PageContainer } from "@/components/shell/page-container";
import { PortalNav } from "@/components/shell/portal-nav";
import { VerifyForm } from "./verify-form";
import { localeOf } from "@/i18n/locale-of";
import { Untranslated } from "@/components/i18n/untranslated";

export const metadata: Metadata = { title: "档案核验" };
export const dynamic = "force-static";

// 档案核验 (public): an employer checks a 会计人员信息档案 or 学分证明 the platform issued as a
// PDF, by its 核验码. Static like the portal: the code arrives in the fragment or is typed, and
// the answer comes from verifyDocumentAction (lib/verification/verify-service.ts).

export default async function VerifyPage({ params }: { params: Promise<{ locale: string }> }) {
  await localeOf(params);
  return (
    <>
      <PortalNav />
      <Untranslated>
        <PageContainer width="md" className="py-6 sm:py-10">
          <h1 className="text-xl font-bold sm:text-2xl">档案核验</h1>
          <p className="mt-1 mb-6 text-base text-muted-foreground">
            输入会计人员信息档案或继续教育学分证明（PDF）上的核验码，核验文件的真实性及当前状态。
            仅显示姓名、部分隐藏的证件号码、文件名称、档案编号、版本、出具日期和状态。
          </p>
          <VerifyForm />
        </PageContainer>
      </Untranslated>
    </>
  );
}
