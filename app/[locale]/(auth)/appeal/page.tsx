import type { Metadata } from "next";
import Link from "next/link";
import { DOCUMENT_TYPE_OPTIONS } from "@/lib/identity/document-types";
import { PageContainer } from "@/components/shell/page-container";
import { AppealWizard } from "./appeal-wizard";
import { localeOf } from "@/i18n/locale-of";
import { Untranslated } from "@/components/i18n/untranslated";

export const metadata: Metadata = { title: "账号申诉" };
// Static, like 用户注册: everything the visitor does happens in the browser and the actions.

export default async function AppealPage({ params }: { params: Promise<{ locale: string }> }) {
  await localeOf(params);
  return (
    <Untranslated>
      <PageContainer className="max-w-2xl">
        <h1 className="mb-2 text-2xl font-semibold">账号申诉</h1>
        <p className="mb-6 text-sm text-muted-foreground">
          您的证件号码已被他人注册时，可在此申诉：验证您本人的手机号码，上传证件照片和手持证件照片，由账号所在地财政部门核实后将账号改绑至您的手机号码。已提交申诉的，可
          <Link className="mx-1 text-primary underline" href="/appeal/status">
            查询申诉进度
          </Link>
          。
        </p>
        <AppealWizard documentTypes={DOCUMENT_TYPE_OPTIONS} />
      </PageContainer>
    </Untranslated>
  );
}
