import { describe, expect, it } from "vitest";
import { parseArchiveNumber } from "@/lib/collection/archive-number";
import {
  collectionStatus,
  currentArchive,
  ownArchive,
  SUBMIT_INCOMPLETE,
  submitCollection,
} from "@/lib/collection/archive-service";
import { ALREADY_COLLECTED, saveDraftOnly } from "@/lib/collection/draft-service";
import { TRUTH_PLEDGE_REQUIRED } from "@/lib/collection/schemas/notice";
import { decryptField } from "@/lib/crypto/field-cipher";
import { db } from "@/lib/db/client";
import {
  ctx,
  NOW,
  personWithSession,
  saveAll,
  tempStorageForFile,
  uploadPersonalFiles,
  validSteps,
} from "../../support/collection";
import { tablesShowingBirthDate } from "../../support/birth-date";

const store = tempStorageForFile();

async function collectedPerson() {
  const s = await personWithSession(db);
  const files = await uploadPersonalFiles(db, store.current.storage, s);
  await saveAll(db, s, validSteps(files));
  const r = await submitCollection(db, ctx, s, NOW);
  if (!r.ok) throw new Error(JSON.stringify(r));
  return { s, files, r };
}

describe("信息采集 submit", () => {
  it("is refused while steps are missing, with per-step errors, and writes nothing", async () => {
    const s = await personWithSession(db);
    const { notice, personal, education } = validSteps(
      await uploadPersonalFiles(db, store.current.storage, s),
    );
    const revision = await saveAll(db, s, { notice, personal, education });
    const r = await submitCollection(db, ctx, s, NOW);
    expect(r).toMatchObject({ ok: false, reason: "incomplete", message: SUBMIT_INCOMPLETE });
    if (r.ok || r.reason !== "incomplete") return;
    expect(Object.keys(r.errors).sort()).toEqual(["awards", "professional", "work"]);

    // A step complete earlier but since saved as an invalid draft is refused again at submit.
    const rest = validSteps({ headshot: "", front: "", back: "" });
    const last = await saveAll(
      db,
      s,
      { work: rest.work, professional: rest.professional, awards: rest.awards },
      revision,
    );
    await saveDraftOnly(
      db,
      ctx,
      s,
      { step: "notice", data: { truthPledge: false }, revision: last },
      NOW,
    );
    const again = await submitCollection(db, ctx, s, NOW);
    expect(again).toMatchObject({
      ok: false,
      reason: "incomplete",
      errors: { notice: [{ path: ["truthPledge"], message: TRUTH_PLEDGE_REQUIRED }] },
    });
    expect(await db.archive.count({ where: { personId: s.personId } })).toBe(0);
    expect(await collectionStatus(db, s.personId)).toMatchObject({ status: "采集中" });
  });

  it("creates the archive with version 1, its files and an archive number; sets the region", async () => {
    const { s, files, r } = await collectedPerson();
    expect(r.version).toBe(1);
    const parts = parseArchiveNumber(r.archiveNumber);
    expect(parts).toMatchObject({ province: "44", year: 2026 });

    const archive = await currentArchive(db, s.personId);
    expect(archive).toMatchObject({
      archiveNumber: r.archiveNumber,
      regionCode: "440106",
      version: 1,
      collectedAt: NOW,
    });
    expect(archive!.snapshot.work).toMatchObject({
      status: "ACCOUNTING_POST",
      regionCode: "440106",
    });
    expect(archive!.snapshot.person).toMatchObject({ name: "陈静", idType: "RESIDENT_ID" });
    expect(archive!.attachments.sort((a, b) => a.role.localeCompare(b.role))).toEqual([
      { role: "personal.documentPageIds.EMBLEM", attachmentId: files.back },
      { role: "personal.documentPageIds.PORTRAIT", attachmentId: files.front },
      { role: "personal.headshotId", attachmentId: files.headshot },
    ]);
    const version = await db.archiveVersion.findFirstOrThrow({ where: { archiveId: r.archiveId } });
    expect(version).toMatchObject({ channel: "collection", actorType: "person", changes: null });
    expect(version.actorId).toBe(s.personId);

    expect((await db.person.findUniqueOrThrow({ where: { id: s.personId } })).regionCode).toBe(
      "440106",
    );
    expect(await collectionStatus(db, s.personId)).toEqual({
      status: "信息已采集",
      archiveId: r.archiveId,
      archiveNumber: r.archiveNumber,
      collectedAt: NOW,
    });
    expect(
      await db.auditEvent.findFirst({
        where: { action: "collection.submit", actorId: s.personId },
      }),
    ).toMatchObject({ outcome: "success", targetId: r.archiveId, regionCode: "440106" });
  });

  it("keeps the birth date out of every clear column: the year only, the day in the number", async () => {
    const { s, r } = await collectedPerson();
    const person = await db.person.findUniqueOrThrow({ where: { id: s.personId } });
    const number = decryptField(person.idNumberCipher);
    const day = number.slice(6, 14).replace(/(\d{4})(\d{2})(\d{2})/, "$1-$2-$3");
    expect(person.birthYear).toBe(Number(number.slice(6, 10)));
    expect(await tablesShowingBirthDate(db, [s.personId, r.archiveId], day)).toEqual([]);
    const version = await db.archiveVersion.findFirstOrThrow({ where: { archiveId: r.archiveId } });
    expect((version.snapshot as { person: unknown }).person).toEqual({
      name: person.name,
      idType: "RESIDENT_ID",
      idNumberMasked: person.idNumberMasked,
      gender: person.gender,
      birthYear: person.birthYear,
    });
    // What staff read (人员详情) has the year; the owner's own 我的档案 the day, from the number.
    const stored = await currentArchive(db, s.personId);
    expect(stored!.snapshot.person).not.toHaveProperty("birthDate");
    expect(stored!.snapshot.person.birthYear).toBe(person.birthYear);
    const own = await ownArchive(db, s.personId);
    expect(own!.snapshot.person.birthDate).toBe(day);
  });

  it("gives every archive its own number", async () => {
    const a = await collectedPerson();
    const b = await collectedPerson();
    expect(a.r.archiveNumber).not.toBe(b.r.archiveNumber);
    expect(parseArchiveNumber(b.r.archiveNumber)!.serial).toBeGreaterThan(
      parseArchiveNumber(a.r.archiveNumber)!.serial,
    );
  });

  it("refuses a second submit, also two at once", async () => {
    const { s } = await collectedPerson();
    expect(await submitCollection(db, ctx, s, NOW)).toEqual({
      ok: false,
      reason: "collected",
      message: ALREADY_COLLECTED,
    });

    const t = await personWithSession(db);
    await saveAll(db, t, validSteps(await uploadPersonalFiles(db, store.current.storage, t)));
    const both = await Promise.all([
      submitCollection(db, ctx, t, NOW),
      submitCollection(db, ctx, t, NOW),
    ]);
    expect(both.filter((r) => r.ok)).toHaveLength(1);
    expect(await db.archive.count({ where: { personId: t.personId } })).toBe(1);
    expect(await db.archiveVersion.count({ where: { archive: { personId: t.personId } } })).toBe(1);
  });

  it("keeps archive versions immutable: UPDATE and DELETE are refused by the trigger", async () => {
    const { r } = await collectedPerson();
    const version = await db.archiveVersion.findFirstOrThrow({ where: { archiveId: r.archiveId } });
    await expect(
      db.$executeRaw`UPDATE "ArchiveVersion" SET "channel" = 'staff' WHERE "id" = ${version.id}::uuid`,
    ).rejects.toThrow(/immutable/);
    await expect(
      db.archiveVersion.update({ where: { id: version.id }, data: { snapshot: {} } }),
    ).rejects.toThrow(/immutable/);
    await expect(
      db.$executeRaw`DELETE FROM "ArchiveVersion" WHERE "id" = ${version.id}::uuid`,
    ).rejects.toThrow(/immutable/);
    await expect(
      db.$executeRaw`DELETE FROM "ArchiveVersionAttachment" WHERE "versionId" = ${version.id}::uuid`,
    ).rejects.toThrow(/immutable/);
    const after = await db.archiveVersion.findUniqueOrThrow({ where: { id: version.id } });
    expect(after).toEqual(version);
  });
});
