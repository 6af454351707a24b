import "server-only";
import type { Db } from "@/lib/db/client";
import { decryptField } from "@/lib/crypto/field-cipher";
import { OUTBOX_KINDS } from "@/lib/exchange/messages";
import type { Composers, ComposeResult, OutboxMessageRef } from "@/lib/exchange/outbox";
import type { ObjectStorage } from "@/lib/storage/types";
import { outboundTransfer } from "./out-file";

// The bodies of this platform's outbox messages that carry personal data, composed when the
// message is sent (lib/exchange/outbox-compose.ts) so the outbox row holds only a reference: a
// transfer.submit its TransferOut (the row's transferId), a file.register the person. The 证件号码
// is decrypted and the attachments read here, for the request, and nowhere stored in clear.
// A body that cannot be built for good (an attachment gone) ends the message, and its refusal
// handler the application (out-refused.ts); storage that does not answer throws: tried again.

export function platformComposers(storage: ObjectStorage): Composers {
  return {
    "transfer.submit": (db, message) => submitBody(db, storage, message),
    "file.register": registerBody,
  };
}

async function submitBody(
  db: Db,
  storage: ObjectStorage,
  message: OutboxMessageRef,
): Promise<ComposeResult> {
  const transferId = message.transferId!;
  const { reviewedAt } = await db.transferOut.findUniqueOrThrow({
    where: { id: transferId },
    select: { reviewedAt: true },
  });
  if (!reviewedAt) return { ok: false, reason: "not_reviewed", message: "该调出申请尚未审核" };
  const file = await outboundTransfer(db, storage, transferId);
  if (!file.ok) return { ok: false, reason: "file_unavailable", message: file.message };
  // approvedAt is the review's time, written by the transaction that enqueued the message.
  return {
    ok: true,
    body: { transfer: { ...file.transfer, approvedAt: reviewedAt.toISOString() } },
  };
}

async function registerBody(db: Db, message: OutboxMessageRef): Promise<ComposeResult> {
  const ref = OUTBOX_KINDS["file.register"].stored.safeParse(message.stored);
  if (!ref.success) return { ok: false, reason: "bad_reference", message: "消息引用无效" };
  const person = await db.person.findUnique({
    where: { id: ref.data.personId },
    select: { idNumberCipher: true },
  });
  if (!person) return { ok: false, reason: "no_person", message: "人员不存在" };
  return {
    ok: true,
    body: { idNumber: decryptField(person.idNumberCipher), regionCode: ref.data.regionCode },
  };
}
