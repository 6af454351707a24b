import type { Metadata } from "next";
import Link from "next/link";
import { requireStaffRole } from "@/components/console/require-staff-role";
import { QueuePager } from "@/components/console/queue-pager";
import { QueueTable } from "@/components/console/queue-table";
import { ReviewLink } from "@/components/console/review-link";
import { ReviewListHead } from "@/components/console/review-list-head";
import { credits } from "@/components/ce/ce-text";
import { TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import {
  claimsForReview,
  isReviewFilter,
  REVIEW_FILTERS,
  type ReviewFilter,
} from "@/lib/ce/review-queries";
import { CE_RECORD_STATES } from "@/lib/codes/ce-record-state";
import { db } from "@/lib/db/client";
import { staffActor } from "@/lib/staff/staff-session";
import { formatBeijingDateTime } from "@/lib/time/beijing";

export const metadata: Metadata = { title: "学分认定 · 财政部门" };

// 学分认定: the region's claims by state — 待认定 oldest first (nobody waits longest), 已认定 and
// 不予认定 newest first — 20 to a page.

const TABS = REVIEW_FILTERS.map((filter) => ({
  key: filter,
  label: CE_RECORD_STATES.label(filter) ?? filter,
}));

export default async function ClaimsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const staff = await requireStaffRole("ce-review", "学分认定");
  if ("denied" in staff) return staff.denied;
  const params = await searchParams;
  const filter: ReviewFilter = isReviewFilter(params.filter) ? params.filter : "claimed";
  const after = typeof params.after === "string" ? params.after : null;
  const page = await claimsForReview(db, staffActor(staff), filter, after);
  const current = TABS.find((t) => t.key === filter)!;
  const pending = filter === "claimed";

  return (
    <div className="min-w-0 space-y-4">
      <ReviewListHead
        title="学分认定"
        done={params.done}
        doneLabels={{ recognised: "认定", rejected: "不予认定" }}
        tabsLabel="申报状态"
        path="/console/ce/claims"
        param="filter"
        tabs={TABS}
        current={filter}
        total={page.total}
        note={pending ? "（按申报时间先后排列，请从最早的开始办理）" : ""}
      />
      <QueueTable state={current.label} noun="学分申报" empty={page.rows.length === 0}>
        <TableHeader>
          <TableRow>
            <TableHead>姓名</TableHead>
            <TableHead>名称</TableHead>
            <TableHead>学分来源</TableHead>
            <TableHead>年度</TableHead>
            <TableHead className="text-right">学分</TableHead>
            <TableHead>证件号码</TableHead>
            <TableHead>所属地区</TableHead>
            <TableHead>申报时间</TableHead>
            <TableHead>操作</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {page.rows.map((r) => (
            <TableRow key={r.id}>
              <TableCell className="whitespace-nowrap">{r.personName}</TableCell>
              <TableCell className="min-w-40 wrap-anywhere">
                {/* First on a phone, where the row scrolls: the title opens the claim too. */}
                <Link className="text-primary underline" href={`/console/ce/claims/${r.id}`}>
                  {r.title}
                </Link>
              </TableCell>
              <TableCell>{r.kindLabel}</TableCell>
              <TableCell>{r.year}</TableCell>
              <TableCell className="text-right">{credits(r.credits)}</TableCell>
              <TableCell className="whitespace-nowrap">{r.idNumberMasked}</TableCell>
              <TableCell>{r.regionName}</TableCell>
              <TableCell className="whitespace-nowrap">
                {formatBeijingDateTime(r.createdAt)}
              </TableCell>
              <TableCell>
                <ReviewLink
                  href={`/console/ce/claims/${r.id}`}
                  pending={pending}
                  subject={`${r.personName}的申报：${r.title}`}
                />
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </QueueTable>
      <QueuePager
        first={`/console/ce/claims?filter=${filter}`}
        after={after}
        nextCursor={page.nextCursor}
      />
    </div>
  );
}
