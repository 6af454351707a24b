import { parsePhoneNumberFromString } from "libphonenumber-js/mobile";
import { z } from "zod";

// Mainland China mobile numbers only: accounts and SMS codes are bound to them. The "mobile"
// metadata of libphonenumber-js knows the current number ranges (e.g. 19x, 16x), which a
// hand-written /^1[3-9]\d{9}$/ would not.

export type MobileResult = { ok: true; normalized: string } | { ok: false; message: string };

/** Characters people type around a number: +86, 0086, spaces, dashes, dots, brackets. */
const ALLOWED = /^[\d+\-\s().]*$/;

export function validateMobile(raw: string): MobileResult {
  // NFKC turns full-width digits and signs (from a Chinese IME) into ASCII.
  const input = raw.normalize("NFKC").trim();
  if (input === "") return { ok: false, message: "请输入手机号码" };
  if (!ALLOWED.test(input)) return { ok: false, message: "手机号码只能包含数字" };

  const parsed = parsePhoneNumberFromString(input, "CN");
  if (parsed && parsed.country !== "CN" && parsed.countryCallingCode !== "86") {
    return { ok: false, message: "仅支持中国大陆手机号码" };
  }
  if (parsed && parsed.country === "CN" && parsed.getType() === "MOBILE") {
    return { ok: true, normalized: String(parsed.nationalNumber) };
  }
  const digits = input.replace(/\D/g, "").replace(/^(0086|86)(?=\d{11}$)/, "");
  if (digits.length !== 11) return { ok: false, message: "手机号码应为11位数字" };
  if (!digits.startsWith("1")) return { ok: false, message: "请输入手机号码（以1开头的11位号码）" };
  return { ok: false, message: "手机号码无效，请核对号码" };
}

/** The 11-digit number, or null when the input is not a valid mainland mobile number. */
export function normalizeMobile(raw: string): string | null {
  const result = validateMobile(raw);
  return result.ok ? result.normalized : null;
}

/** 138****1234. Anything that is not 11 digits is masked whole except the last 2. */
export function maskPhone(phone: string): string {
  if (/^\d{11}$/.test(phone)) return `${phone.slice(0, 3)}****${phone.slice(7)}`;
  return phone.length <= 2
    ? "*".repeat(phone.length)
    : "*".repeat(phone.length - 2) + phone.slice(-2);
}

/** zod: string in, 11-digit mainland mobile number out, Chinese message on failure. */
export const mobileSchema = z.string({ error: () => "请输入手机号码" }).transform((value, ctx) => {
  const result = validateMobile(value);
  if (!result.ok) {
    ctx.addIssue({ code: "custom", message: result.message });
    return z.NEVER;
  }
  return result.normalized;
});
