import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { NotCollectedCard } from "@/components/collection/not-collected-card";
import { ClientMessages } from "@/components/i18n/client-messages";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { requireSession } from "@/lib/auth/current-session";
import { type CeRecordView, ceOverview } from "@/lib/ce/overview";
import { YearList } from "@/components/ce/year-list";
import { collectionStatus } from "@/lib/collection/archive-service";
import { db } from "@/lib/db/client";
import { getJurisdiction } from "@/lib/jurisdiction/config";
import { configText } from "@/lib/i18n/config-text";
import { getSourceText } from "@/lib/i18n/server-source-text";
import { thresholdValues } from "@/components/ce/ce-text";
import { localeOf } from "@/i18n/locale-of";
import { WithdrawButton } from "./withdraw-button";

type Props = {
  params: Promise<{ locale: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations({ locale: await localeOf(params), namespace: "Ce" });
  return { title: t("title") };
}

// 继续教育 (issue 4): each year from the obligation start, newest first — required and earned
// credits, the year's state, its records — with 申报学分 and 撤回 for claims awaiting recognition.
// While a transfer-out is under way everything is view-only (the transfer lock).

export default async function CePage({ params, searchParams }: Props) {
  const locale = await localeOf(params);
  const session = await requireSession("/account/ce");
  const t = await getTranslations("Ce");
  const { submitted } = await searchParams;
  const collected = (await collectionStatus(db, session.personId)).status === "信息已采集";
  if (!collected)
    return <NotCollectedCard title={t("title")} needsFor={t("notCollectedNeedsFor")} />;

  const overview = await ceOverview(db, session.personId);
  const sourceText = await getSourceText();
  const jurisdiction = getJurisdiction();
  const canClaim = !overview.locked && overview.obligationStartYear !== null;
  const withdraw = (r: CeRecordView) =>
    r.withdrawable && !overview.locked ? <WithdrawButton id={r.id} title={r.title} /> : null;
  return (
    <div className="min-w-0 space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        {canClaim && (
          <Button asChild>
            <Link href="/account/ce/claim">{t("claim")}</Link>
          </Button>
        )}
      </div>
      {submitted === "1" && (
        <Alert variant="success" role="status">
          <AlertDescription>{t("submitted")}</AlertDescription>
        </Alert>
      )}
      {overview.locked && (
        <Alert variant="destructive" role="alert">
          <AlertDescription>{sourceText(overview.locked)}</AlertDescription>
        </Alert>
      )}
      <div className="space-y-2 text-sm">
        <p>
          {t("yearRule", {
            thresholds: t(
              "thresholds",
              thresholdValues(configText(locale, jurisdiction.name), overview.thresholds),
            ),
          })}
        </p>
        <p>
          {overview.obligationStartYear === null
            ? t("noObligation")
            : t("obligationFrom", { year: String(overview.obligationStartYear) })}
        </p>
        <p className="text-muted-foreground">{t("howToClaim")}</p>
        {overview.inProgress && <p className="font-medium">{t("inProgress")}</p>}
      </div>
      <ClientMessages namespaces={["CeWithdraw"]}>
        <YearList
          years={overview.years}
          recordsFromYear={overview.recordsFromYear}
          recordAction={withdraw}
          certificateHref={(y) => `/account/ce/certificate/${y}`}
          officeLink
        />
      </ClientMessages>
    </div>
  );
}
