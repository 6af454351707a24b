import type { Metadata } from "next";
import { PageContainer } from "@/components/shell/page-container";
import { StatusForm } from "./status-form";

export const metadata: Metadata = { title: "查询申诉进度" };

export default function AppealStatusPage() {
  return (
    <PageContainer className="max-w-2xl">
      <h1 className="mb-6 text-2xl font-semibold">查询申诉进度</h1>
      <StatusForm />
    </PageContainer>
  );
}
