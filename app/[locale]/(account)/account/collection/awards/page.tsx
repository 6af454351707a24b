import type { Metadata } from "next";
import { ClientMessages } from "@/components/i18n/client-messages";
import { localeOf } from "@/i18n/locale-of";
import { openDataStep } from "../open-step";
import { type PageProps, stepMetadata } from "../page-title";
import { WizardSteps } from "../wizard-steps";
import { AwardsForm } from "./awards-form";

export function generateMetadata({ params }: PageProps): Promise<Metadata> {
  return stepMetadata(params, "awards");
}

export default async function AwardsStepPage({ params }: PageProps) {
  await localeOf(params);
  const { formProps } = await openDataStep("awards");
  return (
    <>
      <WizardSteps current="awards" />
      <ClientMessages namespaces={["CollectionWizard"]}>
        <AwardsForm key={formProps.revision} {...formProps} />
      </ClientMessages>
    </>
  );
}
