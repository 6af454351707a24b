import { redirect } from "next/navigation";
import { requireSession } from "@/lib/auth/current-session";
import { openWizardStep } from "@/lib/collection/wizard-service";
import { db } from "@/lib/db/client";

// 信息采集's entry: resume where the person left off (any device), or show the result.
export default async function CollectionPage() {
  const session = await requireSession("/account/collection");
  const place = await openWizardStep(db, session.personId, "done");
  redirect(
    place.kind === "collected"
      ? "/account/collection/done"
      : `/account/collection/${place.kind === "redirect" ? place.to : "notice"}`,
  );
}
