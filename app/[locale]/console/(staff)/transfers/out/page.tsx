import type { Metadata } from "next";
import { requireStaffRole } from "@/components/console/require-staff-role";
import { db } from "@/lib/db/client";
import { OUT_FILTER_LABELS, outApplicationsForStaff } from "@/lib/transfer/out-queries";
import { isTransferFilter } from "@/lib/transfer/queue";
import { TransferQueue } from "../transfer-queue";

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
  const filter = isTransferFilter(params.filter) ? params.filter : "pending";
  const after = typeof params.after === "string" ? params.after : null;
  const page = await outApplicationsForStaff(db, staff.actor, filter, after);
  return (
    <TransferQueue
      title="调出审核"
      noun="调出申请"
      path="/console/transfers/out"
      placeHeading="所属地区"
      filter={filter}
      filterLabels={OUT_FILTER_LABELS}
      done={params.done}
      doneLabels={{ approved: "审核通过，档案已报送全国平台", rejected: "审核不通过" }}
      page={{
        ...page,
        rows: page.rows.map((r) => ({
          ...r,
          place: r.regionName,
          // the exchange's own state beside ours while it handles the file
          stateText: r.hubStateLabel ? `${r.stateLabel}（${r.hubStateLabel}）` : r.stateLabel,
        })),
      }}
    />
  );
}
