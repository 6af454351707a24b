import { describe, expect, it } from "vitest";
import { getAt, isUnder, pathId, setAt, shiftErrorsAfterRemoval } from "./paths";

describe("form paths", () => {
  it("reads nested values and undefined for missing ones", () => {
    const v = { fullTime: [{ school: "中山大学" }], pages: { PORTRAIT: "a" } };
    expect(getAt(v, "fullTime.0.school")).toBe("中山大学");
    expect(getAt(v, "pages.PORTRAIT")).toBe("a");
    expect(getAt(v, "fullTime.1.school")).toBeUndefined();
    expect(getAt(v, "")).toBe(v);
  });

  it("sets without touching the original and creates missing parents", () => {
    const v = { fullTime: [{ school: "A", major: "会计" }], email: "x" };
    const next = setAt(v, "fullTime.0.school", "B");
    expect(next).toEqual({ fullTime: [{ school: "B", major: "会计" }], email: "x" });
    expect(v.fullTime[0]!.school).toBe("A");
    expect(next.fullTime).not.toBe(v.fullTime);
    expect(setAt({}, "documentPageIds.EMBLEM", "id")).toEqual({
      documentPageIds: { EMBLEM: "id" },
    });
    expect(setAt({}, "awards.0.name", "先进")).toEqual({ awards: [{ name: "先进" }] });
  });

  it("moves list errors up after a removal and drops the removed entry's", () => {
    const errors = {
      email: "请填写电子邮箱",
      "fullTime.0.school": "请填写毕业院校",
      "fullTime.1.major": "请填写所学专业",
      "fullTime.2.enrolledOn": "请选择入学时间",
      fullTimeX: "unrelated",
    };
    expect(shiftErrorsAfterRemoval(errors, "fullTime", 1)).toEqual({
      email: "请填写电子邮箱",
      "fullTime.0.school": "请填写毕业院校",
      "fullTime.1.enrolledOn": "请选择入学时间",
      fullTimeX: "unrelated",
    });
  });

  it("tells whether a key lies under a path and makes DOM ids", () => {
    expect(isUnder("fullTime.0.school", "fullTime")).toBe(true);
    expect(isUnder("fullTimeX", "fullTime")).toBe(false);
    expect(pathId("fullTime.0.school")).toBe("fullTime-0-school");
  });
});
