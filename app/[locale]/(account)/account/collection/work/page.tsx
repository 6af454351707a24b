import type { Metadata } from "next";
import { ClientMessages } from "@/components/i18n/client-messages";
import { localeOf } from "@/i18n/locale-of";
import { openDataStep } from "../open-step";
import { type PageProps, stepMetadata } from "../page-title";
import { WizardSteps } from "../wizard-steps";
import { WorkForm } from "./work-form";

export function generateMetadata({ params }: PageProps): Promise<Metadata> {
  return stepMetadata(params, "work");
}

export default async function WorkStepPage({ params }: PageProps) {
  await localeOf(params);
  const { formProps, draft } = await openDataStep("work");
  const personal = draft.steps.personal as { studentCardId?: unknown } | undefined;
  return (
    <>
      <WizardSteps current="work" />
      <ClientMessages namespaces={["CollectionWizard"]}>
        <WorkForm
          key={formProps.revision}
          {...formProps}
          hasStudentCard={
            typeof personal?.studentCardId === "string" && personal.studentCardId !== ""
          }
        />
      </ClientMessages>
    </>
  );
}
