import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkSession, createSession } from "@/lib/account/session-service";
import { loadDraft, saveDraftOnly, saveStep } from "@/lib/collection/draft-service";
import { openWizardStep } from "@/lib/collection/wizard-service";
import { createDb, db, type Db } from "@/lib/db/client";
import { startWireCounter, type WireCounter } from "../../../scripts/bench/wire-counter";
import {
  ctx,
  NOW,
  personWithSession,
  saveAll,
  tempStorageForFile,
  uploadPersonalFiles,
  validSteps,
} from "../../support/collection";

// Issue 9: a step save is the request the wizard makes most, so its database round trips are
// pinned here — counted on the wire (scripts/bench/wire-counter.ts), BEGIN/COMMIT included. A
// change that adds one fails this test; if it is worth it, change the number and say why. The
// speed itself is measured by `npm run bench -- --only collection,collection-http`.

const store = tempStorageForFile();
let counter: WireCounter;
let counted: Db;

beforeAll(async () => {
  counter = await startWireCounter(process.env.DATABASE_URL!);
  counted = createDb(counter.url);
});

afterAll(async () => {
  await counted.$disconnect();
  await counter.close();
});

/** The round trips `run` makes, and the statements, for the failure message. */
async function roundTrips(run: () => Promise<unknown>) {
  counter.reset();
  await run();
  return { count: counter.roundTrips(), statements: counter.statements() };
}

/** A person whose draft has every step before 奖励信息 complete, and a live session. */
async function drafter() {
  const s = await personWithSession(db);
  const sessionId = await db.$transaction((tx) =>
    createSession(tx, { personId: s.personId }, ctx, NOW),
  );
  const files = await uploadPersonalFiles(db, store.current.storage, s);
  const steps = validSteps(files);
  const revision = await saveAll(db, s, steps);
  // One query on the counted client first: its pool's first connection is not what is counted.
  await counted.$queryRaw`SELECT 1`;
  return { s: { ...s, sessionId }, steps, revision };
}

describe("database round trips of the collection wizard", () => {
  it("a step save: one for the session, two for the save (a read, one write)", async () => {
    const { s, steps, revision } = await drafter();
    const later = new Date(NOW.getTime() + 10_000);

    const session = await roundTrips(() => checkSession(counted, ctx, s.sessionId, later));
    expect(session.count, session.statements.join("\n")).toBe(1);

    const next = await roundTrips(async () => {
      const r = await saveStep(
        counted,
        ctx,
        s,
        { step: "awards", data: steps.awards, revision },
        later,
      );
      expect(r).toMatchObject({ ok: true, revision: revision + 1 });
    });
    expect(next.count, next.statements.join("\n")).toBe(2);

    const draft = await roundTrips(async () => {
      const r = await saveDraftOnly(
        counted,
        ctx,
        s,
        { step: "awards", data: { awards: [] }, revision: revision + 1 },
        later,
      );
      expect(r).toMatchObject({ ok: true, revision: revision + 2 });
    });
    expect(draft.count, draft.statements.join("\n")).toBe(2);

    // 个人信息 names files: checking they are the person's own is part of the same read.
    const personal = await roundTrips(async () => {
      const r = await saveStep(
        counted,
        ctx,
        s,
        { step: "personal", data: steps.personal, revision: revision + 2 },
        later,
      );
      expect(r).toMatchObject({ ok: true, revision: revision + 3 });
    });
    expect(personal.count, personal.statements.join("\n")).toBe(2);
    expect((await loadDraft(db, s.personId)).revision).toBe(revision + 3);
  });

  it("keeping a session alive costs one more round trip, at most once a minute", async () => {
    const { s } = await drafter();
    const twoMinutes = new Date(NOW.getTime() + 120_000);
    const touch = await roundTrips(async () => {
      expect((await checkSession(counted, ctx, s.sessionId, twoMinutes)).ok).toBe(true);
    });
    expect(touch.count, touch.statements.join("\n")).toBe(2);
    const row = await db.authSession.findUniqueOrThrow({ where: { id: s.sessionId } });
    expect(row.lastSeenAt).toEqual(twoMinutes);

    const soonAfter = new Date(twoMinutes.getTime() + 30_000);
    const untouched = await roundTrips(async () => {
      expect((await checkSession(counted, ctx, s.sessionId, soonAfter)).ok).toBe(true);
    });
    expect(untouched.count, untouched.statements.join("\n")).toBe(1);
    const again = await db.authSession.findUniqueOrThrow({ where: { id: s.sessionId } });
    expect(again.lastSeenAt).toEqual(twoMinutes);
  });

  it("a wizard page reads what it needs in one round trip", async () => {
    const { s } = await drafter();
    const page = await roundTrips(async () => {
      const place = await openWizardStep(counted, s.personId, "awards", NOW);
      expect(place.kind).toBe("open");
    });
    expect(page.count, page.statements.join("\n")).toBe(1);
  });
});
