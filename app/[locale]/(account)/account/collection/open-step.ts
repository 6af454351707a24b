import "server-only";
import { redirect } from "next/navigation";
import { requireSession } from "@/lib/auth/current-session";
import type { DataStepId, StepId } from "@/lib/collection/steps";
import { openWizardStep } from "@/lib/collection/wizard-service";
import { db } from "@/lib/db/client";
import type { StepFormProps } from "./use-wizard-step";

/**
 * For a wizard page: the logged-in person's draft and schema context, or a redirect — to the
 * first incomplete step when this one may not be opened yet (no skipping ahead by URL), to 完成
 * once collected, to the entry (which says why) while a 调入 is under way.
 */
export async function openStep(step: StepId) {
  const session = await requireSession(`/account/collection/${step}`);
  const place = await openWizardStep(db, session.personId, step);
  if (place.kind === "collected") redirect("/account/collection/done");
  if (place.kind === "arriving") redirect("/account/collection");
  if (place.kind === "redirect") redirect(`/account/collection/${place.to}`);
  return { session, ...place };
}

/** Where a tab remembers the draft revision its last save stored (fresh-draft.ts). */
export function draftRevisionKey(personId: string): string {
  return `kuaiji:collection:${personId}:revision`;
}

/** For a data step's page: `openStep` plus the props its form takes. */
export async function openDataStep(step: DataStepId) {
  const opened = await openStep(step);
  const saved = opened.draft.steps[step];
  const formProps: StepFormProps = {
    initial:
      saved && typeof saved === "object" && !Array.isArray(saved)
        ? (saved as Record<string, unknown>)
        : {},
    revision: opened.draft.revision,
    // Per person: unsaved input in this tab never shows to the next person who logs in here.
    storageKey: `kuaiji:collection:${opened.session.personId}:${step}`,
    revisionKey: draftRevisionKey(opened.session.personId),
    context: opened.context,
  };
  return { ...opened, formProps };
}
