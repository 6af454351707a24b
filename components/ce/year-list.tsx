import type { CeRecordView, CeYearView } from "@/lib/ce/overview";
import { YearCard } from "./year-card";

// This year and the two before are always shown, and any year with records.
const RECENT_YEARS = 3;

/**
 * A person's 继续教育 years, newest first. A long career is many years: older ones without a
 * record fold away, so a phone does not scroll through twenty empty cards.
 */
export function YearList({
  years,
  recordAction,
  certificateHref,
}: {
  years: readonly CeYearView[];
  recordAction?: (record: CeRecordView) => React.ReactNode;
  certificateHref?: (year: number) => string;
}) {
  const thisYear = years[0]?.year ?? 0;
  const shown = (y: CeYearView) => y.year > thisYear - RECENT_YEARS || y.records.length > 0;
  const recent = years.filter(shown);
  const earlier = years.filter((y) => !shown(y));
  const card = (year: CeYearView) => (
    <YearCard
      key={year.year}
      year={year}
      recordAction={recordAction}
      certificateHref={certificateHref}
    />
  );
  return (
    <>
      {recent.map(card)}
      {earlier.length > 0 && (
        <details className="rounded-md border p-4">
          <summary className="cursor-pointer text-sm font-medium">
            更早年度（{earlier[earlier.length - 1]!.year}—{earlier[0]!.year}年，共{earlier.length}
            个年度）
          </summary>
          <div className="mt-4 space-y-6">{earlier.map(card)}</div>
        </details>
      )}
    </>
  );
}
