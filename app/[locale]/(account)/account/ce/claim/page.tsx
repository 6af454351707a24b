import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { ClientMessages } from "@/components/i18n/client-messages";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { requireSession } from "@/lib/auth/current-session";
import { type CeClaimContext, NO_OBLIGATION } from "@/lib/ce/credit-kinds";
import { ceObligationStart } from "@/lib/ce/overview";
import { editLocks } from "@/lib/person/locks";
import { collectionStatus } from "@/lib/collection/archive-service";
import { db } from "@/lib/db/client";
import { getSourceText } from "@/lib/i18n/server-source-text";
import { beijingToday } from "@/lib/time/beijing";
import { localeOf } from "@/i18n/locale-of";
import { ClaimForm } from "./claim-form";

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations({ locale: await localeOf(params), namespace: "CeClaim" });
  return { title: t("metaTitle") };
}

// 申报学分: the form runs the claim schema with the context the server will use (today in
// Beijing, the person's obligation start), so the browser refuses what the action would.

export default async function ClaimPage({ params }: Props) {
  await localeOf(params);
  const session = await requireSession("/account/ce/claim");
  const collected = (await collectionStatus(db, session.personId)).status === "信息已采集";
  if (!collected) redirect("/account/ce");
  const [start, locks] = await Promise.all([
    ceObligationStart(db, session.personId),
    editLocks(db, session.personId),
  ]);
  const [t, ce, sourceText] = await Promise.all([
    getTranslations("CeClaim"),
    getTranslations("Ce"),
    getSourceText(),
  ]);
  const back = (
    <Link href="/account/ce" className="text-sm text-primary underline">
      {ce("back")}
    </Link>
  );
  const refusal = locks.transfer ?? (start === null ? NO_OBLIGATION : null);
  const context: CeClaimContext = { today: beijingToday(), obligationStartYear: start };
  return (
    <div className="min-w-0 space-y-6">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        {back}
      </div>
      {refusal ? (
        <Alert variant="destructive" role="alert">
          <AlertDescription>{sourceText(refusal)}</AlertDescription>
        </Alert>
      ) : (
        <>
          <p className="text-sm text-muted-foreground">{t("intro")}</p>
          <ClientMessages namespaces={["CeClaim"]}>
            <ClaimForm context={context} storageKey={`ce-claim:${session.personId}`} />
          </ClientMessages>
        </>
      )}
    </div>
  );
}
