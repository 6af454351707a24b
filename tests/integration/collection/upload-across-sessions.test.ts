import { describe, expect, it } from "vitest";
import { checkSession, createSession } from "@/lib/account/session-service";
import {
  ATTACHMENT_INVALID,
  loadDraft,
  saveDraftOnly,
  saveStep,
} from "@/lib/collection/draft-service";
import { db } from "@/lib/db/client";
import {
  ctx,
  NOW,
  personWithSession,
  saveAll,
  tempStorageForFile,
  upload,
} from "../../support/collection";

// Issue 13, item 7: a photo uploaded before the idle timeout is the person's, not the session's —
// 保存草稿 after logging in again (the login in place) keeps it in the draft — and it never
// becomes anyone else's, whoever logs in on that page.

const store = tempStorageForFile();
const MIN = 60_000;
const at = (minutes: number) => new Date(NOW.getTime() + minutes * MIN);

/** The person as a live session of their own, begun at `when` (a login). */
async function loginAt(personId: string, when: Date) {
  const sessionId = await db.$transaction((tx) => createSession(tx, { personId }, ctx, when));
  const check = await checkSession(db, ctx, sessionId, when);
  if (!check.ok) throw new Error(check.reason);
  return check.person;
}

describe("an upload across the idle timeout", () => {
  it("is kept by the draft saved in the person's next session", async () => {
    const p = await personWithSession(db);
    const first = await loginAt(p.personId, NOW);
    const read = await saveAll(db, first, { notice: { truthPledge: true } });
    const headshot = await upload(db, store.current.storage, first, "headshot", at(1));
    // Idle: the first session ends; the person logs in again, on the same page.
    expect((await checkSession(db, ctx, first.sessionId, at(32))).ok).toBe(false);
    const second = await loginAt(p.personId, at(33));

    const saved = await saveDraftOnly(
      db,
      ctx,
      second,
      {
        step: "personal",
        data: { email: "lin.xf@example.com", headshotId: headshot },
        revision: read,
      },
      at(34),
    );
    expect(saved).toMatchObject({ ok: true, revision: read + 1 });
    expect((await loadDraft(db, p.personId)).steps.personal).toMatchObject({
      headshotId: headshot,
    });
    const file = await db.attachment.findUniqueOrThrow({ where: { id: headshot } });
    expect(file).toMatchObject({ personId: p.personId, orphanedAt: null });
  });

  it("is never claimed by another person logging in on that page", async () => {
    const owner = await personWithSession(db);
    const headshot = await upload(db, store.current.storage, owner, "headshot");
    const other = await personWithSession(db);
    const read = await saveAll(db, other, { notice: { truthPledge: true } });
    // 下一步 checks that every file named is the saver's own.
    const r = await saveStep(
      db,
      ctx,
      other,
      { step: "personal", data: { headshotId: headshot }, revision: read },
      NOW,
    );
    expect(r).toMatchObject({
      ok: false,
      reason: "invalid",
      fieldErrors: { headshotId: ATTACHMENT_INVALID },
    });
    const file = await db.attachment.findUniqueOrThrow({ where: { id: headshot } });
    expect(file.personId).toBe(owner.personId);
    expect((await loadDraft(db, other.personId)).steps.personal).toBeUndefined();
  });
});
