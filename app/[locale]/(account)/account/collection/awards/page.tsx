import type { Metadata } from "next";
import { openDataStep } from "../open-step";
import { WizardSteps } from "../wizard-steps";
import { AwardsForm } from "./awards-form";

export const metadata: Metadata = { title: "信息采集 · 奖励信息" };

export default async function AwardsStepPage() {
  const { formProps } = await openDataStep("awards");
  return (
    <>
      <WizardSteps current="awards" />
      <AwardsForm key={formProps.revision} {...formProps} />
    </>
  );
}
