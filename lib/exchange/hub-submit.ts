import "server-only";
import { createHash } from "node:crypto";
import type { Db, Tx } from "@/lib/db/client";
import type { HubTransfer, Prisma } from "@/lib/db/generated/client";
import { DOCUMENT_TYPE_CODES } from "@/lib/identity/document-types";
import type { ObjectStorage } from "@/lib/storage/types";
import { HUB_INITIAL_STATE } from "./hub-states";
import { hubFailure, type HubResult } from "./hub-results";
import { sealPerson, transferView, type StoredFile } from "./hub-transfer-row";
import { firstDelivery } from "./inbox";
import { destinationRegionProblem, jurisdictionOf } from "./members";
import type { SubmitTransfer, TransferView } from "./messages";

// POST transfers: the origin hands an approved 调出申请 to the hub (manual 4.1 审核通过 → 全国平台
// 处理状态 待调入地接收). Idempotent by the transfer id — the origin's outbox delivers at least
// once, so the same submission may come again (with another messageId): it answers the transfer
// as it stands and changes nothing. The file's snapshot is kept in the row, its attachments in the
// hub's object storage under keys made of the transfer id and their digest, so a repeat writes the
// same objects again rather than new ones. The person's identity is stored encrypted with a blind
// index (the destination looks it up by 证件号码 and 姓名); the origin is recorded as holding the
// person's file (HubPersonFile) unless the registry already knows where it is.

const MAX_ATTACHMENT_BYTES = 2 * 1024 * 1024;

type Answer = HubResult<{ transfer: TransferView }>;

export async function submitTransfer(
  db: Db,
  storage: ObjectStorage,
  member: string,
  input: SubmitTransfer,
  now: Date = new Date(),
): Promise<Answer> {
  const t = input.transfer;
  const existing = await db.hubTransfer.findUnique({ where: { id: t.id } });
  if (existing) return repeated(db, existing, member, input.messageId, now);

  const problem = await submissionProblem(db, member, input);
  if (problem) return problem;
  const stored = await storeAttachments(storage, input);
  if (!stored.ok) return stored;

  return db.$transaction(async (tx) => {
    const { count } = await tx.hubTransfer.createMany({
      data: [
        {
          id: t.id,
          originMember: member,
          originRegionCode: t.originRegionCode,
          originRegionName: t.originRegionName,
          destMember: t.destMember,
          destRegionCode: t.destRegionCode,
          ...sealPerson(t.person),
          file: stored.data as Prisma.InputJsonValue,
          state: HUB_INITIAL_STATE,
          submittedAt: now,
        },
      ],
      skipDuplicates: true,
    });
    const row = await tx.hubTransfer.findUniqueOrThrow({ where: { id: t.id } });
    // Lost a race with the same submission arriving twice at once: the other one created it.
    if (count === 0) return repeatedIn(tx, row, member, input.messageId, now);
    await firstDelivery(tx, { id: input.messageId, sender: member, kind: "transfer.submit" }, now);
    await recordSubmit(tx, row, input.messageId, "applied", now);
    await tx.hubPersonFile.createMany({
      data: [{ personIndex: row.personIndex, member, regionCode: t.originRegionCode }],
      skipDuplicates: true,
    });
    return { ok: true, data: { transfer: transferView(row, t.person.name) } };
  });
}

async function submissionProblem(db: Db, member: string, input: SubmitTransfer) {
  const t = input.transfer;
  if (!(DOCUMENT_TYPE_CODES as readonly string[]).includes(t.person.idType)) {
    return hubFailure("invalid_person", "证件类型无效");
  }
  if (jurisdictionOf(t.originRegionCode) !== member) {
    return hubFailure("invalid_region", "调出地区不属于发送方的辖区");
  }
  const destination = destinationRegionProblem(member, t.destRegionCode, t.destMember);
  if (destination) return hubFailure("invalid_destination", destination.message);
  const registered = await db.hubMember.count({ where: { code: t.destMember, active: true } });
  if (registered === 0) return hubFailure("invalid_destination", "调入地尚未接入全国平台");
  return null;
}

async function storeAttachments(
  storage: ObjectStorage,
  input: SubmitTransfer,
): Promise<HubResult<StoredFile>> {
  const { file, id } = input.transfer;
  const decoded = file.attachments.map((a) => ({ ...a, bytes: Buffer.from(a.data, "base64") }));
  for (const [i, a] of decoded.entries()) {
    const digest = createHash("sha256").update(a.bytes).digest("hex");
    const jpeg = a.bytes[0] === 0xff && a.bytes[1] === 0xd8 && a.bytes[2] === 0xff;
    if (digest !== a.sha256 || !jpeg || a.bytes.length > MAX_ATTACHMENT_BYTES) {
      return hubFailure(
        "bad_attachment",
        `第 ${i + 1} 个附件无效（须为不超过 2 MB 的 JPEG，摘要与内容一致）`,
      );
    }
  }
  const attachments = [];
  for (const a of decoded) {
    const key = `hub/transfers/${id}/${a.sha256}.jpg`;
    await storage.put(key, a.bytes, { contentType: a.contentType, contentLength: a.bytes.length });
    attachments.push({ role: a.role, contentType: a.contentType, sha256: a.sha256, key });
  }
  return { ok: true, data: { snapshot: file.snapshot, attachments } };
}

function repeated(
  db: Db,
  row: HubTransfer,
  member: string,
  messageId: string,
  now: Date,
): Promise<Answer> {
  return db.$transaction((tx) => repeatedIn(tx, row, member, messageId, now));
}

/** The same transfer submitted again: recorded, answered as it stands. */
async function repeatedIn(
  tx: Tx,
  row: HubTransfer,
  member: string,
  messageId: string,
  now: Date,
): Promise<Answer> {
  if (row.originMember !== member) {
    return hubFailure("transfer_exists", "该调转编号已被其他成员使用");
  }
  await recordSubmit(tx, row, messageId, "repeat", now);
  return { ok: true, data: { transfer: transferView(row) } };
}

function recordSubmit(
  tx: Tx,
  row: HubTransfer,
  messageId: string,
  outcome: "applied" | "repeat",
  now: Date,
) {
  return tx.hubTransferEvent.create({
    data: {
      transferId: row.id,
      at: now,
      event: "submit",
      sender: row.originMember,
      messageId,
      outcome,
      state: row.state,
    },
  });
}
