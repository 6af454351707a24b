import type { Metadata } from "next";
import { ClientMessages } from "@/components/i18n/client-messages";
import { localeOf } from "@/i18n/locale-of";
import { publishedContentBlock } from "@/lib/cache/published";
import { getJurisdiction } from "@/lib/jurisdiction/config";
import { openDataStep } from "../open-step";
import { type PageProps, stepMetadata } from "../page-title";
import { WizardSteps } from "../wizard-steps";
import { NoticeForm } from "./notice-form";

export function generateMetadata({ params }: PageProps): Promise<Metadata> {
  return stepMetadata(params, "notice");
}

export default async function NoticeStepPage({ params }: PageProps) {
  await localeOf(params);
  const { formProps, draft } = await openDataStep("notice");
  // The text for the person's region (lib/content: county, city, province): the region their
  // 工作信息 names once they have come that far, else the jurisdiction's, as Person.regionCode is
  // until collection sets it.
  const work = draft.steps.work;
  const workRegion = work && typeof work === "object" && "regionCode" in work && work.regionCode;
  const region =
    typeof workRegion === "string" && /^\d{6}$/.test(workRegion)
      ? workRegion
      : getJurisdiction().code;
  const notice = await publishedContentBlock("collection-notice", region);
  return (
    <>
      <WizardSteps current="notice" />
      <ClientMessages namespaces={["CollectionWizard"]}>
        <NoticeForm
          key={formProps.revision}
          // The notice is configured content: shown as written, whatever the page's language.
          notice={notice ?? { title: "会计人员信息采集须知", paragraphs: [] }}
          {...formProps}
        />
      </ClientMessages>
    </>
  );
}
