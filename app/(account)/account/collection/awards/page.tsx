import type { Metadata } from "next";
import { openStep } from "../open-step";
import { savedInput, stepStorageKey } from "../step-page";
import { WizardSteps } from "../wizard-steps";
import { AwardsForm } from "./awards-form";

export const metadata: Metadata = { title: "信息采集 · 奖励信息" };

export default async function AwardsStepPage() {
  const { session, draft, context } = await openStep("awards");
  return (
    <>
      <WizardSteps current="awards" />
      <AwardsForm
        initial={savedInput(draft.steps, "awards")}
        revision={draft.revision}
        storageKey={stepStorageKey(session.personId, "awards")}
        context={context}
      />
    </>
  );
}
