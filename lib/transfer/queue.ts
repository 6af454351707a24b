import "server-only";
import { type RequestContext, writeAudit } from "@/lib/audit/audit";
import type { Db } from "@/lib/db/client";

// What 调出审核 and 调入审核 share: the same three tabs over each one's own states (待审核, then at
// the exchange, then closed), and the audit record of a staff member opening one application.

export const TRANSFER_FILTERS = ["pending", "approved", "closed"] as const;
export type TransferFilter = (typeof TRANSFER_FILTERS)[number];

export function isTransferFilter(v: unknown): v is TransferFilter {
  return (TRANSFER_FILTERS as readonly unknown[]).includes(v);
}

/** Reading an application is reading personal data: every staff read is on the record. */
export async function auditStaffView(
  db: Db,
  ctx: RequestContext,
  staffId: string,
  target: { type: "transfer-in" | "transfer-out"; id: string; regionCode: string },
) {
  await db.$transaction((tx) =>
    writeAudit(tx, ctx, {
      actorType: "staff",
      actorId: staffId,
      action: "transfer.staff-view",
      outcome: "success",
      regionCode: target.regionCode,
      targetType: target.type,
      targetId: target.id,
    }),
  );
}
