import { Steps } from "@/components/ui/steps";
import { STEPS, stepIndex, type StepId } from "@/lib/collection/steps";

const LABELS = STEPS.map((s) => s.label);

/** The wizard's step indicator: every step, the current one, the ones before it done. */
export function WizardSteps({ current }: { current: StepId }) {
  return (
    <Steps
      steps={LABELS}
      current={current === "done" ? LABELS.length : stepIndex(current)}
      label="信息采集步骤"
      className="mb-6"
    />
  );
}
