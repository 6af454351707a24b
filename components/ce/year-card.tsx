import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { MyOfficeLink } from "@/components/help/my-office-link";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import type { CeRecordView, CeYearView } from "@/lib/ce/overview";
import { getSourceText } from "@/lib/i18n/server-source-text";
import { RECORD_BADGE, YEAR_BADGE, creditValues } from "./ce-text";

/**
 * One year of a person's 继续教育: required and earned credits by kind, the year's state and its
 * records. `recordAction` adds what the viewer may do with a record (撤回 for the accountant,
 * 审核 or 标记为已学完 for finance staff). In the reader's language (the console's is 简体中文).
 */
export async function YearCard({
  year,
  recordsFromYear,
  recordAction,
  certificateHref,
  officeLink = false,
}: {
  year: CeYearView;
  /** For a 无记录 year: the first year of the platform's records. */
  recordsFromYear: number;
  recordAction?: (record: CeRecordView) => React.ReactNode;
  /** Where 打印学分证明 leads, for a year that has one (the accountant's own page only). */
  certificateHref?: (year: number) => string;
  /** The person's own page: a 无记录 year's text links to their finance office's contact. */
  officeLink?: boolean;
}) {
  const t = await getTranslations("CeYears");
  const sourceText = await getSourceText();
  const yearText = String(year.year);
  const creditsText = (n: number) => t("credits", creditValues(n));
  const titleId = `ce-year-${year.year}`;
  const required = year.state !== "NOT_REQUIRED";
  const rows = [
    { label: t("public"), required: year.required.public, earned: year.earned.public },
    {
      label: t("professional"),
      required: year.required.professional,
      earned: year.earned.professional,
    },
    { label: t("total"), required: year.required.total, earned: year.earned.total },
  ];
  return (
    <Card role="region" aria-labelledby={titleId}>
      <CardHeader className="flex flex-row flex-wrap items-center justify-between gap-2">
        <div className="flex items-center gap-2">
          <CardTitle id={titleId}>{t("year", { year: yearText })}</CardTitle>
          <Badge variant={YEAR_BADGE[year.state]}>{sourceText(year.stateLabel)}</Badge>
        </div>
        {year.certificateAvailable && certificateHref && (
          <Button asChild size="sm" variant="outline">
            <Link href={certificateHref(year.year)}>{t("printCertificate")}</Link>
          </Button>
        )}
      </CardHeader>
      <CardContent className="space-y-4">
        <table className="w-full max-w-md border-collapse text-sm">
          <caption className="sr-only">{t("creditsCaption", { year: yearText })}</caption>
          <thead>
            <tr className="border-b text-left text-muted-foreground">
              <th scope="col" className="py-1.5 pr-2 font-normal">
                {t("subject")}
              </th>
              <th scope="col" className="py-1.5 pr-2 text-right font-normal">
                {t("required")}
              </th>
              <th scope="col" className="py-1.5 text-right font-normal">
                {t("earned")}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.label} className="border-b last:border-0">
                <th scope="row" className="py-1.5 pr-2 text-left font-normal">
                  {r.label}
                </th>
                <td className="py-1.5 pr-2 text-right">
                  {required ? creditsText(r.required) : "—"}
                </td>
                <td className="py-1.5 text-right font-medium">{creditsText(r.earned)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {year.state === "NO_RECORD" && (
          <div>
            <p className="text-sm text-muted-foreground">
              {t("noRecordText", { year: String(recordsFromYear) })}
            </p>
            {officeLink && <MyOfficeLink />}
          </div>
        )}
        {year.inProgressCount > 0 && (
          <p className="text-sm">{t("inProgress", { count: year.inProgressCount })}</p>
        )}
        {year.records.length === 0 ? (
          <p className="text-sm text-muted-foreground">{t("noRecords")}</p>
        ) : (
          <ul className="space-y-3" aria-label={t("recordsLabel", { year: yearText })}>
            {year.records.map((r) => (
              <li key={r.id} className="space-y-1.5 rounded-md border p-3 text-sm">
                <div className="flex flex-wrap items-start justify-between gap-2">
                  <p className="min-w-0 font-medium wrap-anywhere">{r.title}</p>
                  <Badge variant={RECORD_BADGE[r.state]}>{sourceText(r.stateLabel)}</Badge>
                </div>
                <p className="text-muted-foreground">
                  {t("recordMeta", {
                    kind: sourceText(r.kindLabel),
                    category: sourceText(r.categoryLabel),
                    credits: creditsText(r.credits),
                  })}
                </p>
                {r.state === "rejected" && r.reviewReason && (
                  <p className="text-destructive wrap-anywhere">
                    {t("rejectReason", { reason: r.reviewReason })}
                  </p>
                )}
                {recordAction?.(r)}
              </li>
            ))}
          </ul>
        )}
      </CardContent>
    </Card>
  );
}
