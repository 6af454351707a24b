import pino from "pino";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { ORPHAN_GRACE_MS, sweepUploadOrphansIn } from "@/lib/jobs/sweep-upload-orphans";
import { NOW, personWithSession, tempStorageForFile, upload } from "../../support/collection";

// The upload-orphan-sweep job: an upload nothing refers to goes once its grace period is over —
// not before — and a file a 调出申请 holds stays even when marked orphaned.

const store = tempStorageForFile();
const log = pino({ level: "silent" });
const sweep = sweepUploadOrphansIn(() => store.current.storage);
const after = (ms: number) => new Date(NOW.getTime() + ms);

describe("upload-orphan-sweep job", () => {
  it("deletes an abandoned upload after the grace period, row and object", async () => {
    const s = await personWithSession(db);
    const id = await upload(db, store.current.storage, s, "student-card");
    const { storageKey } = await db.attachment.findUniqueOrThrow({ where: { id } });

    await sweep({ db, now: after(ORPHAN_GRACE_MS - 60_000), log });
    expect(await db.attachment.count({ where: { id } })).toBe(1);

    const r = await sweep({ db, now: after(ORPHAN_GRACE_MS + 60_000), log });
    expect(r.processed).toBeGreaterThanOrEqual(1);
    expect(r.detail).toMatchObject({ failedObjects: 0 });
    expect(await db.attachment.count({ where: { id } })).toBe(0);
    expect(await store.current.storage.exists(storageKey)).toBe(false);
  });

  it("keeps the 调转附件 of a 调出申请, even marked orphaned, and still sweeps the rest", async () => {
    const s = await personWithSession(db);
    const proof = await upload(db, store.current.storage, s, "document-page");
    const abandoned = await upload(db, store.current.storage, s, "student-card");
    await db.transferOut.create({
      data: {
        personId: s.personId,
        regionCode: s.regionCode,
        destMember: "440300",
        destRegionCode: "440305",
        reason: "工作调动",
        state: "rejected",
        reviewDueAt: NOW,
        attachments: { create: { position: 0, attachmentId: proof } },
      },
    });
    // The mark is the transfer code's to keep right; the sweep must not rely on it (the foreign
    // key would fail the whole delete, keeping every orphan).
    await db.attachment.update({ where: { id: proof }, data: { orphanedAt: NOW } });

    await sweep({ db, now: after(ORPHAN_GRACE_MS + 60_000), log });
    const left = await db.attachment.findMany({ where: { personId: s.personId } });
    expect(left.map((a) => a.id)).toEqual([proof]);
    expect(await store.current.storage.exists(left[0]!.storageKey)).toBe(true);
    expect(await db.attachment.count({ where: { id: abandoned } })).toBe(0);
  });
});
