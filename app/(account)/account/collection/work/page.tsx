import type { Metadata } from "next";
import { openStep } from "../open-step";
import { stepStorageKey } from "../step-page";
import { WizardSteps } from "../wizard-steps";
import { WorkForm } from "./work-form";

export const metadata: Metadata = { title: "信息采集 · 工作信息" };

export default async function WorkStepPage() {
  const { session, draft, context } = await openStep("work");
  const personal = draft.steps.personal as { studentCardId?: unknown } | undefined;
  return (
    <>
      <WizardSteps current="work" />
      <WorkForm
        initial={(draft.steps.work as Record<string, unknown> | undefined) ?? {}}
        revision={draft.revision}
        storageKey={stepStorageKey(session.personId, "work")}
        context={context}
        hasStudentCard={
          typeof personal?.studentCardId === "string" && personal.studentCardId !== ""
        }
      />
    </>
  );
}
