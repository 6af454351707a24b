import type { Metadata } from "next";
import { openStep } from "../open-step";
import { savedInput, stepStorageKey } from "../step-page";
import { WizardSteps } from "../wizard-steps";
import { EducationForm } from "./education-form";

export const metadata: Metadata = { title: "信息采集 · 学历信息" };

export default async function EducationStepPage() {
  const { session, draft, context } = await openStep("education");
  const initial = savedInput(draft.steps, "education");
  return (
    <>
      <WizardSteps current="education" />
      <EducationForm
        // A first visit starts with one empty 全日制 entry: everyone has at least one.
        initial={Object.keys(initial).length > 0 ? initial : { fullTime: [{}], partTime: [] }}
        revision={draft.revision}
        storageKey={stepStorageKey(session.personId, "education")}
        context={context}
      />
    </>
  );
}
