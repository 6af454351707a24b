import { parsePhoneNumberFromString } from "libphonenumber-js/core";
import * as z from "zod/mini";
import { normalizedBy } from "@/lib/utils/refinement";
import type { CnMetadata } from "./cn-metadata";
import data from "./metadata.cn.json";

// Mainland China mobile numbers only: accounts and SMS codes are bound to them. The "mobile"
// metadata of libphonenumber-js knows the current number ranges (e.g. 19x, 16x), which a
// hand-written /^1[3-9]\d{9}$/ would not. Only China's part of it is loaded (cn-metadata.ts):
// this rule runs in the browser too.

const { metadata, callingCodes } = data as unknown as CnMetadata;
const CALLING_CODES = new Set(callingCodes);
/** Dialled from China, an international number starts with + or an IDD prefix (00, 17951 00 …). */
const CN_IDD = new RegExp(`^(?:${(metadata.countries.CN as unknown as [string, string])[1]})`);

/**
 * The calling code of a number written in international form for another country or a global
 * service (+852 …, 001 …), as the full numbering plan would read it; null for anything else.
 */
function foreignCallingCode(input: string): string | null {
  // as the library reads a typed number: punctuation dropped, nothing after the last digit
  const compact = input.replace(/[\s().-]/g, "").replace(/\D+$/, "");
  const idd = compact.startsWith("+") ? "+" : CN_IDD.exec(compact)?.[0];
  const rest = idd === undefined ? "" : compact.slice(idd.length);
  if (!/^[1-9]\d*$/.test(rest)) return null;
  for (let n = 1; n <= 3; n++) {
    const code = rest.slice(0, n);
    if (!CALLING_CODES.has(code)) continue;
    // the numbering plan's own bounds for a national number: 2 to 17 digits
    const national = rest.length - n;
    return code !== "86" && national >= 2 && national <= 17 ? code : null;
  }
  return null;
}

export type MobileResult = { ok: true; normalized: string } | { ok: false; message: string };

/** Characters people type around a number: +86, 0086, spaces, dashes, dots, brackets. */
const ALLOWED = /^[\d+\-\s().]*$/;

export function validateMobile(raw: string): MobileResult {
  // NFKC turns full-width digits and signs (from a Chinese IME) into ASCII.
  const input = raw.normalize("NFKC").trim();
  if (input === "") return { ok: false, message: "请输入手机号码" };
  if (!ALLOWED.test(input)) return { ok: false, message: "手机号码只能包含数字" };

  if (foreignCallingCode(input)) return { ok: false, message: "仅支持中国大陆手机号码" };
  const parsed = parsePhoneNumberFromString(input, "CN", metadata);
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

/** zod: string in, 11-digit mainland mobile number out, Chinese message on failure. */
export const mobileSchema = normalizedBy(
  z.string({ error: () => "请输入手机号码" }),
  validateMobile,
);
