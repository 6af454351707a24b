import fullMetadata from "libphonenumber-js/metadata.mobile.json";
import { parsePhoneNumberFromString as parseWithFullPlan } from "libphonenumber-js/mobile";
import { describe, expect, it } from "vitest";
import { cnMetadata } from "@/lib/phone/cn-metadata";
import cnData from "@/lib/phone/metadata.cn.json";
import {
  type MobileResult,
  mobileSchema,
  normalizeMobile,
  validateMobile,
} from "@/lib/phone/mobile";

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

describe("China's part of the numbering plan", () => {
  it("is the installed libphonenumber-js's (else: node --import tsx scripts/phone/cn-metadata.ts)", () => {
    expect(cnData).toEqual(cnMetadata(fullMetadata));
  });

  // The rule before it loaded only China's plan: the full mobile metadata, in the browser too.
  const ALLOWED = /^[\d+\-\s().]*$/;
  function withFullPlan(raw: string): MobileResult {
    const input = raw.normalize("NFKC").trim();
    if (input === "") return { ok: false, message: "请输入手机号码" };
    if (!ALLOWED.test(input)) return { ok: false, message: "手机号码只能包含数字" };
    const parsed = parseWithFullPlan(input, "CN");
    if (parsed && parsed.country !== "CN" && parsed.countryCallingCode !== "86") {
      return { ok: false, message: "仅支持中国大陆手机号码" };
    }
    if (parsed && parsed.country === "CN" && parsed.getType() === "MOBILE") {
      return { ok: true, normalized: String(parsed.nationalNumber) };
    }
    const digits = input.replace(/\D/g, "").replace(/^(0086|86)(?=\d{11}$)/, "");
    if (digits.length !== 11) return { ok: false, message: "手机号码应为11位数字" };
    if (!digits.startsWith("1"))
      return { ok: false, message: "请输入手机号码（以1开头的11位号码）" };
    return { ok: false, message: "手机号码无效，请核对号码" };
  }

  it("answers as the full plan does, for typed numbers in every form", () => {
    // A fixed pseudo-random sample (mulberry32), so a failure names an input that stays failing.
    let seed = 20261203;
    const random = () => {
      seed = (seed + 0x6d2b79f5) | 0;
      let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
    const pick = (s: string | string[]) => s[Math.floor(random() * s.length)]!;
    const prefixes = [
      "",
      "",
      "+",
      "+86",
      "+86 ",
      "0086",
      "86",
      "00",
      "17951 00",
      "(+86) ",
      "+1",
      "+852 ",
      "+853",
      "+886",
      "+44 ",
      "+7",
      "001 ",
      "00852",
      "+800",
      "+979",
      "+999",
      "+0",
      "++",
      "(",
    ];
    const mismatches: string[] = [];
    for (let i = 0; i < 10_000; i++) {
      // up to 15 digits after the prefix: beyond the plan's 17-digit national numbers the two
      // differ only in which refusal they give (the full plan strips e.g. +1's trunk 1 first)
      let input = pick(prefixes);
      const digits = Math.floor(random() * 16);
      for (let d = 0; d < digits; d++)
        input +=
          (d === 0 && random() < 0.5 ? "1" : pick("0123456789")) +
          (random() < 0.1 ? pick(" -.()+") : "");
      if (random() < 0.05)
        input = input.replace(/\d/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
      if (JSON.stringify(validateMobile(input)) !== JSON.stringify(withFullPlan(input)))
        mismatches.push(input);
    }
    expect(mismatches.slice(0, 10)).toEqual([]);
  });
});
