import { describe, expect, it } from "vitest";
import { submitCollection } from "@/lib/collection/archive-service";
import {
  canRead,
  readableAttachment,
  storeUpload,
  sweepOrphans,
} from "@/lib/upload/attachment-service";
import { TRANSFER_LOCKED } from "@/lib/person/locks";
import { db } from "@/lib/db/client";
import { UPLOAD_MESSAGES } from "@/lib/upload/limits";
import {
  corruptedJpeg,
  headshotJpeg,
  renamedExecutable,
  truncatedJpeg,
} from "../../fixtures/images/make";
import {
  ctx,
  NOW,
  personWithSession,
  saveAll,
  tempStorageForFile,
  upload,
  uploadPersonalFiles,
  validSteps,
} from "../../support/collection";

const store = tempStorageForFile();

const LATER = new Date(NOW.getTime() + 2 * 24 * 3600 * 1000);

describe("attachments", () => {
  it("stores an accepted upload as a JPEG under a server key, owner-readable only", async () => {
    const s = await personWithSession(db);
    const other = await personWithSession(db);
    const r = await storeUpload(
      db,
      store.current.storage,
      ctx,
      s,
      { kind: "headshot", bytes: await headshotJpeg() },
      NOW,
    );
    expect(r).toMatchObject({ ok: true, width: 590, height: 826 });
    if (!r.ok) return;
    const row = await db.attachment.findUniqueOrThrow({ where: { id: r.attachmentId } });
    expect(row).toMatchObject({
      personId: s.personId,
      kind: "headshot",
      contentType: "image/jpeg",
      regionCode: s.regionCode,
      orphanedAt: NOW,
    });
    expect(row.storageKey).toMatch(/^attachments\/2026\/11\/[0-9a-f-]{36}\.jpg$/);
    expect(row.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(await store.current.storage.exists(row.storageKey)).toBe(true);

    expect(await canRead(db, r.attachmentId, { type: "person", personId: s.personId })).toBe(true);
    expect(await canRead(db, r.attachmentId, { type: "person", personId: other.personId })).toBe(
      false,
    );
    expect(
      await readableAttachment(db, "../etc/passwd", { type: "person", personId: s.personId }),
    ).toBeNull();
    expect(await canRead(db, row.storageKey, { type: "person", personId: s.personId })).toBe(false);
  });

  it.each([
    ["a corrupt JPEG", corruptedJpeg, "document-page", UPLOAD_MESSAGES.corrupt],
    ["a truncated JPEG", truncatedJpeg, "document-page", UPLOAD_MESSAGES.corrupt],
    ["a renamed executable", async () => renamedExecutable(), "headshot", undefined],
  ] as const)("refuses %s and stores nothing", async (_name, make, kind, message) => {
    const s = await personWithSession(db);
    const before = (await store.current.files()).length;
    const r = await storeUpload(
      db,
      store.current.storage,
      ctx,
      s,
      { kind, bytes: await make() },
      NOW,
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    if (message) expect(r.message).toBe(message);
    else expect(r.message).toMatch(/JPEG|PNG|图片/);
    expect(await db.attachment.count({ where: { personId: s.personId } })).toBe(0);
    expect((await store.current.files()).length).toBe(before);
    expect(
      await db.auditEvent.findFirst({
        where: { action: "attachment.upload", actorId: s.personId },
      }),
    ).toMatchObject({ outcome: "failure" });
  });

  it("refuses an unknown kind", async () => {
    const s = await personWithSession(db);
    const r = await storeUpload(
      db,
      store.current.storage,
      ctx,
      s,
      { kind: "script", bytes: await headshotJpeg() },
      NOW,
    );
    expect(r.ok).toBe(false);
    expect(await db.attachment.count({ where: { personId: s.personId } })).toBe(0);
  });

  it("sweeps abandoned and replaced files, keeps those a draft or an archive version refers to", async () => {
    const s = await personWithSession(db);
    const files = await uploadPersonalFiles(db, store.current.storage, s);
    const steps = validSteps(files);
    await saveAll(db, s, steps);
    const abandoned = await upload(db, store.current.storage, s, "student-card");
    const keyOf = async (id: string) =>
      (await db.attachment.findUniqueOrThrow({ where: { id } })).storageKey;
    const abandonedKey = await keyOf(abandoned);

    const mine = async () =>
      (await db.attachment.findMany({ where: { personId: s.personId }, select: { id: true } }))
        .map((r) => r.id)
        .sort();
    // Within the grace period nothing goes, not even the abandoned upload. (The sweep is
    // global: other tests' orphans go too, so this person's files are what is checked.)
    await sweepOrphans(db, store.current.storage, NOW);
    expect(await mine()).toEqual([...Object.values(files), abandoned].sort());

    // Even a wrongly set mark does not remove a file the draft still names.
    await db.attachment.update({ where: { id: files.headshot }, data: { orphanedAt: NOW } });
    const swept = await sweepOrphans(db, store.current.storage, LATER);
    expect(swept.deleted).toBeGreaterThanOrEqual(1);
    expect(swept.failedObjects).toBe(0);
    expect(await mine()).toEqual(Object.values(files).sort());
    expect(await db.attachment.findUnique({ where: { id: abandoned } })).toBeNull();
    expect(await store.current.storage.exists(abandonedKey)).toBe(false);
    for (const id of Object.values(files)) {
      expect(await store.current.storage.exists(await keyOf(id))).toBe(true);
    }

    // After submit the archive version keeps the files even with the draft gone.
    expect(await submitCollection(db, ctx, s, NOW)).toMatchObject({ ok: true });
    await db.collectionDraft.delete({ where: { personId: s.personId } });
    await db.attachment.updateMany({ where: { personId: s.personId }, data: { orphanedAt: NOW } });
    await sweepOrphans(db, store.current.storage, LATER);
    expect(await mine()).toEqual(Object.values(files).sort());
    for (const id of Object.values(files)) {
      expect(await store.current.storage.exists(await keyOf(id))).toBe(true);
    }
    // And the database refuses to delete a file an archive version refers to.
    await expect(db.attachment.delete({ where: { id: files.headshot } })).rejects.toThrow();
  });

  it("refuses uploads while a transfer-out is under way", async () => {
    const s = await personWithSession(db);
    await db.person.update({ where: { id: s.personId }, data: { transferState: "OUT_APPROVED" } });
    const bytes = await headshotJpeg();
    const r = await storeUpload(
      db,
      store.current.storage,
      ctx,
      s,
      { kind: "headshot", bytes },
      NOW,
    );
    expect(r).toEqual({ ok: false, message: TRANSFER_LOCKED });
    expect(await db.attachment.count({ where: { personId: s.personId } })).toBe(0);
  });
});
