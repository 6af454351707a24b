import type { Metadata } from "next";
import Link from "next/link";
import { requireStaffRole } from "@/components/console/require-staff-role";
import { ReviewListHead } from "@/components/console/review-list-head";
import { Button } from "@/components/ui/button";
import {
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from "@/components/ui/table";
import { db } from "@/lib/db/client";
import { formatBeijingDateTime } from "@/lib/time/beijing";
import {
  isInFilter,
  IN_FILTER_LABELS,
  IN_FILTERS,
  type InFilter,
  inApplicationsForStaff,
} from "@/lib/transfer/in-queries";

export const metadata: Metadata = { title: "调入审核 · 财政部门" };

// 调入审核: the 调入申请 to the region's counties — 待审核 oldest first (each is decided
// automatically at its due time unless staff decide earlier), then those awaiting the
// exchange's confirmation and those closed, 20 to a page.

export default async function InReviewListPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const staff = await requireStaffRole("transfer-review", "调入审核");
  if ("denied" in staff) return staff.denied;
  const params = await searchParams;
  const filter: InFilter = isInFilter(params.filter) ? params.filter : "pending";
  const after = typeof params.after === "string" ? params.after : null;
  const page = await inApplicationsForStaff(db, staff.actor, filter, after);
  const label = IN_FILTER_LABELS[filter];
  return (
    <div className="min-w-0 space-y-4">
      <ReviewListHead
        title="调入审核"
        done={
          params.done === "approved"
            ? "审核通过，已向全国平台报送接收"
            : params.done === "rejected"
              ? "审核不通过"
              : null
        }
        tabsLabel="申请状态"
        current={filter}
        tabs={IN_FILTERS.map((t) => ({
          key: t,
          label: IN_FILTER_LABELS[t],
          href: `/console/transfers/in?filter=${t}`,
        }))}
        summary={`${label}：共${page.total}条${filter === "pending" ? "（未在预计审核时间前办理的，系统自动审核）" : ""}`}
      />
      {page.rows.length === 0 ? (
        <p className="text-sm">没有{label}的调入申请。</p>
      ) : (
        <Table aria-label={`${label}的调入申请`}>
          <TableHeader>
            <TableRow>
              <TableHead>姓名</TableHead>
              <TableHead>证件号码</TableHead>
              <TableHead>调出地</TableHead>
              <TableHead>调入地</TableHead>
              <TableHead>状态</TableHead>
              <TableHead>申请时间</TableHead>
              <TableHead>{filter === "pending" ? "预计审核时间" : "审核时间"}</TableHead>
              <TableHead>操作</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {page.rows.map((r) => (
              <TableRow key={r.id}>
                <TableCell className="whitespace-nowrap">{r.personName}</TableCell>
                <TableCell className="whitespace-nowrap">{r.idNumberMasked}</TableCell>
                <TableCell>{r.from}</TableCell>
                <TableCell>{r.destination}</TableCell>
                <TableCell className="whitespace-nowrap">{r.stateLabel}</TableCell>
                <TableCell className="whitespace-nowrap">
                  {formatBeijingDateTime(r.createdAt)}
                </TableCell>
                <TableCell className="whitespace-nowrap">
                  {filter === "pending"
                    ? formatBeijingDateTime(r.reviewDueAt)
                    : r.reviewedAt
                      ? formatBeijingDateTime(r.reviewedAt)
                      : "—"}
                </TableCell>
                <TableCell>
                  <Button asChild size="sm" variant={filter === "pending" ? "default" : "outline"}>
                    <Link
                      href={`/console/transfers/in/${r.id}`}
                      aria-label={`${filter === "pending" ? "审核" : "查看"}${r.personName}的调入申请`}
                    >
                      {filter === "pending" ? "审核" : "查看"}
                    </Link>
                  </Button>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {page.nextCursor && (
        <Link
          className="text-sm text-primary underline"
          href={`/console/transfers/in?filter=${filter}&after=${page.nextCursor}`}
        >
          下一页
        </Link>
      )}
    </div>
  );
}
