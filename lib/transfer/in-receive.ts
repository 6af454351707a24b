import "server-only";
import { createHash } from "node:crypto";
import { SYSTEM_CONTEXT, writeAudit } from "@/lib/audit/audit";
import { type CollectionSnapshot, parseSnapshot } from "@/lib/collection/archive-service";
import type { Db, Tx } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { logger } from "@/lib/log/logger";
import type { ObjectStorage } from "@/lib/storage/types";
import { intakeReceivedFile, type ReceivedFile } from "@/lib/upload/attachment-service";
import { ATTACHMENT_CONTENT_TYPE } from "@/lib/upload/storage-key";
import { forEachDue } from "./due";
import type { TransferExchange } from "./exchange-port";
import { notifyPerson } from "./notify";
import { appendTransferredVersion } from "./in-return";
import { kindOf, transferredSteps } from "./in-snapshot";
import { refreshPersonSearch } from "@/lib/search/projection";

// 已接收: the file comes here (issue 10: "the person logs in and completes collection pre-filled
// from the transferred file … attachments travel with the file"). The exchange's file becomes the
// person's 信息采集 draft: every data step filled from the archive as it left the origin, the
// files re-checked and stored here, 所属行政区划 the county they transferred to — and no step
// confirmed yet, so the person reads each one (and 阅读须知 again) before submitting, exactly as
// in 信息采集 (用户操作手册: “操作可参考目录2”). Someone whose archive stayed here when they left
// gets the received file as its next version instead (in-return.ts).
// Runs after the receipt commits and again from the job until it succeeds (fileImportedAt).

export const IMPORT_FAILED = "调入档案导入失败";

export async function importTransferredFile(
  db: Db,
  storage: ObjectStorage,
  exchange: TransferExchange,
  id: string,
  now = new Date(),
): Promise<{ ok: true; imported: boolean } | { ok: false; message: string }> {
  const app = await db.transferIn.findUnique({
    where: { id },
    select: { state: true, fileImportedAt: true, personId: true, regionCode: true },
  });
  if (!app || app.state !== "received" || app.fileImportedAt) return { ok: true, imported: false };
  const answer = await exchange.file(id);
  if (!answer.ok) return { ok: false, message: answer.message };

  let snapshot: CollectionSnapshot | null = null;
  try {
    snapshot = parseSnapshot(answer.value.snapshot);
  } catch {
    // Another implementation's record we cannot read: the person fills the collection in anew.
    logger.warn({ transferId: id }, "transferred snapshot not readable; empty draft");
  }
  const stored: { role: string; file: ReceivedFile }[] = [];
  // Files left out (unknown role, altered on the way, refused by the intake): the person uploads
  // them again in the wizard; the audit row names them.
  const skipped: string[] = [];
  let imported: "draft" | "version" | false = false;
  try {
    for (const a of snapshot ? answer.value.attachments : []) {
      // The 调转附件 were the origin's to review; no record here refers to them.
      if (a.role.startsWith("transfer.proof.")) continue;
      const kind = kindOf(a.role);
      const bytes = Buffer.from(a.data, "base64");
      if (!kind || createHash("sha256").update(bytes).digest("hex") !== a.sha256) {
        skipped.push(a.role);
        continue;
      }
      const r = await intakeReceivedFile(storage, kind, bytes, now);
      if (r.ok) stored.push({ role: a.role, file: r.file });
      else skipped.push(a.role);
    }
    imported = await db.$transaction(async (tx) => {
      const rows = await tx.$queryRaw<{ fileImportedAt: Date | null }[]>`
        SELECT "fileImportedAt" FROM "TransferIn" WHERE id = ${id}::uuid FOR UPDATE`;
      if (rows[0]?.fileImportedAt) return false;
      const newIds = new Map<string, string>();
      for (const { role, file } of stored) {
        const row = await tx.attachment.create({
          data: {
            personId: app.personId,
            kind: file.kind,
            storageKey: file.storageKey,
            contentType: ATTACHMENT_CONTENT_TYPE,
            byteSize: file.byteSize,
            width: file.width,
            height: file.height,
            sha256: file.sha256,
            regionCode: app.regionCode,
            createdAt: now,
          },
          select: { id: true },
        });
        newIds.set(role, row.id);
      }
      const archive = await tx.archive.findUnique({
        where: { personId: app.personId },
        select: { id: true, currentVersion: true },
      });
      const returned = archive
        ? await appendTransferredVersion(tx, {
            archive,
            personId: app.personId,
            transferId: id,
            regionCode: app.regionCode,
            snapshot,
            received: newIds,
            now,
          })
        : null;
      if (!returned) await draftFromTransfer(tx, app, snapshot, newIds);
      await tx.person.update({
        where: { id: app.personId },
        data: { regionCode: app.regionCode, transferState: null },
      });
      await refreshPersonSearch(tx, app.personId, now);
      await tx.transferIn.update({ where: { id }, data: { fileImportedAt: now } });
      await writeAudit(tx, SYSTEM_CONTEXT, {
        actorType: "system",
        action: "transfer.in-outcome",
        outcome: "success",
        regionCode: app.regionCode,
        targetType: "transfer-in",
        targetId: id,
        details: {
          imported: stored.length,
          skipped,
          readable: snapshot !== null,
          ...(returned ? { archiveVersion: returned.version, fields: returned.fields } : {}),
        },
      });
      return returned ? "version" : "draft";
    });
    if (!imported)
      await Promise.all(stored.map((s) => storage.delete(s.file.storageKey).catch(() => {})));
  } catch (error) {
    await Promise.all(stored.map((s) => storage.delete(s.file.storageKey).catch(() => {})));
    throw error;
  }
  if (!imported) return { ok: true, imported: false };
  const person = await db.person.findUniqueOrThrow({
    where: { id: app.personId },
    select: { phone: true },
  });
  await notifyPerson(person.phone, {
    status: "跨省调入已完成",
    detail:
      imported === "version"
        ? "您的档案已按调入的信息更新，请登录本平台核对，如有变化请办理信息变更。"
        : "请登录本平台，在“信息采集”中核对调入的信息并提交。",
  });
  return { ok: true, imported: true };
}

/** The job: received transfers whose file is not imported yet (the exchange was down, …). */
export async function importDueIn(ctx: {
  db: Db;
  storage: ObjectStorage;
  exchange: TransferExchange;
  now: Date;
}): Promise<{ processed: number }> {
  const due = await ctx.db.transferIn.findMany({
    where: { state: "received", fileImportedAt: null },
    select: { id: true },
    // The longest waiting first; one that keeps failing moves back as its row is touched.
    orderBy: { updatedAt: "asc" },
    take: 50,
  });
  return forEachDue(
    due.map((d) => d.id),
    "import of a received file failed",
    async (id) => {
      const r = await importTransferredFile(ctx.db, ctx.storage, ctx.exchange, id, ctx.now);
      return r.ok && r.imported;
    },
  );
}

/** A newcomer's 信息采集 draft, pre-filled: every step to read and confirm again. */
async function draftFromTransfer(
  tx: Tx,
  app: { personId: string; regionCode: string },
  snapshot: CollectionSnapshot | null,
  newIds: ReadonlyMap<string, string>,
): Promise<void> {
  const steps = (snapshot
    ? transferredSteps(snapshot, newIds, app.regionCode)
    : {}) as unknown as Prisma.InputJsonObject;
  await tx.collectionDraft.upsert({
    where: { personId: app.personId },
    // Revision 0 means "no draft yet" to the wizard's saves (draft-service.ts commitSql).
    create: {
      personId: app.personId,
      steps,
      completedSteps: [],
      revision: 1,
      regionCode: app.regionCode,
    },
    update: {
      steps,
      completedSteps: [],
      revision: { increment: 1 },
      regionCode: app.regionCode,
    },
  });
}
