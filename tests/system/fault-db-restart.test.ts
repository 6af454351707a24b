// PostgreSQL restarted under 信息采集 (issue 12, "Faults and load, proven"): the real server actions
// (saveCollectionStepAction, submitCollectionAction: personAction's session check, parse, the
// domain services, the pool of lib/db) against a PostgreSQL cluster of this test's own
// (pg-cluster.ts), restarted — cleanly and as a crash — while saves and a submit are in flight.
//
// What must hold: the person sees 系统繁忙，请稍后重试 (never a rejected call, which would replace the
// page), every save that answered ok is stored, nothing is half-written (a draft revision always
// has its audit row; an archive always has its version, files, audit row and search projection,
// or none of them), and the pool recovers: the next calls succeed without a restart of the app.
//
// To catch a save or a submit *inside* its transaction, another session holds a lock the write
// needs; the test waits until the backends wait on it, then restarts the server.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Db } from "@/lib/db/client";
import { applyMigrations } from "../../scripts/db/migrations";
import { saveAll, tempStorage, uploadPersonalFiles, validSteps } from "../support/collection";
import { createPerson } from "../support/person";
import { testSecrets } from "../support/test-db";
import { asCaller } from "./fault-session";
import { clusterProblem, type PgCluster, startPgCluster } from "./pg-cluster";

vi.mock("next/headers", () => ({
  headers: async () =>
    new Headers({
      "x-forwarded-for": "203.0.113.30",
      "user-agent": "vitest-fault",
      "x-request-id": crypto.randomUUID(),
    }),
}));
// revalidatePath needs Next's request scope; what it would refresh is not under test.
vi.mock("next/cache", () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));
// The real lookup minus next-auth's cookie: the session row is still checked on the database.
vi.mock("@/lib/auth/current-session", async () => {
  const { db } = await import("@/lib/db/client");
  const { checkSession } = await import("@/lib/account/session-service");
  const { callerSession } = await import("./fault-session");
  return {
    currentSession: async () => {
      const sid = callerSession.getStore();
      if (!sid) return null;
      const r = await checkSession(db, { ip: "203.0.113.30", userAgent: "vitest-fault" }, sid);
      return r.ok ? r.person : null;
    },
  };
});

const RETRY = /^系统繁忙，请稍后重试。如多次失败，请联系客服并提供编号 [0-9a-f]{8}$/;
const PEOPLE = 4;

let cluster: PgCluster;
let url: string;
let admin: pg.Client | undefined;
let db: Db;
let actions: typeof import("@/app/[locale]/(account)/account/collection/actions");
let storage: Awaited<ReturnType<typeof tempStorage>>;

interface Accountant {
  personId: string;
  sessionId: string;
  revision: number;
}

const problem = clusterProblem();

describe.skipIf(problem !== null)("PostgreSQL restarted during 信息采集", () => {
  beforeAll(async () => {
    Object.assign(process.env, testSecrets());
    cluster = await startPgCluster();
    url = await cluster.createDatabase(`kuaiji_fault_${randomBytes(4).toString("hex")}`);
    await applyMigrations(url);
    process.env.DATABASE_URL = url; // the app's own client (lib/db) reaches it from here
    db = (await import("@/lib/db/client")).db;
    actions = await import("@/app/[locale]/(account)/account/collection/actions");
    storage = await tempStorage();
  });

  afterAll(async () => {
    await admin?.end().catch(() => {});
    await db?.$disconnect().catch(() => {});
    await cluster?.destroy();
    await storage?.remove();
  });

  /** A separate connection for the test's own reads (never the app's pool). */
  async function adminClient(): Promise<pg.Client> {
    if (!admin) {
      const c = new pg.Client({ connectionString: url });
      c.on("error", () => {}); // ended by the restarts; the next call opens another
      await c.connect();
      admin = c;
    }
    return admin;
  }
  function dropAdmin() {
    void admin?.end().catch(() => {});
    admin = undefined;
  }

  /** A person with a session whose draft holds every step before 奖励信息 (or all of them). */
  async function accountant(allSteps = false): Promise<Accountant> {
    const { createSession, checkSession } = await import("@/lib/account/session-service");
    const ctx = { ip: "203.0.113.30", userAgent: "vitest-fault" };
    const p = await createPerson(db);
    const sessionId = await db.$transaction((tx) => createSession(tx, { personId: p.id }, ctx));
    const check = await checkSession(db, ctx, sessionId);
    if (!check.ok) throw new Error(check.reason);
    const steps = { ...validSteps(await uploadPersonalFiles(db, storage.storage, check.person)) };
    if (!allSteps) delete (steps as Partial<typeof steps>).awards;
    const revision = await saveAll(db, check.person, steps);
    return { personId: p.id, sessionId, revision };
  }

  const awards = (label: string) => ({
    awards: [{ name: `先进会计工作者${label}`, level: "PROVINCIAL", year: 2024 }],
  });
  const saveAwards = (a: Accountant, label: string, revision: number | "latest" = a.revision) =>
    asCaller(a.sessionId, () =>
      actions.saveCollectionStepAction({
        step: "awards",
        data: awards(label),
        revision,
        mode: "next",
      }),
    );

  async function draftState(personId: string) {
    const { rows } = await (
      await adminClient()
    ).query<{ revision: number; awards: unknown; saves: number }>(
      `SELECT d.revision, d.steps->'awards' AS awards,
         (SELECT count(*) FROM "AuditEvent" a WHERE a."actorId" = $1::text
            AND a.action IN ('collection.save-step', 'collection.save-draft'))::int AS saves
       FROM "CollectionDraft" d WHERE d."personId" = $1::uuid`,
      [personId],
    );
    return rows[0]!;
  }

  /** Holds `table` against writes in an open transaction until the server goes away. */
  async function blockWrites(table: string): Promise<pg.Client> {
    const holder = new pg.Client({ connectionString: url });
    holder.on("error", () => {}); // the restart ends it: that is the point
    await holder.connect();
    await holder.query("BEGIN");
    await holder.query(`LOCK TABLE "${table}" IN SHARE MODE`);
    return holder;
  }

  async function waitForLockWaiters(n: number): Promise<void> {
    const deadline = Date.now() + 20_000;
    for (;;) {
      const { rows } = await (
        await adminClient()
      ).query<{ n: number }>(
        `SELECT count(*)::int AS n FROM pg_stat_activity
         WHERE datname = current_database() AND wait_event_type = 'Lock'`,
      );
      if (rows[0]!.n >= n) return;
      if (Date.now() > deadline)
        throw new Error(`only ${rows[0]!.n} of ${n} writes got to the lock`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  it("step saves caught inside their write by a crash: 系统繁忙, nothing stored, then saves work at once", async () => {
    const people: Accountant[] = [];
    for (let i = 0; i < PEOPLE; i++) people.push(await accountant());
    const before = await Promise.all(people.map((a) => draftState(a.personId)));

    const holder = await blockWrites("CollectionDraft");
    const inFlight = people.map((a) => saveAwards(a, "甲"));
    await waitForLockWaiters(PEOPLE);
    dropAdmin();
    await cluster.restart("immediate");
    await holder.end().catch(() => {});

    const answers = await Promise.all(inFlight); // resolves: a rejected call would throw here
    for (const r of answers) {
      expect(r).toEqual({ ok: false, fieldErrors: {}, formError: expect.stringMatching(RETRY) });
    }
    for (const [i, a] of people.entries()) {
      // Not half-written: the revision, the data and the audit row all as before.
      expect(await draftState(a.personId)).toEqual(before[i]);
      expect(before[i]!.saves).toBe(before[i]!.revision);
    }

    // The pool let go of its dead connections: the very next saves (the person's 重试) succeed.
    const retried = await Promise.all(people.map((a) => saveAwards(a, "甲")));
    for (const [i, a] of people.entries()) {
      expect(retried[i]).toMatchObject({ ok: true, data: { revision: a.revision + 1 } });
      const after = await draftState(a.personId);
      expect(after).toMatchObject({ revision: a.revision + 1, saves: a.revision + 1 });
      expect(after.awards).toEqual(awards("甲"));
    }
  });

  it("while the server is down: 系统繁忙 at once; once it is back, saves work again", async () => {
    const a = await accountant();
    await cluster.stop("fast");
    dropAdmin();
    try {
      const t = performance.now();
      const down = await saveAwards(a, "乙");
      expect(down).toEqual({ ok: false, fieldErrors: {}, formError: expect.stringMatching(RETRY) });
      expect(performance.now() - t).toBeLessThan(10_000); // refused, not hung
    } finally {
      await cluster.start();
    }
    const back = await saveAwards(a, "乙");
    expect(back).toMatchObject({ ok: true, data: { revision: a.revision + 1 } });
    expect(await draftState(a.personId)).toMatchObject({
      revision: a.revision + 1,
      saves: a.revision + 1,
    });
  });

  it("saves racing a crash at no chosen point: every save answered ok is stored, revisions match their audit rows", async () => {
    const people: Accountant[] = [];
    for (let i = 0; i < PEOPLE; i++) people.push(await accountant());
    type Attempt = { label: string; ok: boolean; revision?: number };
    const attempts = new Map<string, Attempt[]>(people.map((a) => [a.personId, []]));
    let stop = false;
    const loop = async (a: Accountant) => {
      // Like a person pressing 下一步 again after each answer; a stale answer (a save whose ok
      // was lost with its connection did commit) is resolved as 保留我的 does: over "latest".
      let over: number | "latest" = a.revision;
      for (let n = 0; !stop; n++) {
        const label = `${n}`;
        const r = await saveAwards(a, label, over);
        const mine = attempts.get(a.personId)!;
        if (r.ok) {
          mine.push({ label, ok: true, revision: r.data.revision });
          over = r.data.revision;
        } else {
          expect(r.code === "stale" || RETRY.test(r.formError ?? "")).toBe(true);
          mine.push({ label, ok: false });
          if (r.code === "stale") over = "latest";
          else await new Promise((res) => setTimeout(res, 100));
        }
      }
    };
    const loops = people.map(loop);
    await new Promise((r) => setTimeout(r, 1_500));
    dropAdmin();
    await cluster.restart("immediate");
    await new Promise((r) => setTimeout(r, 1_500));
    stop = true;
    await Promise.all(loops);

    let failures = 0;
    for (const a of people) {
      const mine = attempts.get(a.personId)!;
      failures += mine.filter((t) => !t.ok).length;
      const state = await draftState(a.personId);
      expect(state.saves).toBe(state.revision); // every stored revision has its audit row
      const lastOk = mine.findLastIndex((t) => t.ok);
      expect(lastOk).toBeGreaterThanOrEqual(0);
      expect(state.revision).toBeGreaterThanOrEqual(mine[lastOk]!.revision!);
      // What is stored is the last save answered ok, or one sent after it whose answer was lost.
      const stored = (state.awards as { awards: { name: string }[] }).awards[0]!.name;
      const candidates = mine.slice(lastOk).map((t) => `先进会计工作者${t.label}`);
      expect(candidates).toContain(stored);
    }
    expect(failures).toBeGreaterThan(0); // the crash did land among the saves
  });

  it("a submit caught before its commit by a crash leaves no archive at all; submitted again, all of it", async () => {
    const a = await accountant(true);
    const submitted = async () => {
      const { rows } = await (
        await adminClient()
      ).query(
        `SELECT
           (SELECT count(*) FROM "Archive" WHERE "personId" = $1::uuid)::int AS archives,
           (SELECT count(*) FROM "ArchiveVersion" v JOIN "Archive" r ON r.id = v."archiveId"
              WHERE r."personId" = $1::uuid)::int AS versions,
           (SELECT count(*) FROM "ArchiveVersionAttachment" f
              JOIN "ArchiveVersion" v ON v.id = f."versionId" JOIN "Archive" r ON r.id = v."archiveId"
              WHERE r."personId" = $1::uuid)::int AS files,
           (SELECT count(*) FROM "AuditEvent"
              WHERE "actorId" = $1::text AND action = 'collection.submit')::int AS audits,
           (SELECT "collectionStatus" FROM "PersonSearch" WHERE "personId" = $1::uuid) AS status,
           (SELECT "archiveNumber" FROM "PersonSearch" WHERE "personId" = $1::uuid) AS "searchNumber",
           (SELECT "archiveNumber" FROM "Archive" WHERE "personId" = $1::uuid) AS "archiveNumber",
           (SELECT "regionCode" FROM "Person" WHERE id = $1::uuid) AS region,
           (SELECT revision FROM "CollectionDraft" WHERE "personId" = $1::uuid) AS revision`,
        [a.personId],
      );
      return rows[0] as Record<string, unknown>;
    };
    const before = await submitted();
    expect(before).toMatchObject({ archives: 0, audits: 0, status: "draft", region: "440000" });

    // The audit row is the submit's last write: held there, everything else is already written.
    const holder = await blockWrites("AuditEvent");
    const call = asCaller(a.sessionId, () => actions.submitCollectionAction({}));
    await waitForLockWaiters(1);
    dropAdmin();
    await cluster.restart("immediate");
    await holder.end().catch(() => {});
    expect(await call).toEqual({
      ok: false,
      fieldErrors: {},
      formError: expect.stringMatching(RETRY),
    });
    expect(await submitted()).toEqual(before);

    const again = await asCaller(a.sessionId, () => actions.submitCollectionAction({}));
    expect(again).toMatchObject({ ok: true, data: { archiveNumber: expect.any(String) } });
    const after = await submitted();
    expect(after).toEqual({
      archives: 1,
      versions: 1,
      files: 3, // 证件照 and both pages of the document
      audits: 1,
      status: "collected",
      searchNumber: after.archiveNumber,
      archiveNumber: (again as { data: { archiveNumber: string } }).data.archiveNumber,
      region: "440106", // 工作信息's region became the person's
      revision: (before.revision as number) + 1,
    });
  });
});

if (problem) console.warn(`fault-db-restart: skipped, ${problem}`);
