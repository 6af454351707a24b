import type { Metadata } from "next";
import { openStep } from "../open-step";
import { savedInput, stepStorageKey } from "../step-page";
import { WizardSteps } from "../wizard-steps";
import { ProfessionalForm } from "./professional-form";

export const metadata: Metadata = { title: "信息采集 · 专业技术信息" };

export default async function ProfessionalStepPage() {
  const { session, draft, context } = await openStep("professional");
  return (
    <>
      <WizardSteps current="professional" />
      <ProfessionalForm
        initial={savedInput(draft.steps, "professional")}
        revision={draft.revision}
        storageKey={stepStorageKey(session.personId, "professional")}
        context={context}
      />
    </>
  );
}
