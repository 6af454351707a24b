import "server-only";
import { holdsAny, type StaffActor, type StaffRole } from "@/lib/codes/staff-roles";
import type { SessionPerson } from "@/lib/account/session-service";
import { type RequestContext, SYSTEM_CONTEXT, writeAudit } from "@/lib/audit/audit";
import { regionWithin } from "@/lib/region/scope";
import { isUuid } from "@/lib/utils/uuid";
import type { Db, Tx } from "@/lib/db/client";
import type { ObjectStorage } from "@/lib/storage/types";
import { transferLockReason } from "@/lib/person/locks";
import { processUpload } from "./image-intake";
import { isUploadKind, type UploadKind } from "./kinds";
import { ATTACHMENT_CONTENT_TYPE, attachmentStorageKey } from "./storage-key";

// Uploaded files (issue 3, Uploads): checked and re-encoded by lib/upload before anything is
// stored, kept under a server-generated key, readable only by whom `canRead` allows, and swept
// once no draft and no archive version refers to them any more.

export const UPLOAD_KIND_UNKNOWN = "不支持的附件类型";

export type StoreUploadResult =
  | { ok: true; attachmentId: string; width: number; height: number; byteSize: number }
  | { ok: false; message: string };

/** Attachment ids are UUIDs; anything else (a key, a path, a guess) names no attachment. */
export function isAttachmentId(value: unknown): value is string {
  return isUuid(value);
}

/**
 * Checks, re-encodes and stores one upload, once upload-gate.ts has admitted it (the route reads
 * no body before that). Refused input stores nothing (no object, no row);
 * the refusal is audited with its reason. The new file starts orphaned (`orphanedAt = now`):
 * until a draft save names it, it is an abandoned upload the sweep may remove after its grace
 * period.
 */
export async function storeUpload(
  db: Db,
  storage: ObjectStorage,
  ctx: RequestContext,
  session: SessionPerson,
  input: { kind: string; bytes: Buffer },
  now = new Date(),
): Promise<StoreUploadResult> {
  const personId = session.personId;
  const person = await db.person.findUniqueOrThrow({
    where: { id: personId },
    select: { regionCode: true, transferState: true },
  });
  const audit = { actorType: "person", actorId: personId, regionCode: person.regionCode } as const;

  if (!isUploadKind(input.kind)) return { ok: false, message: UPLOAD_KIND_UNKNOWN };
  // A transfer-out under way makes every write view-only, uploads included (nothing could use them).
  const locked = transferLockReason(person.transferState);
  if (locked) return { ok: false, message: locked };
  const kind = input.kind;
  const r = await processUpload(input.bytes, kind);
  if (!r.ok) {
    await db.$transaction(async (tx) => {
      await writeAudit(tx, ctx, {
        ...audit,
        action: "attachment.upload",
        outcome: "failure",
        details: { kind, reason: r.reason, byteSize: input.bytes.length },
      });
    });
    return { ok: false, message: r.message };
  }

  const storageKey = attachmentStorageKey(now);
  await storage.put(storageKey, r.jpeg, {
    contentType: ATTACHMENT_CONTENT_TYPE,
    contentLength: r.byteSize,
  });
  try {
    const row = await db.$transaction(async (tx) => {
      const created = await tx.attachment.create({
        data: {
          personId,
          kind,
          storageKey,
          contentType: ATTACHMENT_CONTENT_TYPE,
          byteSize: r.byteSize,
          width: r.width,
          height: r.height,
          sha256: r.sha256,
          regionCode: person.regionCode,
          createdAt: now,
          orphanedAt: now,
        },
        select: { id: true },
      });
      await writeAudit(tx, ctx, {
        ...audit,
        action: "attachment.upload",
        outcome: "success",
        targetType: "attachment",
        targetId: created.id,
        details: { kind, byteSize: r.byteSize, width: r.width, height: r.height },
      });
      return created;
    });
    return {
      ok: true,
      attachmentId: row.id,
      width: r.width,
      height: r.height,
      byteSize: r.byteSize,
    };
  } catch (error) {
    // No row, no file: an object nobody can name would never be swept.
    await storage.delete(storageKey).catch(() => {});
    throw error;
  }
}

/**
 * Who is looking: the owner, or finance staff of a region — who see only what their work needs
 * and the platform shows them: today the evidence of 继续教育 claims of their region (by the
 * claim's regionCode, exactly as the 学分认定 lists scope claims). Archive files join with the
 * console's archive view.
 */
export type AttachmentViewer =
  | { type: "person"; personId: string }
  | {
      type: "staff";
      staffId: string;
      /** the regions whose claim evidence (学分认定) and 调转附件 (调转审核) the staff member reviews */
      claimRegions: readonly string[];
      transferRegions: readonly string[];
      /** the regions whose archives the staff member reads (人员详情: archive-read) */
      archiveRegions: readonly string[];
    };

/**
 * A staff member as the file route's viewer: claim evidence for 学分认定 (ce-review), 调转附件 for
 * 调转审核 (transfer-review), archived files for 人员详情 (archive-read) — of their region, and
 * without the role no region at all. Here, beside readableAttachment, so the rule is the domain's.
 */
export function staffAttachmentViewer(actor: StaffActor): AttachmentViewer {
  const regions = actor.regionCodes;
  const when = (role: StaffRole) => (holdsAny(actor, [role]) ? regions : []);
  return {
    type: "staff",
    staffId: actor.staffId,
    claimRegions: when("ce-review"),
    transferRegions: when("transfer-review"),
    archiveRegions: when("archive-read"),
  };
}

/** What the file route needs to serve an attachment, or null when the viewer may not see it. */
export async function readableAttachment(db: Db, attachmentId: string, viewer: AttachmentViewer) {
  if (!isAttachmentId(attachmentId)) return null;
  const row = await db.attachment.findUnique({
    where: { id: attachmentId },
    select: {
      personId: true,
      storageKey: true,
      contentType: true,
      byteSize: true,
      ceCredits: { select: { regionCode: true } },
      transfers: { select: { transfer: { select: { regionCode: true } } } },
      person: { select: { regionCode: true } },
      versions: { select: { versionId: true }, take: 1 },
    },
  });
  if (!row) return null;
  switch (viewer.type) {
    case "person":
      return row.personId === viewer.personId ? row : null;
    case "staff": {
      // Staff see a file through the record that shows it: a claim's evidence, a 调出申请's
      // 调转附件, a file of an archive version (人员详情, by the person's region) — of their region.
      const archived = row.versions.length > 0 ? row.person.regionCode : null;
      const regionCode =
        row.ceCredits
          .map((c) => c.regionCode)
          .find((code) => regionWithin(code, viewer.claimRegions)) ??
        row.transfers
          .map((t) => t.transfer.regionCode)
          .find((code) => regionWithin(code, viewer.transferRegions)) ??
        (archived && regionWithin(archived, viewer.archiveRegions) ? archived : undefined);
      return regionCode ? { ...row, regionCode } : null;
    }
  }
}

/** A staff member opened someone's file: on the audit record, like every read of personal data. */
export async function recordStaffView(
  db: Db,
  ctx: RequestContext,
  staffId: string,
  attachmentId: string,
  regionCode: string,
): Promise<void> {
  await db.$transaction((tx) =>
    writeAudit(tx, ctx, {
      actorType: "staff",
      actorId: staffId,
      action: "attachment.staff-view",
      outcome: "success",
      regionCode,
      targetType: "attachment",
      targetId: attachmentId,
    }),
  );
}

export async function canRead(
  db: Db,
  attachmentId: string,
  viewer: AttachmentViewer,
): Promise<boolean> {
  return (await readableAttachment(db, attachmentId, viewer)) !== null;
}

/**
 * Deletes files orphaned before `olderThan` that nothing refers to: no archive version, no
 * 继续教育 claim and no 调出申请 (all three also refused by foreign keys: one such file would fail
 * the whole statement) and not the owner's draft. The draft check is repeated here in SQL, in the
 * same statement as the delete, so a save that names a file again — which clears orphanedAt under
 * the row lock — and the sweep can never both win. Ids are UUIDs, so finding one in the draft's
 * JSON text is exact enough: a false hit only keeps a file.
 * Rows go first, objects after: a failed object delete leaves an unreachable object, never a
 * row pointing at nothing. Runs as the upload-orphan-sweep job (lib/jobs).
 */
export async function sweepOrphans(
  db: Db,
  storage: ObjectStorage,
  olderThan: Date,
): Promise<{ deleted: number; failedObjects: number }> {
  const removed = await db.$transaction(async (tx) => {
    const rows = await tx.$queryRaw<{ id: string; storageKey: string; regionCode: string }[]>`
      DELETE FROM "Attachment" a
      WHERE a."orphanedAt" IS NOT NULL AND a."orphanedAt" < ${olderThan}
        AND NOT EXISTS (SELECT 1 FROM "ArchiveVersionAttachment" v WHERE v."attachmentId" = a.id)
        AND NOT EXISTS (SELECT 1 FROM "CeCredit" c WHERE c."evidenceId" = a.id)
        AND NOT EXISTS (SELECT 1 FROM "TransferOutAttachment" t WHERE t."attachmentId" = a.id)
        AND NOT EXISTS (
          SELECT 1 FROM "CollectionDraft" d
          WHERE d."personId" = a."personId" AND strpos(lower(d.steps::text), a.id::text) > 0)
      RETURNING a.id::text AS id, a."storageKey" AS "storageKey", a."regionCode" AS "regionCode"`;
    if (rows.length > 0) {
      await writeAudit(tx, SYSTEM_CONTEXT, {
        actorType: "system",
        action: "attachment.sweep",
        outcome: "success",
        details: { deleted: rows.length, olderThan: olderThan.toISOString() },
      });
    }
    return rows;
  });
  let failedObjects = 0;
  for (const row of removed) {
    await storage.delete(row.storageKey).catch(() => {
      failedObjects++;
    });
  }
  return { deleted: removed.length, failedObjects };
}

/**
 * Keeps the person's files an archive version is about to show (clears their orphan mark);
 * false when one of them is gone — swept after its grace period, or never theirs.
 */
export async function claimFiles(
  tx: Tx,
  personId: string,
  refs: readonly { id: string }[],
): Promise<boolean> {
  const ids = [...new Set(refs.map((r) => r.id))];
  const claimed = await tx.attachment.updateMany({
    where: { personId, id: { in: ids } },
    data: { orphanedAt: null },
  });
  return claimed.count === ids.length;
}

/** A file another platform sent with a transfer, checked and stored; its row is the caller's. */
export interface ReceivedFile {
  kind: UploadKind;
  storageKey: string;
  byteSize: number;
  width: number;
  height: number;
  sha256: string;
}

/**
 * The intake every upload gets (decoded, re-encoded, metadata stripped) for the files of a
 * transferred archive: the sending platform is another party, not a trusted store. Stores the
 * object; the caller creates the rows in its own transaction and deletes the objects if it fails.
 */
export async function intakeReceivedFile(
  storage: ObjectStorage,
  kind: UploadKind,
  bytes: Buffer,
  now = new Date(),
): Promise<{ ok: true; file: ReceivedFile } | { ok: false; message: string }> {
  const r = await processUpload(bytes, kind);
  if (!r.ok) return { ok: false, message: r.message };
  const storageKey = attachmentStorageKey(now);
  await storage.put(storageKey, r.jpeg, {
    contentType: ATTACHMENT_CONTENT_TYPE,
    contentLength: r.byteSize,
  });
  return {
    ok: true,
    file: {
      kind,
      storageKey,
      byteSize: r.byteSize,
      width: r.width,
      height: r.height,
      sha256: r.sha256,
    },
  };
}
