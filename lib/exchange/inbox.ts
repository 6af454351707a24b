import "server-only";
import type { Tx } from "@/lib/db/client";

// Idempotent receivers (issue 10: "receivers are idempotent, so each transfer takes effect exactly
// once even when messages repeat"): a message's id is recorded in InboxMessage in the transaction
// that applies it. A second delivery finds the id and applies nothing; the receiver answers it as
// it answered the first (each receiver knows how: the hub from its event rows).

/** Records the message; false when it was received before (then apply nothing). */
export async function firstDelivery(
  tx: Tx,
  message: { id: string; sender: string; kind: string },
  now: Date = new Date(),
): Promise<boolean> {
  const { count } = await tx.inboxMessage.createMany({
    data: [{ ...message, receivedAt: now }],
    skipDuplicates: true,
  });
  return count === 1;
}
