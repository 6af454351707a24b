import pino from "pino";
import { describe, expect, it } from "vitest";
import type { Db } from "@/lib/db/client";
import { runJobs, selectJobs } from "./run";
import type { JobDefinition } from "./types";

const log = pino({ level: "silent" });
const db = {} as Db;
const job = (name: string, handler: JobDefinition["handler"]): JobDefinition => ({
  name,
  schedule: "* * * * *",
  handler,
});

describe("runJobs", () => {
  it("runs each job at the given instant, one after another, and keeps going after a failure", async () => {
    const seen: string[] = [];
    const at = new Date("2027-01-05T00:00:00Z");
    const runs = await runJobs(
      [
        job("first", async ({ now }) => {
          seen.push(`first@${now.toISOString()}`);
          return { processed: 2, detail: { rows: 2 } };
        }),
        job("broken", async () => {
          throw new Error("boom");
        }),
        job("last", async ({ now }) => {
          seen.push(`last@${now.toISOString()}`);
          return { processed: 0 };
        }),
      ],
      db,
      at,
      log,
    );
    expect(seen).toEqual(["first@2027-01-05T00:00:00.000Z", "last@2027-01-05T00:00:00.000Z"]);
    expect(runs.map((r) => [r.job, r.ok])).toEqual([
      ["first", true],
      ["broken", false],
      ["last", true],
    ]);
    expect(runs[0]).toMatchObject({ processed: 2, detail: { rows: 2 } });
    expect(runs[1]).toMatchObject({ error: new Error("boom") });
  });
});

describe("selectJobs", () => {
  const jobs = [job("a", async () => ({ processed: 0 })), job("b", async () => ({ processed: 0 }))];

  it("takes every job without a choice, and only the named ones with one", () => {
    expect(selectJobs(jobs, [])).toEqual({ ok: true, jobs });
    expect(selectJobs(jobs, ["b"])).toEqual({ ok: true, jobs: [jobs[1]] });
  });

  it("names the unknown ones", () => {
    expect(selectJobs(jobs, ["b", "c", "d"])).toEqual({ ok: false, unknown: ["c", "d"] });
  });
});
