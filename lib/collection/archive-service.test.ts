import { describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { parseSnapshot } from "./archive-service";
import {
  SAMPLE_EDUCATION_ENTRY,
  SAMPLE_PROFESSIONAL,
  SAMPLE_QUALIFICATION,
  sampleSnapshot,
  TEST_CONTEXT,
} from "./test-support";
import { validateWholeRecord } from "./whole-record";

/** As the database hands it back: JSON, key order and all. */
const stored = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

const current = sampleSnapshot({
  professional: { ...SAMPLE_PROFESSIONAL, qualifications: [SAMPLE_QUALIFICATION] },
});

describe("parseSnapshot", () => {
  it("reads a version as submitCollection writes it today", () => {
    expect(parseSnapshot(stored(current))).toEqual(current);
  });

  it("reads a file written before issue 12 with the year of its full birth date, not the date", () => {
    const before = { ...current.person, birthYear: undefined, birthDate: "1990-05-17" };
    const read = parseSnapshot(stored({ ...current, person: before }));
    expect(read.person).toEqual({ ...current.person, birthYear: 1990 });
    expect(JSON.stringify(read)).not.toContain("1990-05-17");
  });

  it("reads a version written under older rules, keeping what it does not know", () => {
    const personal: Record<string, unknown> = { ...current.personal };
    delete personal.nationality;
    const old = stored({
      ...current,
      // before the truth pledge, and before 国籍/地区 was kept for every document
      notice: {},
      personal: { ...personal, ethnicGroup: "99" }, // a code since retired from the table
      // a bare level code with 在读 unticked (refused since), no 非全日制 list stored
      education: { fullTime: [{ ...SAMPLE_EDUCATION_ENTRY, level: "20", inStudy: false }] },
      // a region the jurisdiction no longer covers, and a field a later version dropped
      work: { ...current.work, regionCode: "110101", department: "财务部" },
      awards: {},
    });
    // Today's schemas refuse it: reading it back must not re-apply them.
    expect(validateWholeRecord(stored(old) as Record<string, unknown>, TEST_CONTEXT).ok).toBe(
      false,
    );

    const read = parseSnapshot(old);
    expect(read.notice).toEqual({});
    expect(read.personal.nationality).toBeUndefined();
    expect(read.personal.ethnicGroup).toBe("99");
    expect(read.education).toEqual({
      fullTime: [{ ...SAMPLE_EDUCATION_ENTRY, level: "20", inStudy: false }],
      partTime: [],
    });
    expect(read.work).toMatchObject({ regionCode: "110101", department: "财务部" });
    expect(read.awards).toEqual({ awards: [] });
  });

  it.each([
    ["a missing step", { ...current, work: undefined }, ["work"]],
    [
      "a list that is not one",
      { ...current, education: { fullTime: "中山大学" } },
      ["education", "fullTime"],
    ],
    [
      "a year stored as text",
      {
        ...current,
        professional: {
          ...current.professional,
          qualifications: [{ ...SAMPLE_QUALIFICATION, year: "2015" }],
        },
      },
      ["professional", "qualifications", 0, "year"],
    ],
    ["no registration facts", { ...current, person: null }, ["person"]],
    ["not an object at all", "corrupted", []],
  ])("fails loudly on %s, naming where", (_, json, path) => {
    let error: unknown;
    try {
      parseSnapshot(stored(json));
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ZodError);
    expect((error as ZodError).issues[0]?.path).toEqual(path);
  });
});
