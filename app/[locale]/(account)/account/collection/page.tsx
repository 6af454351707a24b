import Link from "next/link";
import { redirect } from "next/navigation";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { requireSession } from "@/lib/auth/current-session";
import { openWizardStep } from "@/lib/collection/wizard-service";
import { db } from "@/lib/db/client";
import { TRANSFER_IN_UNDER_WAY } from "@/lib/person/locks";

// 信息采集's entry: resume where the person left off (any device), or show the result — unless
// their file is on its way from another province (省外调入), which becomes the collection.
export default async function CollectionPage() {
  const session = await requireSession("/account/collection");
  const place = await openWizardStep(db, session.personId, "done");
  if (place.kind === "arriving") {
    return (
      <Alert>
        <AlertTitle>信息采集</AlertTitle>
        <AlertDescription>
          <p>{TRANSFER_IN_UNDER_WAY}。</p>
          <Link className="underline" href="/account/transfer">
            查看调入进度
          </Link>
        </AlertDescription>
      </Alert>
    );
  }
  redirect(
    place.kind === "collected"
      ? "/account/collection/done"
      : `/account/collection/${place.kind === "redirect" ? place.to : "notice"}`,
  );
}
