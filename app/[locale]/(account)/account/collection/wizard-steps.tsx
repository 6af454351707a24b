import { getTranslations } from "next-intl/server";
import { Steps } from "@/components/ui/steps";
import { STEP_IDS, stepIndex, type StepId } from "@/lib/collection/steps";

/** The wizard's step indicator: every step, the current one, the ones before it done. */
export async function WizardSteps({ current }: { current: StepId }) {
  const t = await getTranslations("CollectionWizard");
  const labels = STEP_IDS.map((id) => t(`step.${id}`));
  return (
    <Steps
      steps={labels}
      current={current === "done" ? labels.length : stepIndex(current)}
      label={t("stepsLabel")}
      className="mb-6"
    />
  );
}
