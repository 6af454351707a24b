// The app killed during an upload (issue 12, "Faults and load, proven"): the real upload code
// (lib/upload/receive-upload.ts) in a process of its own (fault-upload-child.ts), SIGKILLed while
// the body is half read, right after the object is stored, and inside the transaction that
// writes the row, against a PostgreSQL cluster of this test's own (pg-cluster.ts) and a local
// object store.
//
// What must hold: no row names a file that is not stored (the object always comes first), no
// row or audit row of an upload that died before its commit, and the objects such a death leaves
// behind — stored, named by nothing — are removed by the upload-object-sweep job once their
// month is settled (lib/upload/object-sweep.ts), never before, while every named file stays.
import { fork, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { writeFile } from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db/client";
import { sweepUploadObjectsIn } from "@/lib/jobs/sweep-upload-objects";
import { applyMigrations } from "../../scripts/db/migrations";
import { headshotJpeg } from "../fixtures/images/make";
import { tempStorage } from "../support/collection";
import { createPerson } from "../support/person";
import { testSecrets } from "../support/test-db";
import { clusterProblem, type PgCluster, startPgCluster } from "./pg-cluster";

const ROOT = path.resolve(import.meta.dirname, "../..");
const CHILD = path.join(import.meta.dirname, "fault-upload-child.ts");
type Mode = "mid-body" | "after-put" | "in-commit" | "complete";
interface Stage {
  stage: "stored" | "mid-body" | "done" | "failed";
  key?: string;
  result?: { ok: boolean; attachmentId?: string };
  error?: string;
}

let cluster: PgCluster;
let url: string;
let db: Db;
let storage: Awaited<ReturnType<typeof tempStorage>>;
let image: string;
let personId: string;
const secrets = testSecrets();
const problem = clusterProblem();

/** The upload process, and the stages it has reported so far. */
function startUpload(mode: Mode) {
  const env: NodeJS.ProcessEnv = { ...process.env, ...secrets, DATABASE_URL: url };
  for (const name of Object.keys(env)) if (/^(VITEST|NODE_OPTIONS$)/.test(name)) delete env[name];
  env.KUAIJI_FAULT_STORAGE_DIR = storage.dir;
  env.LOG_LEVEL = "warn";
  const child: ChildProcess = fork(CHILD, [mode, personId, image], {
    cwd: ROOT,
    env,
    execArgv: ["--import", "./scripts/server-only/register.mjs", "--import", "tsx"],
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  const stages: Stage[] = [];
  const waiters: (() => void)[] = [];
  child.on("message", (m: Stage) => {
    stages.push(m);
    waiters.splice(0).forEach((w) => w());
  });
  const exited = new Promise<NodeJS.Signals | number | null>((resolve) =>
    child.once("exit", (code, signal) => resolve(signal ?? code)),
  );
  return {
    child,
    stages,
    exited,
    /** Resolves with the stage once the process has reported it. */
    async reached(stage: Stage["stage"]): Promise<Stage> {
      const deadline = Date.now() + 30_000;
      for (;;) {
        const found = stages.find((s) => s.stage === stage);
        if (found) return found;
        const failed = stages.find((s) => s.stage === "failed");
        if (failed) throw new Error(`the upload process failed: ${failed.error}`);
        if (Date.now() > deadline) throw new Error(`the upload never reached "${stage}"`);
        await Promise.race([
          new Promise<void>((r) => waiters.push(r)),
          exited,
          new Promise((r) => setTimeout(r, 500)),
        ]);
      }
    },
    async kill() {
      child.kill("SIGKILL");
      expect(await exited).toBe("SIGKILL");
    },
  };
}

async function sql<T extends pg.QueryResultRow>(text: string, values: unknown[] = []) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(text, values)).rows;
  } finally {
    await client.end();
  }
}

/** What the database says about this person's uploads. */
async function uploads() {
  const rows = await sql<{ id: string; storageKey: string }>(
    `SELECT id::text, "storageKey" FROM "Attachment" WHERE "personId" = $1::uuid`,
    [personId],
  );
  const [count] = await sql<{ audits: number }>(
    `SELECT count(*)::int AS audits FROM "AuditEvent"
     WHERE "actorId" = $1::text AND action = 'attachment.upload' AND outcome = 'success'`,
    [personId],
  );
  return { rows, audits: count!.audits };
}

async function storedKeys(): Promise<string[]> {
  const keys: string[] = [];
  for await (const key of storage.storage.list("attachments/")) keys.push(key);
  return keys.sort();
}

describe.skipIf(problem !== null)("the app killed during an upload", () => {
  beforeAll(async () => {
    cluster = await startPgCluster();
    url = await cluster.createDatabase(`kuaiji_fault_${randomBytes(4).toString("hex")}`);
    await applyMigrations(url);
    Object.assign(process.env, secrets, { DATABASE_URL: url });
    db = (await import("@/lib/db/client")).db;
    storage = await tempStorage();
    image = path.join(storage.dir, "headshot.jpg");
    await writeFile(image, await headshotJpeg());
    personId = (await createPerson(db)).id;
  });

  afterAll(async () => {
    await db?.$disconnect().catch(() => {});
    await cluster?.destroy();
    await storage?.remove();
  });

  it("leaves no row without its file, and the sweep removes only the files nothing names", async () => {
    // A finished upload first: its row and file must survive everything below.
    const complete = startUpload("complete");
    const done = await complete.reached("done");
    expect(done.result).toMatchObject({ ok: true });
    await complete.exited;

    // Killed while the body is half read: nothing stored at all.
    const midBody = startUpload("mid-body");
    await midBody.reached("mid-body");
    await midBody.kill();
    expect(midBody.stages.some((s) => s.stage === "stored")).toBe(false);

    // Killed right after the object is stored, before any transaction.
    const afterPut = startUpload("after-put");
    const putKey = (await afterPut.reached("stored")).key!;
    await afterPut.kill();

    // Killed inside the transaction: the row is inserted, the audit row waits on our lock.
    const holder = new pg.Client({ connectionString: url });
    await holder.connect();
    await holder.query("BEGIN");
    await holder.query(`LOCK TABLE "AuditEvent" IN SHARE MODE`);
    const inCommit = startUpload("in-commit");
    const commitKey = (await inCommit.reached("stored")).key!;
    for (let waited = 0; ; waited += 50) {
      const [{ n } = { n: 0 }] = await sql<{ n: number }>(
        `SELECT count(*)::int AS n FROM pg_stat_activity
         WHERE datname = current_database() AND wait_event_type = 'Lock'`,
      );
      if (n >= 1) break;
      if (waited > 20_000) throw new Error("the upload's transaction never reached the lock");
      await new Promise((r) => setTimeout(r, 50));
    }
    await inCommit.kill();
    await holder.query("ROLLBACK");
    await holder.end();
    // The server ends the dead client's transaction once it sees the socket close.
    for (let waited = 0; ; waited += 50) {
      const [{ n } = { n: 0 }] = await sql<{ n: number }>(
        `SELECT count(*)::int AS n FROM pg_stat_activity
         WHERE datname = current_database() AND state <> 'idle' AND pid <> pg_backend_pid()`,
      );
      if (n === 0) break;
      if (waited > 20_000) throw new Error("the killed upload's transaction is still open");
      await new Promise((r) => setTimeout(r, 50));
    }

    // The database: the finished upload only, with its audit row; every row's file is stored.
    const db1 = await uploads();
    expect(db1.rows).toHaveLength(1);
    expect(db1.rows[0]!.id).toBe(done.result!.attachmentId);
    expect(db1.audits).toBe(1);
    const keys = await storedKeys();
    for (const row of db1.rows) expect(keys).toContain(row.storageKey);
    // The store: that file, plus the two the killed uploads left behind, named by nothing.
    expect(keys).toEqual([db1.rows[0]!.storageKey, putKey, commitKey].sort());

    // The sweep as the scheduler runs it: now, the month is not settled (an upload of this
    // month may still be on its way to its row), so nothing goes.
    const sweep = sweepUploadObjectsIn(() => storage.storage);
    const log = pino({ level: "silent" });
    const now = new Date();
    expect(await sweep({ db, now, log })).toMatchObject({ processed: 0 });
    expect(await storedKeys()).toEqual(keys);

    // Once the month is settled (ended, plus the grace period): the two orphans go, the named
    // file stays, and a second run finds nothing more.
    const settled = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 2, 12));
    expect(await sweep({ db, now: settled, log })).toMatchObject({
      processed: 2,
      detail: { deleted: 2, failedObjects: 0 },
    });
    expect(await storedKeys()).toEqual([db1.rows[0]!.storageKey]);
    expect(await uploads()).toEqual(db1);
    expect(await sweep({ db, now: settled, log })).toMatchObject({ processed: 0 });
  });
});

if (problem) console.warn(`fault-upload-kill: skipped, ${problem}`);
