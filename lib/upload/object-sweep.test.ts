import { describe, expect, it } from "vitest";
import { settledMonthPrefixes, SWEPT_MONTHS } from "./object-sweep";

const DAY = 24 * 60 * 60 * 1000;

describe("settledMonthPrefixes", () => {
  it("takes the months that ended at least the grace period ago, newest first", () => {
    expect(settledMonthPrefixes(new Date("2026-12-04T10:00:00Z"), DAY)).toEqual([
      "attachments/2026/11/",
      "attachments/2026/10/",
    ]);
    expect(SWEPT_MONTHS).toBe(2);
  });

  it("leaves a month alone until its grace period after its end has passed", () => {
    // November ended 2026-12-01T00:00Z: not settled a day later minus a minute.
    const early = settledMonthPrefixes(new Date("2026-12-01T23:59:00Z"), DAY);
    expect(early[0]).toBe("attachments/2026/10/");
    const late = settledMonthPrefixes(new Date("2026-12-02T00:01:00Z"), DAY);
    expect(late[0]).toBe("attachments/2026/11/");
  });

  it("crosses the year", () => {
    expect(settledMonthPrefixes(new Date("2027-01-10T00:00:00Z"), DAY)).toEqual([
      "attachments/2026/12/",
      "attachments/2026/11/",
    ]);
  });
});
