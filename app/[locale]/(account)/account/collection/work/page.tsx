import type { Metadata } from "next";
import { openDataStep } from "../open-step";
import { WizardSteps } from "../wizard-steps";
import { WorkForm } from "./work-form";

export const metadata: Metadata = { title: "信息采集 · 工作信息" };

export default async function WorkStepPage() {
  const { formProps, draft } = await openDataStep("work");
  const personal = draft.steps.personal as { studentCardId?: unknown } | undefined;
  return (
    <>
      <WizardSteps current="work" />
      <WorkForm
        key={formProps.revision}
        {...formProps}
        hasStudentCard={
          typeof personal?.studentCardId === "string" && personal.studentCardId !== ""
        }
      />
    </>
  );
}
