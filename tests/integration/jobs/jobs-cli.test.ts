import { execFile } from "node:child_process";
import { promisify } from "node:util";
import pino from "pino";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { pruneExpired } from "@/lib/jobs/prune-expired";
import { expiringRows } from "./expiring-rows";

// `npm run jobs -- --at <time>` against the test database (DATABASE_URL is in the environment):
// every job's handler as of that time, one line each, then exit.

const run = promisify(execFile);
const AT = "2000-06-01T00:00:00.000Z";

async function jobsCli(...args: string[]) {
  try {
    const hooks = ["--import", "./scripts/server-only/register.mjs", "--import", "tsx"];
    const r = await run("node", [...hooks, "scripts/jobs.ts", ...args], { env: process.env });
    return { code: 0, out: r.stdout, err: r.stderr };
  } catch (e) {
    const x = e as { code: number; stdout: string; stderr: string };
    return { code: x.code, out: x.stdout, err: x.stderr };
  }
}

describe("npm run jobs", () => {
  it("runs the jobs as of --at and says what each did", async () => {
    await pruneExpired({ db, now: new Date(AT), log: pino({ level: "silent" }) });
    const rows = await expiringRows(db, new Date(AT));
    const r = await jobsCli("--at", AT, "--only", "prune-expired");
    expect(r).toMatchObject({ code: 0 });
    expect(r.out).toContain(`时间 / at: ${AT}`);
    expect(r.out).toMatch(
      /✔ prune-expired: 9 \(captchas 1, smsCodes 1, loginThrottles 1, clientLimits 1, sessions 1, staffSignIns 1, outboxMessages 1, inboxMessages 1, exchangeNonces 1\)/,
    );
    expect(await rows.remaining()).toEqual(rows.kept);
  }, 60_000);

  it("runs every job of the registry without --only", async () => {
    const r = await jobsCli("--at", AT);
    expect(r).toMatchObject({ code: 0 });
    expect(r.out).toMatch(/✔ prune-expired: /);
    expect(r.out).toMatch(/✔ upload-orphan-sweep: /);
  }, 60_000);

  it("refuses an unknown job or time, running nothing", async () => {
    const unknown = await jobsCli("--only", "prune-expired,no-such-job");
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain("no-such-job");
    expect(unknown.out).not.toContain("✔");
    expect((await jobsCli("--at", "tomorrow")).code).toBe(2);
  }, 60_000);
});
