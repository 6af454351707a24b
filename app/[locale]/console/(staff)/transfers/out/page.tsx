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
  isOutFilter,
  OUT_FILTER_LABELS,
  OUT_FILTERS,
  type OutFilter,
  outApplicationsForStaff,
} from "@/lib/transfer/out-queries";

export const metadata: Metadata = { title: "调出审核 · 财政部门" };

// 调出审核: the region's 调出申请 — 待审核 oldest first (each is decided automatically at its due
// time unless staff decide earlier), then those at the exchange and those closed, 20 to a page.

export default async function OutReviewListPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const staff = await requireStaffRole("transfer-review", "调出审核");
  if ("denied" in staff) return staff.denied;
  const params = await searchParams;
  const filter: OutFilter = isOutFilter(params.filter) ? params.filter : "pending";
  const after = typeof params.after === "string" ? params.after : null;
  const page = await outApplicationsForStaff(db, staff.actor, filter, after);
  const label = OUT_FILTER_LABELS[filter];
  return (
    <div className="min-w-0 space-y-4">
      <ReviewListHead
        title="调出审核"
        done={
          params.done === "approved"
            ? "审核通过，档案已报送全国平台"
            : params.done === "rejected"
              ? "审核不通过"
              : null
        }
        tabsLabel="申请状态"
        current={filter}
        tabs={OUT_FILTERS.map((t) => ({
          key: t,
          label: OUT_FILTER_LABELS[t],
          href: `/console/transfers/out?filter=${t}`,
        }))}
        summary={`${label}：共${page.total}条${filter === "pending" ? "（未在预计审核时间前办理的，系统自动审核）" : ""}`}
      />
      {page.rows.length === 0 ? (
        <p className="text-sm">没有{label}的调出申请。</p>
      ) : (
        <Table aria-label={`${label}的调出申请`}>
          <TableHeader>
            <TableRow>
              <TableHead>姓名</TableHead>
              <TableHead>证件号码</TableHead>
              <TableHead>所属地区</TableHead>
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
                <TableCell>{r.regionName}</TableCell>
                <TableCell>{r.destination}</TableCell>
                <TableCell className="whitespace-nowrap">
                  {r.stateLabel}
                  {r.hubStateLabel && `（${r.hubStateLabel}）`}
                </TableCell>
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
                      href={`/console/transfers/out/${r.id}`}
                      aria-label={`${filter === "pending" ? "审核" : "查看"}${r.personName}的调出申请`}
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
          href={`/console/transfers/out?filter=${filter}&after=${page.nextCursor}`}
        >
          下一页
        </Link>
      )}
    </div>
  );
}
