import { describe, expect, it } from "vitest";
import { maskPhone, mobileSchema, normalizeMobile, validateMobile } from "@/lib/phone/mobile";

describe("validateMobile", () => {
  it("accepts mainland mobile numbers in the forms people type", () => {
    for (const raw of [
      "13812345678",
      " 138 1234 5678 ",
      "138-1234-5678",
      "+86 138 1234 5678",
      "+86-13812345678",
      "8613812345678",
      "008613812345678",
      "(+86) 13812345678",
      "１３８１２３４５６７８",
    ]) {
      expect(validateMobile(raw)).toEqual({ ok: true, normalized: "13812345678" });
    }
  });

  it("knows recent number ranges", () => {
    for (const n of ["19212345678", "16612345678", "17012345678", "19912345678", "14712345678"]) {
      expect(validateMobile(n)).toEqual({ ok: true, normalized: n });
    }
  });

  it("explains what is wrong", () => {
    expect(validateMobile("")).toEqual({ ok: false, message: "请输入手机号码" });
    expect(validateMobile("138abc45678")).toEqual({ ok: false, message: "手机号码只能包含数字" });
    expect(validateMobile("1381234567")).toEqual({ ok: false, message: "手机号码应为11位数字" });
    expect(validateMobile("138123456789")).toEqual({ ok: false, message: "手机号码应为11位数字" });
    expect(validateMobile("02012345678")).toEqual({
      ok: false,
      message: "请输入手机号码（以1开头的11位号码）",
    });
    expect(validateMobile("10012345678")).toEqual({
      ok: false,
      message: "手机号码无效，请核对号码",
    });
    expect(validateMobile("12345678901")).toEqual({
      ok: false,
      message: "手机号码无效，请核对号码",
    });
  });

  it("refuses Hong Kong, Macau and foreign numbers", () => {
    for (const n of ["+852 9123 4567", "+853 6612 3456", "+1 201 555 0123", "+44 7700 900123"]) {
      expect(validateMobile(n)).toEqual({ ok: false, message: "仅支持中国大陆手机号码" });
    }
  });
});

describe("normalizeMobile and mobileSchema", () => {
  it("return the 11 digits or fail", () => {
    expect(normalizeMobile("+86 138 1234 5678")).toBe("13812345678");
    expect(normalizeMobile("123")).toBeNull();
    expect(mobileSchema.parse("138-1234-5678")).toBe("13812345678");
    expect(mobileSchema.safeParse("123").error?.issues[0]?.message).toBe("手机号码应为11位数字");
  });
});

describe("maskPhone", () => {
  it("shows the first 3 and last 4 digits", () => {
    expect(maskPhone("13812341234")).toBe("138****1234");
  });

  it("hides unexpected input except the last 2", () => {
    expect(maskPhone("12345")).toBe("***45");
    expect(maskPhone("1")).toBe("*");
  });
});
