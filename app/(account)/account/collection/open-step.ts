import "server-only";
import { redirect } from "next/navigation";
import { requireSession } from "@/lib/auth/current-session";
import type { StepId } from "@/lib/collection/steps";
import { openWizardStep } from "@/lib/collection/wizard-service";
import { db } from "@/lib/db/client";

/**
 * For a wizard page: the logged-in person's draft and schema context, or a redirect — to the
 * first incomplete step when this one may not be opened yet (no skipping ahead by URL), to 完成
 * once collected.
 */
export async function openStep(step: StepId) {
  const session = await requireSession(`/account/collection/${step}`);
  const place = await openWizardStep(db, session.personId, step);
  if (place.kind === "collected") redirect("/account/collection/done");
  if (place.kind === "redirect") redirect(`/account/collection/${place.to}`);
  return { session, ...place };
}
