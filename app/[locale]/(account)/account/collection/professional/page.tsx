import type { Metadata } from "next";
import { openDataStep } from "../open-step";
import { WizardSteps } from "../wizard-steps";
import { ProfessionalForm } from "./professional-form";

export const metadata: Metadata = { title: "信息采集 · 专业技术信息" };

export default async function ProfessionalStepPage() {
  const { formProps } = await openDataStep("professional");
  return (
    <>
      <WizardSteps current="professional" />
      <ProfessionalForm key={formProps.revision} {...formProps} />
    </>
  );
}
