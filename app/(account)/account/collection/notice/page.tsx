import type { Metadata } from "next";
import { publishedContentBlock } from "@/lib/cache/published";
import { getJurisdiction } from "@/lib/jurisdiction/config";
import { openDataStep } from "../open-step";
import { WizardSteps } from "../wizard-steps";
import { NoticeForm } from "./notice-form";

export const metadata: Metadata = { title: "信息采集 · 阅读须知" };

export default async function NoticeStepPage() {
  const { formProps } = await openDataStep("notice");
  const notice = await publishedContentBlock("collection-notice", getJurisdiction().code);
  return (
    <>
      <WizardSteps current="notice" />
      <NoticeForm
        key={formProps.revision}
        notice={notice ?? { title: "会计人员信息采集须知", paragraphs: [] }}
        {...formProps}
      />
    </>
  );
}
