import { describe, expect, it } from "vitest";
import { SMS_PURPOSE_LABELS, SMS_SIGNATURE, smsText } from "./text";
import { SMS_PURPOSES } from "./types";

describe("smsText", () => {
  it("writes the documented register text", () => {
    expect(smsText("register", "123456")).toBe(
      "【会计人员信息服务平台】您正在进行注册，验证码为123456，5分钟内有效。请勿泄露给他人。",
    );
  });

  it.each(SMS_PURPOSES)("names the purpose and carries the code for %s", (purpose) => {
    const text = smsText(purpose, "012345");
    expect(text).toContain(SMS_PURPOSE_LABELS[purpose]);
    expect(text.match(/验证码为(\d{6})/)?.[1]).toBe("012345");
    expect(text.startsWith("【会计人员信息服务平台】")).toBe(true);
  });

  it("uses the purpose wording of the brief", () => {
    expect(Object.values(SMS_PURPOSE_LABELS)).toEqual([
      "注册",
      "找回密码",
      "更换手机号",
      "调入验证",
      "调转通知",
      "账号安全提醒",
      "账号申诉",
    ]);
  });

  it("refuses anything but six digits", () => {
    for (const bad of ["12345", "1234567", "12345a", ""])
      expect(() => smsText("register", bad)).toThrow();
  });

  it("writes the SMS in the language it was asked in, under the registered signature", () => {
    expect(smsText("register", "123456", { locale: "en" })).toBe(
      "【会计人员信息服务平台】Your registration code is 123456, valid for 5 minutes. Do not share it with anyone.",
    );
    expect(smsText("reset-password", "654321", { locale: "zh-Hant", validMinutes: 10 })).toBe(
      "【会计人员信息服务平台】您正在進行找回密碼，驗證碼為654321，10分鐘內有效。請勿洩露給他人。",
    );
  });

  it.each(SMS_PURPOSES)("names the purpose in English for %s", (purpose) => {
    const text = smsText(purpose, "012345", { locale: "en" });
    expect(text).toContain(" code is 012345,");
    expect(text.slice(SMS_SIGNATURE.length)).not.toMatch(/\p{Script=Han}/u);
  });

  it("states another validity when asked", () => {
    expect(smsText("change-phone", "999999", { validMinutes: 10 })).toContain("10分钟内有效");
  });
});
