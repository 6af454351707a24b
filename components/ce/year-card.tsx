import Link from "next/link";
import { MyOfficeLink } from "@/components/help/my-office-link";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import type { CeRecordView, CeYearView } from "@/lib/ce/overview";
import { RECORD_BADGE, YEAR_BADGE, credits, noRecordText } from "./ce-text";

/**
 * One year of a person's 继续教育: required and earned credits by kind, the year's state and its
 * records. `recordAction` adds what the viewer may do with a record (撤回 for the accountant,
 * 审核 or 标记为已学完 for finance staff).
 */
export function YearCard({
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
  const titleId = `ce-year-${year.year}`;
  const required = year.state !== "NOT_REQUIRED";
  const rows = [
    { label: "公需科目", required: year.required.public, earned: year.earned.public },
    { label: "专业科目", required: year.required.professional, earned: year.earned.professional },
    { label: "合计", required: year.required.total, earned: year.earned.total },
  ];
  return (
    <Card role="region" aria-labelledby={titleId}>
      <CardHeader className="flex flex-row flex-wrap items-center justify-between gap-2">
        <div className="flex items-center gap-2">
          <CardTitle id={titleId}>{year.year}年度</CardTitle>
          <Badge variant={YEAR_BADGE[year.state]}>{year.stateLabel}</Badge>
        </div>
        {year.certificateAvailable && certificateHref && (
          <Button asChild size="sm" variant="outline">
            <Link href={certificateHref(year.year)}>打印学分证明</Link>
          </Button>
        )}
      </CardHeader>
      <CardContent className="space-y-4">
        <table className="w-full max-w-md border-collapse text-sm">
          <caption className="sr-only">{year.year}年度学分</caption>
          <thead>
            <tr className="border-b text-left text-muted-foreground">
              <th scope="col" className="py-1.5 pr-2 font-normal">
                科目
              </th>
              <th scope="col" className="py-1.5 pr-2 text-right font-normal">
                要求
              </th>
              <th scope="col" className="py-1.5 text-right font-normal">
                已获得
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
                  {required ? `${credits(r.required)}学分` : "—"}
                </td>
                <td className="py-1.5 text-right font-medium">{credits(r.earned)}学分</td>
              </tr>
            ))}
          </tbody>
        </table>
        {year.state === "NO_RECORD" && (
          <div>
            <p className="text-sm text-muted-foreground">{noRecordText(recordsFromYear)}</p>
            {officeLink && <MyOfficeLink />}
          </div>
        )}
        {year.inProgressCount > 0 && (
          <p className="text-sm">在途未完成（待认定、学习中）：{year.inProgressCount}条</p>
        )}
        {year.records.length === 0 ? (
          <p className="text-sm text-muted-foreground">本年度暂无学分记录。</p>
        ) : (
          <ul className="space-y-3" aria-label={`${year.year}年度学分记录`}>
            {year.records.map((r) => (
              <li key={r.id} className="space-y-1.5 rounded-md border p-3 text-sm">
                <div className="flex flex-wrap items-start justify-between gap-2">
                  <p className="min-w-0 font-medium wrap-anywhere">{r.title}</p>
                  <Badge variant={RECORD_BADGE[r.state]}>{r.stateLabel}</Badge>
                </div>
                <p className="text-muted-foreground">
                  {r.kindLabel} · {r.categoryLabel} · {credits(r.credits)}学分
                </p>
                {r.state === "rejected" && r.reviewReason && (
                  <p className="text-destructive wrap-anywhere">不予认定理由：{r.reviewReason}</p>
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
