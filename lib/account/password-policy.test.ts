import { describe, expect, it } from "vitest";
import { checkPassword, passwordProblems } from "@/lib/account/password-policy";

function failing(password: string, context = {}) {
  return checkPassword(password, context)
    .filter((rule) => !rule.ok)
    .map((rule) => rule.id);
}

describe("checkPassword", () => {
  it("lists every rule with a Chinese label for the live checklist", () => {
    const rules = checkPassword("abc");
    expect(rules.map((r) => [r.id, r.label, r.ok])).toEqual([
      ["minLength", "至少8位", false],
      ["maxLength", "不超过64位", true],
      ["charClasses", "包含大写字母、小写字母、数字、符号中的至少三类", false],
    ]);
  });

  it("adds the ID and phone rules once those values are known", () => {
    const ids = checkPassword("abc", { idNumber: "11010519491231002X", phone: "13812345678" }).map(
      (r) => r.id,
    );
    expect(ids).toEqual(["minLength", "maxLength", "charClasses", "noIdNumber", "noPhone"]);
    expect(checkPassword("abc", { idNumber: "", phone: null }).map((r) => r.id)).not.toContain(
      "noIdNumber",
    );
  });

  it("accepts three of the four character classes", () => {
    expect(failing("Abcdefg1")).toEqual([]);
    expect(failing("abcdefg1!")).toEqual([]);
    expect(failing("ABCDEFG1!")).toEqual([]);
    expect(failing("Abcdefg!")).toEqual([]);
    expect(failing("abcdefg12")).toEqual(["charClasses"]);
    expect(failing("ABCDEFGHI")).toEqual(["charClasses"]);
    expect(failing("会计人员密码abc1")).toEqual([]); // non-ASCII counts as a symbol
  });

  it("bounds the length by code points", () => {
    expect(failing("Abcdef1")).toEqual(["minLength"]);
    expect(failing("Aa1" + "x".repeat(61))).toEqual([]);
    expect(failing("Aa1" + "x".repeat(62))).toEqual(["maxLength"]);
    expect(failing("Aa1𠮷𠮷𠮷𠮷𠮷")).toEqual([]); // 8 code points, 13 UTF-16 units
  });

  it("refuses the ID number (case-insensitive) and its last 6 characters", () => {
    const idNumber = "11010519491231002X";
    expect(failing("Ab!11010519491231002x", { idNumber })).toEqual(["noIdNumber"]);
    expect(failing("Secret!31002X", { idNumber })).toEqual(["noIdNumber"]);
    expect(failing("Secret!31002x", { idNumber })).toEqual(["noIdNumber"]);
    expect(failing("Secret!1231002", { idNumber })).toEqual([]);
    expect(failing("Secret!H12345678", { idNumber: "H12345678" })).toEqual(["noIdNumber"]);
  });

  it("refuses the phone number", () => {
    expect(failing("Pw13812345678", { phone: "13812345678" })).toEqual(["noPhone"]);
    expect(failing("Pw1381234567", { phone: "13812345678" })).toEqual([]);
    expect(failing("Pw13812345678", { phone: "+86 138-1234-5678" })).toEqual(["noPhone"]);
  });
});

describe("passwordProblems", () => {
  it("returns the first problem in Chinese, or null", () => {
    expect(passwordProblems("")).toBe("请输入密码");
    expect(passwordProblems("abc")).toBe("密码至少需要8位");
    expect(passwordProblems("abcdefgh")).toBe(
      "密码需包含大写字母、小写字母、数字、符号中的至少三类",
    );
    expect(passwordProblems("Aa1" + "x".repeat(62))).toBe("密码不能超过64位");
    expect(passwordProblems("Secret!31002X", { idNumber: "11010519491231002X" })).toBe(
      "密码不能包含证件号码或其后6位",
    );
    expect(passwordProblems("Pw13812345678", { phone: "13812345678" })).toBe(
      "密码不能包含手机号码",
    );
    expect(
      passwordProblems("Kuaiji#2025", { idNumber: "11010519491231002X", phone: "13812345678" }),
    ).toBeNull();
  });
});

describe("full-width input", () => {
  it("judges the NFKC form the hash uses", () => {
    expect(
      passwordProblems("Ab!\uFF11\uFF13\uFF18\uFF10\uFF10\uFF11\uFF13\uFF18\uFF10\uFF10\uFF10", {
        phone: "13800138000",
      }),
    ).not.toBeNull();
  });
});
