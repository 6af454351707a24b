import { describe, expect, it } from "vitest";
import { JOBS } from "./registry";

describe("the job registry", () => {
  it("names each job once, as a pg-boss queue name", () => {
    const names = JOBS.map((j) => j.name);
    expect(new Set(names).size).toBe(names.length);
    for (const name of names) expect(name).toMatch(/^[a-z][a-z0-9-]*$/);
  });

  it("moves the opportunistic housekeeping to jobs", () => {
    expect(JOBS.map((j) => j.name)).toEqual(
      expect.arrayContaining(["prune-expired", "upload-orphan-sweep"]),
    );
  });
});
