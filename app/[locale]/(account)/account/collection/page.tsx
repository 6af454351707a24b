import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { localeOf } from "@/i18n/locale-of";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { requireSession } from "@/lib/auth/current-session";
import { openWizardStep } from "@/lib/collection/wizard-service";
import { db } from "@/lib/db/client";
import { TRANSFER_IN_UNDER_WAY } from "@/lib/person/locks";
import type { PageProps } from "./page-title";
import { getSourceText } from "./source-text";

// 信息采集's entry: resume where the person left off (any device), or show the result — unless
// their file is on its way from another province (省外调入), which becomes the collection.
export default async function CollectionPage({ params }: PageProps) {
  await localeOf(params);
  const session = await requireSession("/account/collection");
  const place = await openWizardStep(db, session.personId, "done");
  if (place.kind === "arriving") {
    const t = await getTranslations("CollectionWizard");
    const sourceText = await getSourceText();
    return (
      <Alert>
        <AlertTitle>{t("title")}</AlertTitle>
        <AlertDescription>
          <p>{t("arriving", { reason: sourceText(TRANSFER_IN_UNDER_WAY) })}</p>
          <Link className="underline" href="/account/transfer">
            {t("arrivingLink")}
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
