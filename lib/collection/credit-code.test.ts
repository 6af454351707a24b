import { describe, expect, it } from "vitest";
import {
  creditCodeCheckChar,
  creditCodeSchema,
  normalizeCreditCode,
  validateCreditCode,
} from "./credit-code";

// Real, publicly listed codes (national enterprise credit information publicity system).
const REAL = [
  "914403001922038216", // 华为技术有限公司
  "91440300708461136T", // 深圳市腾讯计算机系统有限公司
  "91330100799655058B", // 阿里巴巴（中国）有限公司
  "91110000710925462X", // 中国石油天然气股份有限公司
];

describe("GB 32100 check character", () => {
  it.each(REAL)("computes the check character of %s", (code) => {
    expect(creditCodeCheckChar(code.slice(0, 17))).toBe(code.charAt(17));
  });

  it("maps a remainder of 0 to the check character 0 (31 − 0 mod 31)", () => {
    expect(creditCodeCheckChar("00000000000000000")).toBe("0");
  });

  it("refuses bodies of the wrong length or outside the charset", () => {
    expect(() => creditCodeCheckChar("9144030070846113")).toThrow();
    expect(() => creditCodeCheckChar("9144030070846113I")).toThrow();
  });
});

describe("validateCreditCode", () => {
  it.each(REAL)("accepts %s", (code) => {
    expect(validateCreditCode(code)).toEqual({ ok: true, normalized: code });
  });

  it("normalises case, spaces and full-width characters", () => {
    expect(normalizeCreditCode(" 91440300708461136t ")).toBe("91440300708461136T");
    expect(validateCreditCode("９１４４０３００７０８４６１１３６ｔ")).toEqual({
      ok: true,
      normalized: "91440300708461136T",
    });
    expect(validateCreditCode("9144 0300 7084 6113 6T").ok).toBe(true);
  });

  it("refuses a wrong check character", () => {
    expect(validateCreditCode("914403001922038217")).toEqual({
      ok: false,
      message: "统一社会信用代码校验位错误，请核对后重新输入",
    });
    expect(validateCreditCode("91440300708461136X").ok).toBe(false);
  });

  it("refuses a single changed character (typo) even with the old check character", () => {
    expect(validateCreditCode("91440300708461137T").ok).toBe(false);
  });

  it("explains empty, short and illegal input in Chinese", () => {
    expect(validateCreditCode("  ")).toEqual({ ok: false, message: "请输入统一社会信用代码" });
    expect(validateCreditCode("9144030070846113")).toEqual({
      ok: false,
      message: "统一社会信用代码应为18位（当前为16位）",
    });
    const illegal = validateCreditCode("9144030070846113IT");
    expect(illegal.ok || illegal.message).toContain("不含I、O、S、V、Z");
    const region = validateCreditCode("91A40300708461136T");
    expect(region.ok || region.message).toContain("行政区划码");
  });
});

describe("creditCodeSchema", () => {
  it("outputs the normalised code and puts the message on the field", () => {
    expect(creditCodeSchema.parse("91440300708461136t")).toBe("91440300708461136T");
    const r = creditCodeSchema.safeParse("914403001922038217");
    expect(r.error?.issues[0]?.message).toBe("统一社会信用代码校验位错误，请核对后重新输入");
    expect(creditCodeSchema.safeParse(undefined).error?.issues[0]?.message).toBe(
      "请输入统一社会信用代码",
    );
  });
});
