import { getTranslations } from "next-intl/server";
import { MyOfficeLink } from "@/components/help/my-office-link";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import type { CeRecordView, CeYearView } from "@/lib/ce/overview";
import { getSourceText } from "@/lib/i18n/server-source-text";
import { YEAR_BADGE, yearRuns } from "./ce-text";
import { YearCard } from "./year-card";

// This year and the two before are always shown, and any year with records.
const RECENT_YEARS = 3;

/**
 * A person's 继续教育 years, newest first. A long career is many years: older ones without a
 * record fold away, so a phone does not scroll through twenty empty cards; the empty years before
 * the platform's records begin (无记录) are one card that says what to do, not one card each.
 */
export async function YearList({
  years,
  recordsFromYear,
  recordAction,
  certificateHref,
  officeLink = false,
}: {
  years: readonly CeYearView[];
  /** The first year of the platform's records (CeOverview.recordsFromYear). */
  recordsFromYear: number;
  recordAction?: (record: CeRecordView) => React.ReactNode;
  certificateHref?: (year: number) => string;
  /** The person's own page: where it says to contact the finance department, a link says how. */
  officeLink?: boolean;
}) {
  const t = await getTranslations("CeYears");
  const thisYear = years[0]?.year ?? 0;
  const unrecorded = (y: CeYearView) => y.state === "NO_RECORD" && y.records.length === 0;
  const shown = (y: CeYearView) => y.year > thisYear - RECENT_YEARS || y.records.length > 0;
  const cards = years.filter((y) => !unrecorded(y));
  const recent = cards.filter(shown);
  const earlier = cards.filter((y) => !shown(y));
  const card = (year: CeYearView) => (
    <YearCard
      key={year.year}
      year={year}
      recordsFromYear={recordsFromYear}
      recordAction={recordAction}
      certificateHref={certificateHref}
      officeLink={officeLink}
    />
  );
  return (
    <>
      {recent.map(card)}
      {earlier.length > 0 && (
        <details className="rounded-md border p-4">
          <summary className="cursor-pointer text-sm font-medium">
            {t("earlier", {
              from: String(earlier[earlier.length - 1]!.year),
              to: String(earlier[0]!.year),
              count: earlier.length,
            })}
          </summary>
          <div className="mt-4 space-y-6">{earlier.map(card)}</div>
        </details>
      )}
      <NoRecordYears
        years={years.filter(unrecorded)}
        recordsFromYear={recordsFromYear}
        officeLink={officeLink}
      />
    </>
  );
}

async function NoRecordYears({
  years,
  recordsFromYear,
  officeLink,
}: {
  years: readonly CeYearView[];
  recordsFromYear: number;
  officeLink: boolean;
}) {
  if (years.length === 0) return null;
  const t = await getTranslations("CeYears");
  const sourceText = await getSourceText();
  const span = t("runs", { runs: yearRuns(years.map((y) => y.year)).join(t("runSeparator")) });
  return (
    <Card role="region" aria-labelledby="ce-no-record">
      <CardHeader className="flex flex-row flex-wrap items-center gap-2">
        <CardTitle id="ce-no-record">{span}</CardTitle>
        <Badge variant={YEAR_BADGE.NO_RECORD}>{sourceText(years[0]!.stateLabel)}</Badge>
      </CardHeader>
      <CardContent>
        <p className="text-sm">{t("noRecordText", { year: String(recordsFromYear) })}</p>
        {officeLink && <MyOfficeLink />}
      </CardContent>
    </Card>
  );
}
