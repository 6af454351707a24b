import type { Metadata } from "next";
import { requireStaffRole } from "@/components/console/require-staff-role";
import { QueuePager } from "@/components/console/queue-pager";
import { QueueTable } from "@/components/console/queue-table";
import { ReviewLink } from "@/components/console/review-link";
import { ReviewListHead } from "@/components/console/review-list-head";
import { TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import {
  APPEAL_STATES,
  isReviewState,
  REVIEW_STATES,
  type ReviewState,
} from "@/lib/appeal/appeal-rules";
import { appealsForReview } from "@/lib/appeal/list";
import { db } from "@/lib/db/client";
import { formatBeijingDateTime } from "@/lib/time/beijing";

export const metadata: Metadata = { title: "账号申诉 · 财政部门" };

// 账号申诉: the region's appeals by state — 待审核 oldest first, decided newest first — 20 a page.

const SHORT_LABELS: Partial<Record<ReviewState, string>> = {
  reassigned: "已通过",
  superseded: "已终止",
};
const TABS = REVIEW_STATES.map((state) => ({
  key: state,
  label: SHORT_LABELS[state] ?? APPEAL_STATES.label(state) ?? state,
}));

export default async function AppealsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const staff = await requireStaffRole("identity-review", "账号申诉");
  if ("denied" in staff) return staff.denied;
  const params = await searchParams;
  const state: ReviewState = isReviewState(params.state) ? params.state : "pending";
  const after = typeof params.after === "string" ? params.after : null;
  const page = await appealsForReview(db, staff.actor, state, after);
  const current = TABS.find((t) => t.key === state)!;
  const pending = state === "pending";

  return (
    <div className="min-w-0 space-y-4">
      <ReviewListHead
        title="账号申诉"
        done={params.done}
        doneLabels={{ reassign: "通过（账号已改绑）", reject: "不通过" }}
        tabsLabel="申诉状态"
        path="/console/appeals"
        param="state"
        tabs={TABS}
        current={state}
        total={page.total}
        note={pending ? "（按提交时间先后排列，请从最早的开始办理）" : ""}
      />
      <QueueTable state={current.label} noun="账号申诉" empty={page.rows.length === 0}>
        <TableHeader>
          <TableRow>
            <TableHead>申诉编号</TableHead>
            <TableHead>申诉人</TableHead>
            <TableHead>证件号码</TableHead>
            <TableHead>账号所属地区</TableHead>
            <TableHead>提交时间</TableHead>
            <TableHead>操作</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {page.rows.map((r) => (
            <TableRow key={r.id}>
              <TableCell className="whitespace-nowrap">{r.appealNumber}</TableCell>
              <TableCell className="whitespace-nowrap">{r.name}</TableCell>
              <TableCell className="whitespace-nowrap">{r.idNumberMasked}</TableCell>
              <TableCell>{r.regionName}</TableCell>
              <TableCell className="whitespace-nowrap">
                {formatBeijingDateTime(r.submittedAt)}
              </TableCell>
              <TableCell>
                <ReviewLink
                  href={`/console/appeals/${r.id}`}
                  pending={pending}
                  subject={`账号申诉${r.appealNumber}`}
                />
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </QueueTable>
      <QueuePager
        first={`/console/appeals?state=${state}`}
        after={after}
        nextCursor={page.nextCursor}
      />
    </div>
  );
}
