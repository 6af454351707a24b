import { describe, expect, it } from "vitest";
import { validateWholeRecord } from "@/lib/collection/whole-record";
import { jurisdictionFromEnv } from "@/lib/jurisdiction/config";
import { buildJurisdictionRegions } from "@/lib/region/divisions";
import { scalePerson } from "./person";
import { scaleSetup } from "./seed";

// The seed writes records in the shape the collection stores without running its schemas (too
// slow for millions). This proves the shape: every sampled record passes validateWholeRecord —
// the submit's own check, with the person's context on the day of collection — and comes back
// exactly as generated (the schemas' output is what version 1 stores).

const setup = scaleSetup(7, "2026-12-04", jurisdictionFromEnv({}));
const regions = buildJurisdictionRegions(jurisdictionFromEnv({}));
const beijingDay = (d: Date) => new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);

describe("seeded collection records", () => {
  it("pass the collection's whole-record validation unchanged on their day of collection", () => {
    let checked = 0;
    const statuses = new Set<string>();
    for (let i = 0; i < 1200; i++) {
      const p = scalePerson(setup, i);
      if (!p.collection) continue;
      const { record, collectedAt } = p.collection;
      const r = validateWholeRecord(structuredClone(record) as never, {
        today: beijingDay(collectedAt),
        documentType: "RESIDENT_ID",
        nationality: "CHN",
        documentEncodesBirthDate: true,
        birthDate: p.birthDate,
        regions,
      });
      if (!r.ok)
        throw new Error(`person ${i}: ${JSON.stringify(r.errors)} ${JSON.stringify(record)}`);
      expect(r.record).toEqual(record);
      statuses.add(record.work.status);
      checked++;
    }
    expect(checked).toBeGreaterThan(1000);
    // Every 在岗状态 appears, so each of the work step's branches was checked.
    expect([...statuses].sort()).toEqual([
      "ACCOUNTING_POST",
      "NON_ACCOUNTING_POST",
      "STUDENT",
      "UNEMPLOYED",
    ]);
  }, 60_000);
});
