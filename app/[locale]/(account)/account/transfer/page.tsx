import type { Metadata } from "next";
import Link from "next/link";
import { NotCollectedCard } from "@/components/collection/not-collected-card";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { requireSession } from "@/lib/auth/current-session";
import { db } from "@/lib/db/client";
import { getJurisdiction } from "@/lib/jurisdiction/config";
import { formatBeijingDateTime } from "@/lib/time/beijing";
import { type InApplicationView, transferInList } from "@/lib/transfer/in-view";
import { type OutApplicationView, transferOutOverview } from "@/lib/transfer/out-view";
import { WithdrawOutButton } from "./withdraw-button";

export const metadata: Metadata = { title: "人员调转" };

// 人员调转 → 调出申请 (用户操作手册 4.1): every 调出申请 with its 当前状态 and 全国平台处理状态,
// 申请调出 when allowed, 撤回 while the destination has not received the file.

const STATE_HELP: Record<OutApplicationView["state"], string> = {
  pending: "1-2个工作日内系统自动完成审核；审核前可以撤回。",
  approved: "档案已报送全国平台，请前往调入地会计人员信息服务平台申请调入。调入地接收前可以撤回。",
  rejected: "申请审核不通过，可以修改后重新申请。",
  withdrawing: "正在向全国平台撤回；如调入地已先接收，调转照常完成。",
  withdrawn: "申请已撤回。",
  returned: "调入地不予接收，档案仍在本平台，可以重新申请。",
  refused: "全国平台未接收该申请，档案仍在本平台，可以重新申请。",
  transferred: "调入地已接收，调转已完成。",
};

export default async function TransferPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const session = await requireSession("/account/transfer");
  const { applied } = await searchParams;
  const [overview, arrivals] = await Promise.all([
    transferOutOverview(db, session.personId),
    transferInList(db, session.personId),
  ]);
  if (!overview.collected && overview.applications.length === 0 && arrivals.length === 0) {
    return <NotCollectedCard title="人员调转" needsFor="申请调出省外" />;
  }
  return (
    <div className="min-w-0 space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-semibold">人员调转</h1>
        {overview.cannotApply === null && (
          <Button asChild>
            <Link href="/account/transfer/out">申请调出</Link>
          </Button>
        )}
      </div>
      {applied === "1" && (
        <Alert variant="success" role="status">
          <AlertDescription>
            调出申请已提交。审核期间“信息变更”和“继续教育”仅允许查看。
          </AlertDescription>
        </Alert>
      )}
      {overview.lock && (
        <Alert role="status">
          <AlertDescription>{overview.lock}</AlertDescription>
        </Alert>
      )}
      <p className="text-sm text-muted-foreground">
        到{getJurisdiction().label}
        以外的地区从事会计工作的，在此申请调出；审核通过后档案经全国平台转至调入地，
        再到调入地会计人员信息服务平台办理“省外调入”。申请调出后，“信息变更”和“继续教育”仅允许查看。
      </p>
      {arrivals.length > 0 && (
        <section aria-labelledby="arrivals" className="space-y-3">
          <h2 id="arrivals" className="text-lg font-medium">
            调入申请
          </h2>
          <ul className="space-y-4">
            {arrivals.map((a) => (
              <li key={a.id}>
                <ArrivalCard arrival={a} />
              </li>
            ))}
          </ul>
        </section>
      )}
      {arrivals.length > 0 && overview.applications.length > 0 && (
        <h2 className="text-lg font-medium">调出申请</h2>
      )}
      {overview.applications.length === 0 ? (
        arrivals.length === 0 && <p>您还没有调出申请。</p>
      ) : (
        <ul className="space-y-4" aria-label="调出申请">
          {overview.applications.map((a) => (
            <li key={a.id}>
              <ApplicationCard application={a} />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function ArrivalCard({ arrival: a }: { arrival: InApplicationView }) {
  return (
    <Card>
      <CardHeader className="flex flex-row flex-wrap items-center justify-between gap-2">
        <CardTitle className="text-lg">从 {a.from} 调入</CardTitle>
        <Badge variant={a.open ? "default" : "secondary"}>{a.stateLabel}</Badge>
      </CardHeader>
      <CardContent className="space-y-3">
        <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-[8rem_1fr]">
          <dt className="text-muted-foreground">调入地</dt>
          <dd>{a.destination}</dd>
          <dt className="text-muted-foreground">申请时间</dt>
          <dd>{formatBeijingDateTime(a.createdAt)}</dd>
          {a.state === "pending" && (
            <>
              <dt className="text-muted-foreground">预计审核时间</dt>
              <dd>{formatBeijingDateTime(a.reviewDueAt)}前</dd>
            </>
          )}
          {a.reviewReason && (
            <>
              <dt className="text-muted-foreground">不通过原因</dt>
              <dd>{a.reviewReason}</dd>
            </>
          )}
        </dl>
        <p className="text-sm">{a.help}</p>
        {a.toCollection && (
          <Button asChild size="sm">
            <Link href="/account/collection">前往信息采集</Link>
          </Button>
        )}
      </CardContent>
    </Card>
  );
}

function ApplicationCard({ application: a }: { application: OutApplicationView }) {
  return (
    <Card>
      <CardHeader className="flex flex-row flex-wrap items-center justify-between gap-2">
        <CardTitle className="text-lg">调出至 {a.destination}</CardTitle>
        <Badge variant={a.open ? "default" : "secondary"}>{a.stateLabel}</Badge>
      </CardHeader>
      <CardContent className="space-y-3">
        <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-[8rem_1fr]">
          <dt className="text-muted-foreground">当前状态</dt>
          <dd>{a.stateLabel}</dd>
          {a.hubStateLabel && (
            <>
              <dt className="text-muted-foreground">全国平台处理状态</dt>
              <dd>{a.hubStateLabel}</dd>
            </>
          )}
          <dt className="text-muted-foreground">申请时间</dt>
          <dd>{formatBeijingDateTime(a.createdAt)}</dd>
          {a.state === "pending" && (
            <>
              <dt className="text-muted-foreground">预计审核时间</dt>
              <dd>{formatBeijingDateTime(a.reviewDueAt)}前</dd>
            </>
          )}
          {a.reviewedAt && (
            <>
              <dt className="text-muted-foreground">审核时间</dt>
              <dd>{formatBeijingDateTime(a.reviewedAt)}</dd>
            </>
          )}
          {a.state === "rejected" && a.reviewReason && (
            <>
              <dt className="text-muted-foreground">不通过原因</dt>
              <dd>{a.reviewReason}</dd>
            </>
          )}
          {a.refusalReason && (
            <>
              <dt className="text-muted-foreground">未接收原因</dt>
              <dd>{a.refusalReason}</dd>
            </>
          )}
          <dt className="text-muted-foreground">调出理由</dt>
          <dd className="break-words whitespace-pre-wrap">{a.reason}</dd>
          <dt className="text-muted-foreground">调转附件</dt>
          <dd className="flex flex-wrap gap-3">
            {a.attachmentIds.map((id, i) => (
              <a
                key={id}
                href={`/api/attachments/${id}`}
                target="_blank"
                rel="noreferrer"
                className="text-primary underline"
              >
                附件{i + 1}
              </a>
            ))}
          </dd>
        </dl>
        <p className="text-sm">{STATE_HELP[a.state]}</p>
        {a.withdrawable && (
          <div className="flex justify-end">
            <WithdrawOutButton id={a.id} approved={a.state === "approved"} />
          </div>
        )}
      </CardContent>
    </Card>
  );
}
