import "server-only";
import type { Db } from "@/lib/db/client";
import { writeAudit, type RequestContext } from "@/lib/audit/audit";
import type { ObjectStorage } from "@/lib/storage/types";
import { processUpload } from "@/lib/upload/image-intake";
import { readUploadBody } from "@/lib/upload/receive-upload";
import { ATTACHMENT_CONTENT_TYPE, attachmentStorageKey } from "@/lib/upload/storage-key";
import { UPLOAD_TOO_SLOW } from "@/lib/upload/receive-upload";
import { UPLOADS_TOO_FREQUENT } from "@/lib/upload/upload-gate";
import { APPEAL_PHOTO_KINDS } from "./appeal-rules";
import { DRAFT_EXPIRED, openDraft } from "./draft";
import { takePhotoBudget } from "./limits";
import { admitAppealUpload, appealReadDeadlineMs, cutOffAfter } from "./photo-gate";

// 账号申诉's photos (POST /api/appeal-photos): the sender has no session, so the draft's secret
// stands in for it — no secret, no byte read. Then the same intake as every upload: the draft's
// budget (refusals count), the appeal photos' own slots before the body (photo-gate.ts: never the
// accountants' shared ones), at most 5 MB read within a shorter deadline, decoded and re-encoded (lib/upload/image-intake.ts) — the document rule,
// as for 证件 pages. A new photo of a kind replaces the old one.

export type AppealPhotoResult =
  | { ok: true; photoId: string; width: number; height: number }
  | { ok: false; status: number; message: string; retryAfterSeconds?: number };

export async function storeAppealPhoto(
  db: Db,
  storage: ObjectStorage,
  ctx: RequestContext,
  input: {
    appealId: string;
    token: string;
    kind: string;
    body: ReadableStream<Uint8Array> | null;
  },
  now = new Date(),
): Promise<AppealPhotoResult> {
  const refuse = async (r: Extract<AppealPhotoResult, { ok: false }>) => {
    await input.body?.cancel().catch(() => {});
    return r;
  };
  if (!APPEAL_PHOTO_KINDS.is(input.kind)) {
    return refuse({ ok: false, status: 422, message: "不支持的照片类型" });
  }
  const kind = input.kind;
  const draft = await openDraft(db, input.appealId, input.token, now);
  if (!draft) return refuse({ ok: false, status: 401, message: DRAFT_EXPIRED });
  const audit = {
    actorType: "anonymous" as const,
    action: "appeal.photo" as const,
    regionCode: draft.regionCode,
    targetType: "appeal",
    targetId: draft.id,
  };

  const allowed = await takePhotoBudget(db, draft.id);
  if (!allowed.ok) {
    await db.$transaction((tx) =>
      writeAudit(tx, ctx, { ...audit, outcome: "denied", details: { kind, reason: "rate-limit" } }),
    );
    return refuse({
      ok: false,
      status: 429,
      message: UPLOADS_TOO_FREQUENT,
      retryAfterSeconds: Math.ceil(allowed.retryAfterMs / 1000),
    });
  }
  const admission = admitAppealUpload(ctx.ip);
  if (!admission.ok) return refuse(admission);
  const cut = cutOffAfter(input.body, appealReadDeadlineMs());
  try {
    const read = await readUploadBody(cut.body);
    cut.done();
    if (cut.late()) return { ok: false, status: 408, message: UPLOAD_TOO_SLOW };
    if (!read.ok) return read;
    const r = await processUpload(read.bytes, "document-page");
    if (!r.ok) {
      await db.$transaction((tx) =>
        writeAudit(tx, ctx, { ...audit, outcome: "failure", details: { kind, reason: r.reason } }),
      );
      return { ok: false, status: 422, message: r.message };
    }
    const storageKey = attachmentStorageKey(now);
    await storage.put(storageKey, r.jpeg, {
      contentType: ATTACHMENT_CONTENT_TYPE,
      contentLength: r.byteSize,
    });
    const saved = await db
      .$transaction(async (tx) => {
        // The draft may have been submitted (or expired) while the body arrived.
        const still = await tx.accountAppeal.updateMany({
          where: { id: draft.id, state: "draft", draftExpiresAt: { gt: now } },
          data: { draftExpiresAt: draft.draftExpiresAt },
        });
        if (still.count !== 1) return null;
        const old = await tx.appealPhoto.findUnique({
          where: { appealId_kind: { appealId: draft.id, kind } },
          select: { storageKey: true },
        });
        if (old)
          await tx.appealPhoto.delete({ where: { appealId_kind: { appealId: draft.id, kind } } });
        const photo = await tx.appealPhoto.create({
          data: {
            appealId: draft.id,
            kind,
            storageKey,
            contentType: ATTACHMENT_CONTENT_TYPE,
            byteSize: r.byteSize,
            width: r.width,
            height: r.height,
            sha256: r.sha256,
            createdAt: now,
          },
          select: { id: true },
        });
        await writeAudit(tx, ctx, {
          ...audit,
          outcome: "success",
          details: { kind, byteSize: r.byteSize, width: r.width, height: r.height },
        });
        return { photoId: photo.id, replaced: old?.storageKey ?? null };
      })
      .catch(async (error: unknown) => {
        await storage.delete(storageKey).catch(() => {});
        throw error;
      });
    if (!saved) {
      await storage.delete(storageKey).catch(() => {});
      return { ok: false, status: 401, message: DRAFT_EXPIRED };
    }
    // After the commit: the old object is named by no row any more.
    if (saved.replaced) await storage.delete(saved.replaced).catch(() => {});
    return { ok: true, photoId: saved.photoId, width: r.width, height: r.height };
  } finally {
    cut.done();
    admission.release();
  }
}
