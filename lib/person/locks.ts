import "server-only";
import { CE_RECORD_STATES, isInProgress } from "@/lib/codes/ce-record-state";
import type { Db, Tx } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import { TRANSFER_IN_OPEN_STATES } from "./transfer-in-states";

// The two locks of 信息变更 (用户操作手册 3 and 4.1), checked in one place by every write of
// 信息变更 and 继续教育 and shown on their pages:
// - transfer lock: 申请调出后“信息采集变更”和“继续教育”将无操作权限，仅允许查看 — while a transfer-out
//   is pending or approved and not yet received (OUT_PENDING, OUT_APPROVED); once the destination
//   received the file (OUT_DONE, 已调出) the person may only read their archive and the transfer.
//   lib/transfer sets Person.transferState.
// - region lock: 继续教育有在途未完成数据，行政区划不能修改 — enrolled courses not finished, or claims
//   awaiting recognition.

export const TRANSFER_STATES = ["OUT_PENDING", "OUT_APPROVED", "OUT_DONE"] as const;
export type TransferState = (typeof TRANSFER_STATES)[number];

export const TRANSFER_LOCKED = "您已申请调出，调转完成前“信息变更”和“继续教育”仅允许查看，不能修改";
export const TRANSFERRED_OUT = "您已调出至其他省份，本平台的档案和调转记录仅允许查看";
export const REGION_LOCKED = "继续教育有在途未完成数据，行政区划不能修改";

export const TRANSFER_IN_UNDER_WAY =
  "您有正在办理的调入申请，调入完成后原档案信息将转入本平台，届时核对提交即可，无需现在采集";

/**
 * A 调入 under way (open, or received with the file not imported yet): the file on its way is
 * the person's record, so 信息采集 must not submit another one meanwhile. As an SQL condition on
 * a person id, for queries that read it with other things (draft-service.ts).
 */
export function transferInUnderWaySql(personId: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`EXISTS (
    SELECT 1 FROM "TransferIn" t WHERE t."personId" = ${personId}
      AND (t.state = ANY(${[...TRANSFER_IN_OPEN_STATES]}::text[])
        OR (t.state = 'received' AND t."fileImportedAt" IS NULL)))`;
}

export async function transferInUnderWay(db: Db | Tx, personId: string): Promise<boolean> {
  const rows = await db.$queryRaw<{ underWay: boolean }[]>`
    SELECT ${transferInUnderWaySql(Prisma.sql`${personId}::uuid`)} AS "underWay"`;
  return rows[0]?.underWay === true;
}

/** CeCredit states that are 在途未完成数据 (lib/codes/ce-record-state.ts decides which). */
const IN_PROGRESS_CE_STATES = CE_RECORD_STATES.codes.filter(isInProgress);

/** Why nothing may be edited (a transfer-out is under way), or null. */
export function transferLockReason(transferState: string | null | undefined): string | null {
  if (transferState === "OUT_DONE") return TRANSFERRED_OUT;
  return transferState === "OUT_PENDING" || transferState === "OUT_APPROVED"
    ? TRANSFER_LOCKED
    : null;
}

export interface EditLocks {
  /** Set: every write of 信息变更 and 继续教育 refuses with this message. */
  transfer: string | null;
  /** Set: 所属行政区划 may not change (other fields may). */
  region: string | null;
}

export async function editLocks(db: Db | Tx, personId: string): Promise<EditLocks> {
  const [person, inProgress] = await Promise.all([
    db.person.findUniqueOrThrow({ where: { id: personId }, select: { transferState: true } }),
    db.ceCredit.count({
      where: { personId, state: { in: IN_PROGRESS_CE_STATES } },
    }),
  ]);
  return {
    transfer: transferLockReason(person.transferState),
    region: inProgress > 0 ? REGION_LOCKED : null,
  };
}

/**
 * The locks as they stand inside a transaction, with the person's row locked (FOR UPDATE) so a
 * 继续教育 write or a transfer-out — which lock the same row — cannot slip in before commit.
 */
export async function lockedEditLocks(tx: Tx, personId: string): Promise<EditLocks> {
  const person = await lockPersonRow(tx, personId);
  const inProgress = await tx.ceCredit.count({
    where: { personId, state: { in: IN_PROGRESS_CE_STATES } },
  });
  return {
    transfer: transferLockReason(person?.transferState),
    region: inProgress > 0 ? REGION_LOCKED : null,
  };
}

/**
 * Locks the person's row for the rest of the transaction. Every write of 信息变更 and 继续教育
 * (and the transfer that sets transferState) takes this lock first, so they run one at a time.
 */
export async function lockPersonRow(
  tx: Tx,
  personId: string,
): Promise<{ regionCode: string; transferState: string | null } | undefined> {
  const rows = await tx.$queryRaw<{ regionCode: string; transferState: string | null }[]>`
    SELECT "regionCode", "transferState" FROM "Person" WHERE id = ${personId}::uuid FOR UPDATE`;
  return rows[0];
}
