import type { Metadata } from "next";
import { openDataStep } from "../open-step";
import { WizardSteps } from "../wizard-steps";
import { EducationForm } from "./education-form";

export const metadata: Metadata = { title: "信息采集 · 学历信息" };

export default async function EducationStepPage() {
  const { formProps } = await openDataStep("education");
  return (
    <>
      <WizardSteps current="education" />
      <EducationForm
        key={formProps.revision}
        {...formProps}
        // A first visit starts with one empty 全日制 entry: everyone has at least one.
        initial={
          Object.keys(formProps.initial).length > 0
            ? formProps.initial
            : { fullTime: [{}], partTime: [] }
        }
      />
    </>
  );
}
