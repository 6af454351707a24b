import type { Metadata } from "next";
import { ClientMessages } from "@/components/i18n/client-messages";
import { localeOf } from "@/i18n/locale-of";
import { openDataStep } from "../open-step";
import { type PageProps, stepMetadata } from "../page-title";
import { WizardSteps } from "../wizard-steps";
import { EducationForm } from "./education-form";

export function generateMetadata({ params }: PageProps): Promise<Metadata> {
  return stepMetadata(params, "education");
}

export default async function EducationStepPage({ params }: PageProps) {
  await localeOf(params);
  const { formProps } = await openDataStep("education");
  return (
    <>
      <WizardSteps current="education" />
      <ClientMessages namespaces={["CollectionWizard"]}>
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
      </ClientMessages>
    </>
  );
}
