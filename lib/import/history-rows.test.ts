import { describe, expect, it } from "vitest";
import { creditCodeCheckChar } from "@/lib/collection/credit-code";
import { verifyPassword } from "@/lib/crypto/password-hash";
import { gb11643CheckChar } from "@/lib/identity/gb11643";
import { buildJurisdictionRegions } from "@/lib/region/divisions";
import { checkHistoryRow } from "./history-rows";
import { codeOf, HISTORY_COLUMNS, type HistoryValues } from "./history-sheet";

const ID = `44010619850312002${gb11643CheckChar("44010619850312002")}`;
const CREDIT = `91440106MA59C8XK2${creditCodeCheckChar("91440106MA59C8XK2")}`;
const NOW = new Date("2026-11-27T04:00:00Z");
const ctx = {
  base: { today: "2026-11-27", regions: buildJurisdictionRegions() },
  scope: ["440100"],
  now: NOW,
};

function row(over: Partial<HistoryValues> = {}): HistoryValues {
  const empty = Object.fromEntries(HISTORY_COLUMNS.map((c) => [c.key, ""])) as HistoryValues;
  return {
    ...empty,
    name: "李会计",
    idType: "居民身份证",
    idNumber: ID,
    ethnicGroup: "汉族",
    politicalStatus: "群众",
    phone: "13912345678",
    email: "li@example.com",
    regionCode: "440106",
    status: "非会计工作岗位",
    employerName: "广州恒达贸易有限公司",
    employerCreditCode: CREDIT,
    level: "大学本科毕业",
    degree: "学士",
    school: "广东财经大学",
    major: "会计学",
    enrolledOn: "2003-09",
    graduatedOn: "2007-07",
    ...over,
  };
}

const errorsOf = (v: HistoryValues) => {
  const r = checkHistoryRow(v, ctx);
  return r.ok ? [] : r.errors;
};

describe("checkHistoryRow", () => {
  it("turns a complete row into a record with 照片待补充 and the number's facts", () => {
    const r = checkHistoryRow(row(), ctx);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.person).toMatchObject({ gender: "2", birthDate: "1985-03-12", regionCode: "440106" });
    expect(r.person.record.personal).toMatchObject({
      headshotId: "",
      documentPageIds: {},
      photosPending: true,
      nationality: "CHN",
    });
    expect(r.person.record.professional.qualifications).toEqual([]);
  });

  it("checks the number's checksum and the filled facts against it", () => {
    const wrong = `${ID.slice(0, 17)}${ID.endsWith("0") ? "1" : "0"}`;
    expect(errorsOf(row({ idNumber: wrong }))).toEqual(["校验码错误，请核对证件号码"]);
    expect(errorsOf(row({ gender: "男", birthDate: "1985-03-13" }))).toEqual([
      "出生日期与证件号码不符",
      "性别与证件号码不符",
    ]);
  });

  it("refuses a region outside the staff member's scope and a student", () => {
    expect(errorsOf(row({ regionCode: "440604" }))).toContain(
      "所在地区440604不在您管辖的行政区划内",
    );
    expect(errorsOf(row({ status: "在校生" }))).toContain(
      "在校生须上传学生证，请由本人在平台注册并完成信息采集",
    );
  });

  it("applies collection's own schemas: credit code, email, a half-filled qualification", () => {
    expect(errorsOf(row({ employerCreditCode: "91440106MA59C8XK2A" }))).toHaveLength(1);
    expect(errorsOf(row({ email: "" }))).toEqual(["请填写电子邮箱"]);
    expect(errorsOf(row({ qualType: "会计类" }))).toEqual(
      expect.arrayContaining(["请选择专业技术资格级别"]),
    );
  });

  it("reads a choice by its words or its code", () => {
    const column = HISTORY_COLUMNS.find((c) => c.key === "gender")!;
    expect(codeOf(column.choices, "女")).toBe("2");
    expect(codeOf(column.choices, "2")).toBe("2");
    expect(codeOf(column.choices, "女性")).toBeNull();
  });
});

describe("an imported account has no password", () => {
  it("verifyPassword is false for the empty hash, and does not throw", async () => {
    expect(await verifyPassword("", "")).toBe(false);
    expect(await verifyPassword("", "Acc0unt!ng")).toBe(false);
  });
});
