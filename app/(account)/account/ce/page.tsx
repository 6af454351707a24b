import type { Metadata } from "next";
import Link from "next/link";
import { NotCollectedCard } from "@/components/collection/not-collected-card";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { requireSession } from "@/lib/auth/current-session";
import { type CeYearView, ceOverview } from "@/lib/ce/credit-service";
import { collectionStatus } from "@/lib/collection/archive-service";
import { db } from "@/lib/db/client";
import { getJurisdiction } from "@/lib/jurisdiction/config";
import { RECORD_BADGE, YEAR_BADGE, credits, thresholdsText } from "./ce-text";
import { WithdrawButton } from "./withdraw-button";

export const metadata: Metadata = { title: "继续教育" };

// 继续教育 (issue 4): each year from the obligation start, newest first — required and earned
// credits, the year's state, its records — with 申报学分 and 撤回 for claims awaiting recognition.
// While a transfer-out is under way everything is view-only (the transfer lock).

export default async function CePage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const session = await requireSession("/account/ce");
  const { submitted } = await searchParams;
  const collected = (await collectionStatus(db, session.personId)).status === "信息已采集";
  if (!collected)
    return <NotCollectedCard title="继续教育" needsFor="查看继续教育学分和申报学分" />;

  const overview = await ceOverview(db, session.personId);
  const jurisdiction = getJurisdiction();
  const canClaim = !overview.locked && overview.obligationStartYear !== null;
  // This year and the two before are always shown, and any year with records.
  const thisYear = overview.years[0]?.year ?? 0;
  const shown = (y: CeYearView) => y.year > thisYear - RECENT_YEARS || y.records.length > 0;
  const recent = overview.years.filter(shown);
  const earlier = overview.years.filter((y) => !shown(y));
  return (
    <div className="min-w-0 space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-semibold">继续教育</h1>
        {canClaim && (
          <Button asChild>
            <Link href="/account/ce/claim">申报学分</Link>
          </Button>
        )}
      </div>
      {submitted === "1" && (
        <Alert variant="success" role="status">
          <AlertDescription>学分申报已提交，请等待财政部门认定。</AlertDescription>
        </Alert>
      )}
      {overview.locked && (
        <Alert variant="destructive" role="alert">
          <AlertDescription>{overview.locked}</AlertDescription>
        </Alert>
      )}
      <div className="space-y-2 text-sm">
        <p>
          {thresholdsText(jurisdiction.name, overview.thresholds)}
          。学分当年度有效，不得结转以后年度。
        </p>
        <p>
          {overview.obligationStartYear === null
            ? "您没有专业技术资格，也没有从事会计工作年份，无须参加继续教育。"
            : `您自${overview.obligationStartYear}年起参加继续教育。`}
        </p>
        <p className="text-muted-foreground">
          参加考试、学术会议、学历教育或发表论文，可凭证明材料申报学分，经财政部门认定后计入当年度。
          待认定的申报属于继续教育在途未完成数据：认定、不予认定或撤回之前，“信息变更”中的所属行政区划不能修改。
        </p>
        {overview.inProgress && (
          <p className="font-medium">
            您有待认定或学习中的继续教育记录，目前不能在“信息变更”中修改所属行政区划。
          </p>
        )}
      </div>
      {recent.map((year) => (
        <YearCard key={year.year} year={year} locked={Boolean(overview.locked)} />
      ))}
      {earlier.length > 0 && (
        // A long career is many years: older ones without a record fold away on a phone.
        <details className="rounded-md border p-4">
          <summary className="cursor-pointer text-sm font-medium">
            更早年度（{earlier[earlier.length - 1]!.year}—{earlier[0]!.year}年，共{earlier.length}
            个年度）
          </summary>
          <div className="mt-4 space-y-6">
            {earlier.map((year) => (
              <YearCard key={year.year} year={year} locked={Boolean(overview.locked)} />
            ))}
          </div>
        </details>
      )}
    </div>
  );
}

const RECENT_YEARS = 3;

function YearCard({ year, locked }: { year: CeYearView; locked: boolean }) {
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
        {year.certificateAvailable && (
          <Button asChild size="sm" variant="outline">
            <Link href={`/account/ce/certificate/${year.year}`}>打印学分证明</Link>
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
                {r.withdrawable && !locked && <WithdrawButton id={r.id} title={r.title} />}
              </li>
            ))}
          </ul>
        )}
      </CardContent>
    </Card>
  );
}
