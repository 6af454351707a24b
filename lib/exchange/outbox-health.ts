import "server-only";
import type { Db } from "@/lib/db/client";
import { exchangeRetention } from "./outbox-retention";

// What /api/ready tells operators about the outbox (a warning: the instance stays ready). A
// message undelivered for more than a day means the other side, or the way to it, has been down
// that long — and the receivers' idempotency lasts only as long as their inbox retention
// (outbox-retention.ts). A message refused for good (failedAt) needs a person to look at its
// lastError; it is counted while it is recent (the delivered messages' retention), so the
// warning clears by itself once it is old news rather than for ever.

export const STUCK_AFTER_MS = 24 * 3_600_000;

export interface OutboxHealth {
  /** undelivered, not refused, older than a day */
  stuck: number;
  /** refused for good within the retention */
  failed: number;
  message: string | null;
}

export async function outboxWarning(db: Db, now: Date = new Date()): Promise<OutboxHealth> {
  const stuckBefore = new Date(now.getTime() - STUCK_AFTER_MS);
  const failedSince = new Date(now.getTime() - exchangeRetention().outboxMs);
  const [row] = await db.$queryRaw<{ stuck: number; failed: number }[]>`
    SELECT count(*) FILTER (WHERE "failedAt" IS NULL AND "createdAt" < ${stuckBefore})::int AS stuck,
           count(*) FILTER (WHERE "failedAt" >= ${failedSince})::int AS failed
    FROM "OutboxMessage" WHERE "deliveredAt" IS NULL`;
  const stuck = row?.stuck ?? 0;
  const failed = row?.failed ?? 0;
  return { stuck, failed, message: outboxMessage(stuck, failed) };
}

export function outboxMessage(stuck: number, failed: number): string | null {
  const parts = [
    stuck > 0 ? `${stuck} 条消息超过一天未送达` : null,
    failed > 0 ? `${failed} 条消息被对方拒收、不再重试` : null,
  ].filter(Boolean);
  if (parts.length === 0) return null;
  return `全国平台交换：${parts.join("，")}（原因见 OutboxMessage.lastError）`;
}
