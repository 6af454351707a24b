import type { Metadata } from "next";
import { getJurisdiction } from "@/lib/jurisdiction/config";
import { DOCUMENT_TYPE_OPTIONS } from "@/lib/identity/document-types";
import { SendHomeIfLoggedIn } from "@/components/auth/send-home-if-logged-in";
import { PageContainer } from "@/components/shell/page-container";
import { RegisterWizard } from "./register-wizard";

export const metadata: Metadata = { title: "用户注册" };
// Static; the jurisdiction is this instance's all the same (app/layout.tsx says how).

export default function RegisterPage() {
  const j = getJurisdiction();
  return (
    <PageContainer className="max-w-2xl">
      <h1 className="mb-6 text-2xl font-semibold">用户注册</h1>
      <SendHomeIfLoggedIn>
        <RegisterWizard jurisdictionLabel={j.workAreaLabel} documentTypes={DOCUMENT_TYPE_OPTIONS} />
      </SendHomeIfLoggedIn>
    </PageContainer>
  );
}
