import type { Metadata } from "next";
import { requireStaffRole } from "@/components/console/require-staff-role";
import { db } from "@/lib/db/client";
import { IN_FILTER_LABELS, inApplicationsForStaff } from "@/lib/transfer/in-queries";
import { isTransferFilter } from "@/lib/transfer/queue";
import { TransferQueue } from "../transfer-queue";

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
  const filter = isTransferFilter(params.filter) ? params.filter : "pending";
  const after = typeof params.after === "string" ? params.after : null;
  const page = await inApplicationsForStaff(db, staff.actor, filter, after);
  return (
    <TransferQueue
      title="调入审核"
      noun="调入申请"
      path="/console/transfers/in"
      placeHeading="调出地"
      filter={filter}
      filterLabels={IN_FILTER_LABELS}
      done={params.done}
      doneLabels={{ approved: "审核通过，已向全国平台报送接收", rejected: "审核不通过" }}
      page={{
        ...page,
        rows: page.rows.map((r) => ({ ...r, place: r.from, stateText: r.stateLabel })),
      }}
    />
  );
}
