import { describe, expect, it, vi } from "vitest";
import type { SessionPerson } from "@/lib/account/session-service";
import { submitCollection } from "@/lib/collection/archive-service";
import {
  CHANGE_STALE,
  changeArchiveItem,
  changeHistory,
  NO_CHANGE,
} from "@/lib/change/change-service";
import { formatChange } from "@/lib/change/diff";
import { EDIT_INVALID, NOT_CHANGEABLE } from "@/lib/change/items";
import { REGION_LOCKED, TRANSFER_LOCKED } from "@/lib/person/locks";
import { db } from "@/lib/db/client";
import { changeItemAction } from "@/app/[locale]/(account)/account/change/actions";
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

// The action as the page calls it: the request's headers and the session are Next.js's.
const signedIn = vi.hoisted(() => ({ session: null as SessionPerson | null }));
vi.mock("next/headers", () => ({ headers: async () => new Headers({ "user-agent": "vitest" }) }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));
vi.mock("@/lib/auth/current-session", () => ({ currentSession: async () => signedIn.session }));

const store = tempStorageForFile();
const LATER = new Date(NOW.getTime() + 3600_000);

/** A person whose collection is submitted (archive version 1). */
async function collected() {
  const s = await personWithSession(db);
  const files = await uploadPersonalFiles(db, store.current.storage, s);
  const steps = validSteps(files);
  await saveAll(db, s, steps);
  const r = await submitCollection(db, ctx, s, NOW);
  if (!r.ok) throw new Error(JSON.stringify(r));
  return { s, files, steps, archiveId: r.archiveId };
}

async function versions(archiveId: string) {
  return db.archiveVersion.findMany({
    where: { archiveId },
    orderBy: { version: "asc" },
    include: { attachments: true },
  });
}

describe("信息变更", () => {
  it("saves an e-mail and an education entry as new versions with a readable history", async () => {
    const { s, steps, archiveId } = await collected();
    const email = await changeArchiveItem(
      db,
      ctx,
      s,
      {
        ref: { step: "personal" },
        data: { ...steps.personal, email: "new@example.com" },
        baseVersion: 1,
      },
      LATER,
    );
    expect(email).toMatchObject({ ok: true, version: 2 });

    const entry = { ...steps.education.fullTime[0], school: "暨南大学" };
    const school = await changeArchiveItem(
      db,
      ctx,
      s,
      { ref: { step: "education", list: "fullTime", index: 0 }, data: entry, baseVersion: 2 },
      LATER,
    );
    expect(school).toMatchObject({ ok: true, version: 3 });

    const history = await changeHistory(db, s.personId);
    expect(history.map((h) => h.version)).toEqual([3, 2]);
    expect(history[1]!.changes.map(formatChange)).toEqual([
      expect.stringMatching(/电子邮箱: chen\.jing@example\.com → new@example\.com$/),
    ]);
    expect(history[0]!.changes.map(formatChange)).toEqual([
      expect.stringMatching(/毕业院校: 中山大学 → 暨南大学$/),
    ]);
    // Version 1 is untouched; the archive points at the newest.
    const all = await versions(archiveId);
    expect(all.map((v) => v.version)).toEqual([1, 2, 3]);
    expect((all[0]!.snapshot as { personal: { email: string } }).personal.email).toBe(
      "chen.jing@example.com",
    );
    expect((await db.archive.findUniqueOrThrow({ where: { id: archiveId } })).currentVersion).toBe(
      3,
    );
    const audit = await db.auditEvent.findMany({
      where: { actorId: s.personId, action: "archive.change" },
    });
    expect(audit).toHaveLength(2);
    expect(JSON.stringify(audit.map((a) => a.details))).not.toContain("new@example.com");
  });

  it("tells a stale page what is stored now, and refuses a save that changes nothing", async () => {
    const { s, steps } = await collected();
    const first = { ...steps.personal, email: "tab1@example.com" };
    expect(
      (
        await changeArchiveItem(
          db,
          ctx,
          s,
          { ref: { step: "personal" }, data: first, baseVersion: 1 },
          LATER,
        )
      ).ok,
    ).toBe(true);
    const second = await changeArchiveItem(
      db,
      ctx,
      s,
      {
        ref: { step: "personal" },
        data: { ...steps.personal, email: "tab2@example.com" },
        baseVersion: 1,
      },
      LATER,
    );
    expect(second).toMatchObject({ ok: false, reason: "stale", message: CHANGE_STALE, version: 2 });
    expect((second as { current: { email: string } }).current.email).toBe("tab1@example.com");
    expect(
      await changeArchiveItem(
        db,
        ctx,
        s,
        { ref: { step: "personal" }, data: first, baseVersion: 2 },
        LATER,
      ),
    ).toEqual({ ok: false, reason: "unchanged", message: NO_CHANGE });
  });

  it("answers the loser of two saves racing on one version with the winner's values", async () => {
    const { s, steps } = await collected();
    const save = (email: string) =>
      changeArchiveItem(
        db,
        ctx,
        s,
        { ref: { step: "personal" }, data: { ...steps.personal, email }, baseVersion: 1 },
        LATER,
      );
    const results = await Promise.all([save("a@example.com"), save("b@example.com")]);
    const won = results.findIndex((r) => r.ok);
    const lost = results[1 - won]!;
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(lost).toMatchObject({ ok: false, reason: "stale", message: CHANGE_STALE, version: 2 });
    expect((lost as { current: { email: string } }).current.email).toBe(
      won === 0 ? "a@example.com" : "b@example.com",
    );
    expect(await changeHistory(db, s.personId)).toHaveLength(1);
  });

  it("keeps 证件号码 as registered whatever a forged request sends", async () => {
    const { s, steps, archiveId } = await collected();
    const forged = {
      ...steps.personal,
      email: "x@example.com",
      idNumber: "110101199003070011",
      idType: "PASSPORT",
    };
    const r = await changeArchiveItem(
      db,
      ctx,
      s,
      { ref: { step: "personal" }, data: forged, baseVersion: 1 },
      LATER,
    );
    expect(r.ok).toBe(true);
    const [v1, v2] = await versions(archiveId);
    expect((v2!.snapshot as { person: unknown }).person).toEqual(
      (v1!.snapshot as { person: unknown }).person,
    );
    expect(JSON.stringify(v2!.snapshot)).not.toContain("110101199003070011");
  });

  it("validates with the collection's schemas and cross-step rules", async () => {
    const { s, steps } = await collected();
    const bad = await changeArchiveItem(
      db,
      ctx,
      s,
      {
        ref: { step: "education", list: "fullTime", index: 0 },
        data: { ...steps.education.fullTime[0], graduatedOn: "2017-01" },
        baseVersion: 1,
      },
      LATER,
    );
    // The entry's form holds only the entry: its errors come keyed as its fields.
    expect(bad).toEqual({
      ok: false,
      reason: "invalid",
      message: EDIT_INVALID,
      fieldErrors: { graduatedOn: "毕业时间应晚于入学时间" },
    });
    const added = await changeArchiveItem(
      db,
      ctx,
      s,
      {
        ref: { step: "education", list: "fullTime" },
        data: { ...steps.education.fullTime[0], school: "", graduatedOn: "2017-01" },
        baseVersion: 1,
      },
      LATER,
    );
    expect(added).toMatchObject({
      reason: "invalid",
      fieldErrors: { school: "请填写毕业院校", graduatedOn: "毕业时间应晚于入学时间" },
    });
    // Removing the only 全日制 entry: no form shows the list's rule, so the message says it.
    const removed = await changeArchiveItem(
      db,
      ctx,
      s,
      { ref: { step: "education", list: "fullTime", index: 0 }, data: null, baseVersion: 1 },
      LATER,
    );
    expect(removed).toEqual({
      ok: false,
      reason: "invalid",
      message: `${EDIT_INVALID}；请至少填写一条全日制教育信息`,
      fieldErrors: {},
    });
    const student = await changeArchiveItem(
      db,
      ctx,
      s,
      {
        ref: { step: "work" },
        data: { status: "STUDENT", regionCode: "440106", schoolName: "暨南大学" },
        baseVersion: 1,
      },
      LATER,
    );
    expect(student).toMatchObject({ ok: false, reason: "invalid" });
    expect((student as { message: string }).message).toContain("在校生须上传学生证");
  });

  it("locks the region while continuing education is in progress, and everything during a transfer-out", async () => {
    const { s, steps } = await collected();
    const claim = await db.ceCredit.create({
      data: {
        personId: s.personId,
        regionCode: "440106",
        year: 2026,
        kind: "CONFERENCE",
        category: "PROFESSIONAL",
        credits: 20,
        state: "claimed",
        title: "全省会计工作会议",
      },
    });
    const toFoshan = { ...steps.work, regionCode: "440604" };
    const locked = await changeArchiveItem(
      db,
      ctx,
      s,
      { ref: { step: "work" }, data: toFoshan, baseVersion: 1 },
      LATER,
    );
    expect(locked).toMatchObject({
      ok: false,
      reason: "invalid",
      fieldErrors: { regionCode: REGION_LOCKED },
    });
    // Other work fields may still change.
    const renamed = await changeArchiveItem(
      db,
      ctx,
      s,
      {
        ref: { step: "work" },
        data: { ...steps.work, employerName: "华为技术有限公司广州分公司" },
        baseVersion: 1,
      },
      LATER,
    );
    expect(renamed).toMatchObject({ ok: true, version: 2 });

    await db.ceCredit.update({ where: { id: claim.id }, data: { state: "recognised" } });
    const unlocked = await changeArchiveItem(
      db,
      ctx,
      s,
      {
        ref: { step: "work" },
        data: { ...toFoshan, employerName: "华为技术有限公司广州分公司" },
        baseVersion: 2,
      },
      LATER,
    );
    expect(unlocked).toMatchObject({ ok: true, version: 3 });
    expect((await db.person.findUniqueOrThrow({ where: { id: s.personId } })).regionCode).toBe(
      "440604",
    );

    await db.person.update({ where: { id: s.personId }, data: { transferState: "OUT_PENDING" } });
    expect(
      await changeArchiveItem(
        db,
        ctx,
        s,
        {
          ref: { step: "personal" },
          data: { ...steps.personal, email: "t@example.com" },
          baseVersion: 3,
        },
        LATER,
      ),
    ).toEqual({ ok: false, reason: "locked", message: TRANSFER_LOCKED });
  });

  it("keeps the old file with the old version when a file is replaced", async () => {
    const { s, steps, files, archiveId } = await collected();
    const headshot = await upload(db, store.current.storage, s, "headshot", LATER);
    const r = await changeArchiveItem(
      db,
      ctx,
      s,
      {
        ref: { step: "personal" },
        data: { ...steps.personal, headshotId: headshot },
        baseVersion: 1,
      },
      LATER,
    );
    expect(r).toMatchObject({
      ok: true,
      changes: [
        expect.objectContaining({ attachmentIds: { before: files.headshot, after: headshot } }),
      ],
    });
    const [v1, v2] = await versions(archiveId);
    expect(v1!.attachments.map((a) => a.attachmentId)).toContain(files.headshot);
    expect(v2!.attachments.map((a) => a.attachmentId)).toContain(headshot);
    expect(v2!.attachments.map((a) => a.attachmentId)).not.toContain(files.headshot);
    // Someone else's file cannot be pulled in.
    const other = await personWithSession(db);
    const theirs = await upload(db, store.current.storage, other, "headshot", LATER);
    const forged = await changeArchiveItem(
      db,
      ctx,
      s,
      {
        ref: { step: "personal" },
        data: { ...steps.personal, headshotId: theirs },
        baseVersion: 2,
      },
      LATER,
    );
    expect(forged).toMatchObject({
      ok: false,
      reason: "invalid",
      fieldErrors: { headshotId: expect.any(String) },
    });
  });
});

describe("信息变更's action", () => {
  it('refuses a list name no item has — a "(" too — as not changeable', async () => {
    const { s, steps } = await collected();
    signedIn.session = s;
    for (const list of ["(", "fullTime(", "awards"]) {
      const r = await changeItemAction({
        ref: { step: "education", list, index: 0 },
        data: steps.education.fullTime[0],
        baseVersion: 1,
      });
      expect(r).toEqual({
        ok: false,
        fieldErrors: {},
        formError: NOT_CHANGEABLE,
        code: "invalid",
      });
    }
  });

  it("keys an entry's errors as the entry's form does, and hands a stale page what is stored", async () => {
    const { s, steps } = await collected();
    signedIn.session = s;
    const entry = steps.education.fullTime[0];
    const bad = await changeItemAction({
      ref: { step: "education", list: "fullTime", index: 0 },
      data: { ...entry, graduatedOn: "2017-01" },
      baseVersion: 1,
    });
    expect(bad).toEqual({
      ok: false,
      fieldErrors: { graduatedOn: "毕业时间应晚于入学时间" },
      formError: EDIT_INVALID,
      code: "invalid",
    });
    const renamed = { ...entry, school: "暨南大学" };
    const ref = { step: "education", list: "fullTime", index: 0 };
    expect(await changeItemAction({ ref, data: renamed, baseVersion: 1 })).toEqual({
      ok: true,
      data: { version: 2 },
    });
    expect(
      await changeItemAction({ ref, data: { ...entry, major: "财务管理" }, baseVersion: 1 }),
    ).toEqual({
      ok: false,
      fieldErrors: {},
      formError: CHANGE_STALE,
      code: "stale",
      detail: { version: 2, current: { ...renamed, inStudy: false } },
    });
  });
});
