import { describe, expect, it } from "vitest";
import { jobWorkerOff } from "./server";

const DB = { DATABASE_URL: "postgresql://x@127.0.0.1/kuaiji" };

describe("whether a server runs the job worker", () => {
  it("runs one wherever it has a database", () => {
    expect(jobWorkerOff(DB)).toBeNull();
    expect(jobWorkerOff({ ...DB, KUAIJI_JOBS: "on" })).toBeNull();
  });

  it.each(["off", "OFF", "0", "false"])("is switched off by KUAIJI_JOBS=%s", (value) => {
    expect(jobWorkerOff({ ...DB, KUAIJI_JOBS: value })).toBe("KUAIJI_JOBS");
  });

  it("never runs on Vercel (the cron route runs due jobs there) or without a database", () => {
    expect(jobWorkerOff({ ...DB, VERCEL: "1" })).toBe("vercel");
    expect(jobWorkerOff({})).toBe("no-database");
  });
});
