import type { StepId } from "@/lib/collection/steps";

// What the wizard's actions return on success (shared by actions.ts and the client forms).

export interface SaveOutcome {
  /** The draft revision now stored: the next save names it. */
  revision: number;
  /** Where the wizard resumes (the first incomplete step). */
  resumeAt: StepId;
}

export interface SubmitOutcome {
  archiveNumber: string;
}
