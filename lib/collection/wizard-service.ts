import "server-only";
import type { Db } from "@/lib/db/client";
import { snapshotPerson } from "./archive-service";
import { collectionContextFor, type DraftView, readCollectionState } from "./draft-service";
import type { CollectionContext } from "./rules";
import { canOpenStep, type StepId } from "./steps";
import type { RegisteredPerson } from "./summary";

// What a wizard page needs before it renders: where the person may be, their draft, and the
// context the step schemas run with (serialisable: the form runs the same schema in the browser).

export type WizardPlace =
  | { kind: "collected" }
  /** A 调入 is under way: the file on its way becomes the collection (locks.ts). */
  | { kind: "arriving" }
  /** The step may not be opened yet: go to `to` (the first incomplete step). */
  | { kind: "redirect"; to: StepId }
  | {
      kind: "open";
      draft: DraftView;
      context: CollectionContext;
      /** The owner's own page: with the full birth date their number carries. */
      person: RegisteredPerson;
    };

export async function openWizardStep(
  db: Db,
  personId: string,
  step: StepId,
  now = new Date(),
): Promise<WizardPlace> {
  // One round trip: a step page is rendered again after every save (the action revalidates).
  const { person, collected, arriving, draft } = await readCollectionState(db, personId);
  if (collected) return { kind: "collected" };
  if (arriving) return { kind: "arriving" };
  if (step === "done" || !canOpenStep(step, draft.completed)) {
    return { kind: "redirect", to: draft.resumeAt };
  }
  return {
    kind: "open",
    draft,
    context: collectionContextFor(person, draft.steps, now),
    person: { ...snapshotPerson(person), birthDate: person.birthDate ?? null },
  };
}
