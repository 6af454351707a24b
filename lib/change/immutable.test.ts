import { describe, expect, it } from "vitest";
import type { CollectionSnapshot } from "@/lib/collection/archive-service";
import { SAMPLE_PERSON } from "@/lib/collection/test-support";
import {
  CONTACT_FINANCE_DEPARTMENT,
  IMMUTABLE_FIELDS,
  immutableMessage,
  immutableViolations,
} from "./immutable";

// Only the parts immutableViolations reads matter here; the rest of a snapshot is left out.
function snapshot(
  person: Partial<CollectionSnapshot["person"]>,
  personal: Record<string, unknown> = { email: "a@example.com", nationality: "CHN" },
): CollectionSnapshot {
  return {
    person: { ...SAMPLE_PERSON, ...person },
    personal,
  } as unknown as CollectionSnapshot;
}

const resident = snapshot({});
// A passport holder: 性别 and 国籍/地区 were asked at 个人信息.
const passport = snapshot(
  { idType: "PASSPORT", idNumberMasked: "E1****78", gender: null, birthYear: null },
  { email: "a@example.com", nationality: "USA", gender: "2", birthDate: "1991-02-03" },
);

describe("IMMUTABLE_FIELDS", () => {
  it("names the manual's four fields, each with a reason and the finance department to contact", () => {
    expect(IMMUTABLE_FIELDS.map((f) => f.label)).toEqual([
      "证件类型",
      "证件号码",
      "性别",
      "国籍/地区",
    ]);
    for (const f of IMMUTABLE_FIELDS) {
      expect(f.reason).toMatch(/不能修改/);
      expect(f.instead).toBe("联系所属地区财政部门办理");
    }
    expect(immutableMessage("idNumber")).toMatch(
      new RegExp(`^证件号码不能变更：.+如需更正，请${CONTACT_FINANCE_DEPARTMENT}。$`),
    );
  });
});

describe("immutableViolations", () => {
  it("accepts a change of anything else (email, birth date)", () => {
    const after = snapshot({}, { email: "b@example.com", nationality: "CHN" });
    expect(immutableViolations(resident, after)).toEqual([]);
    const born = snapshot(
      { idType: "PASSPORT", idNumberMasked: "E1****78", gender: null, birthYear: null },
      { email: "a@example.com", nationality: "USA", gender: "2", birthDate: "1991-02-04" },
    );
    expect(immutableViolations(passport, born)).toEqual([]);
  });

  it("refuses a new 证件号码", () => {
    const v = immutableViolations(resident, snapshot({ idNumberMasked: "4401************2X" }));
    expect(v).toEqual([
      {
        field: "idNumber",
        path: "person.idNumberMasked",
        label: "证件号码",
        message: immutableMessage("idNumber"),
      },
    ]);
  });

  it("refuses a new 证件类型", () => {
    const v = immutableViolations(resident, snapshot({ idType: "PASSPORT" }));
    expect(v.map((x) => [x.field, x.path])).toEqual([["idType", "person.idType"]]);
  });

  it("refuses a new 性别, registered or asked at 个人信息", () => {
    expect(immutableViolations(resident, snapshot({ gender: "2" })).map((x) => x.path)).toEqual([
      "person.gender",
    ]);
    const after = snapshot(passport.person, { ...passport.personal, gender: "1" });
    const v = immutableViolations(passport, after);
    expect(v.map((x) => [x.field, x.path, x.label])).toEqual([
      ["gender", "personal.gender", "性别"],
    ]);
    expect(v[0]!.message).toContain("联系所属地区财政部门办理");
  });

  it("refuses a new or dropped 国籍/地区", () => {
    const changed = snapshot(passport.person, { ...passport.personal, nationality: "GBR" });
    expect(immutableViolations(passport, changed).map((x) => x.field)).toEqual(["nationality"]);
    const dropped = snapshot(passport.person, { ...passport.personal, nationality: undefined });
    expect(immutableViolations(passport, dropped).map((x) => x.field)).toEqual(["nationality"]);
  });

  it("lets a value that was never collected be filled in", () => {
    const legacy = snapshot({}, { email: "a@example.com" });
    expect(immutableViolations(legacy, resident)).toEqual([]);
  });

  it("reports every field changed at once, one entry each", () => {
    const after = snapshot(
      { idType: "HKMO_PERMIT", idNumberMasked: "H1****78", gender: "2" },
      { email: "a@example.com", nationality: "HKG" },
    );
    expect(immutableViolations(resident, after).map((x) => x.field)).toEqual([
      "idType",
      "idNumber",
      "gender",
      "nationality",
    ]);
  });
});
