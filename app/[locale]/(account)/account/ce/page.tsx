import type { Metadata } from "next";
import Link from "next/link";
import { NotCollectedCard } from "@/components/collection/not-collected-card";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { requireSession } from "@/lib/auth/current-session";
import { type CeRecordView, ceOverview } from "@/lib/ce/overview";
import { YearList } from "@/components/ce/year-list";
import { collectionStatus } from "@/lib/collection/archive-service";
import { db } from "@/lib/db/client";
import { getJurisdiction } from "@/lib/jurisdiction/config";
import { thresholdsText } from "@/components/ce/ce-text";
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
  const withdraw = (r: CeRecordView) =>
    r.withdrawable && !overview.locked ? <WithdrawButton id={r.id} title={r.title} /> : null;
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
      <YearList
        years={overview.years}
        recordsFromYear={overview.recordsFromYear}
        recordAction={withdraw}
        certificateHref={(y) => `/account/ce/certificate/${y}`}
        officeLink
      />
    </div>
  );
}
