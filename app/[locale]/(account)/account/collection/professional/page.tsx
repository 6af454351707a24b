import type { Metadata } from "next";
import { ClientMessages } from "@/components/i18n/client-messages";
import { localeOf } from "@/i18n/locale-of";
import { openDataStep } from "../open-step";
import { type PageProps, stepMetadata } from "../page-title";
import { WizardSteps } from "../wizard-steps";
import { ProfessionalForm } from "./professional-form";

export function generateMetadata({ params }: PageProps): Promise<Metadata> {
  return stepMetadata(params, "professional");
}

export default async function ProfessionalStepPage({ params }: PageProps) {
  await localeOf(params);
  const { formProps } = await openDataStep("professional");
  return (
    <>
      <WizardSteps current="professional" />
      <ClientMessages namespaces={["CollectionWizard"]}>
        <ProfessionalForm key={formProps.revision} {...formProps} />
      </ClientMessages>
    </>
  );
}
