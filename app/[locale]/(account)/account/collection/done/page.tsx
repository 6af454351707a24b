import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { localeOf } from "@/i18n/locale-of";
import { requireSession } from "@/lib/auth/current-session";
import { currentArchive } from "@/lib/collection/archive-service";
import { db } from "@/lib/db/client";
import { formatBeijingDateTime } from "@/lib/time/beijing";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent } from "@/components/ui/card";
import { type PageProps, stepMetadata } from "../page-title";
import { WizardSteps } from "../wizard-steps";

export function generateMetadata({ params }: PageProps): Promise<Metadata> {
  return stepMetadata(params, "done");
}

export default async function CollectionDonePage({ params }: PageProps) {
  await localeOf(params);
  const person = await requireSession("/account/collection/done");
  const archive = await currentArchive(db, person.personId);
  // Nothing submitted yet: the wizard's entry sends the person to where they left off.
  if (!archive) redirect("/account/collection");
  const t = await getTranslations("CollectionWizard");

  return (
    <div className="min-w-0 space-y-6">
      <WizardSteps current="done" />
      <h1 className="text-xl font-semibold">{t("step.done")}</h1>
      <Alert variant="success">
        <AlertTitle>{t("collected")}</AlertTitle>
        <AlertDescription>
          <p>{t("collectedText")}</p>
        </AlertDescription>
      </Alert>
      <Card>
        <CardContent>
          <dl className="grid gap-4 sm:grid-cols-2">
            <div className="min-w-0 space-y-1">
              <dt className="text-sm text-muted-foreground">{t("archiveNumber")}</dt>
              {/* Plain selectable text: people copy it into other forms and phone calls. */}
              <dd className="text-2xl font-semibold tracking-wide break-all select-all sm:text-3xl">
                {archive.archiveNumber}
              </dd>
            </div>
            <div className="space-y-1">
              <dt className="text-sm text-muted-foreground">{t("collectedAt")}</dt>
              <dd className="text-lg">{formatBeijingDateTime(archive.collectedAt)}</dd>
            </div>
          </dl>
        </CardContent>
      </Card>
      <div className="flex flex-col gap-3 sm:flex-row">
        <Button asChild>
          <Link href="/account/archive">{t("viewArchive")}</Link>
        </Button>
        <Button asChild variant="outline">
          <Link href="/account">{t("backHome")}</Link>
        </Button>
      </div>
    </div>
  );
}
