import type { Metadata } from "next";
import { PageContainer } from "@/components/shell/page-container";
import { StatusForm } from "./status-form";
import { localeOf } from "@/i18n/locale-of";
import { Untranslated } from "@/components/i18n/untranslated";

export const metadata: Metadata = { title: "查询申诉进度" };

export default async function AppealStatusPage({
  params,
}: {
  params: Promise<{ locale: string }>;
}) {
  await localeOf(params);
  return (
    <Untranslated>
      <PageContainer className="max-w-2xl">
        <h1 className="mb-6 text-2xl font-semibold">查询申诉进度</h1>
        <StatusForm />
      </PageContainer>
    </Untranslated>
  );
}
