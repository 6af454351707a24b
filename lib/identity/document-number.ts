import type { DocumentTypeCode } from "@/lib/identity/document-types";
import {
  type GenderCode,
  HMT_RESIDENCE_AREA_CODES,
  gb11643Gender,
  hasValidGb11643Check,
  isMainlandProvinceCode,
  isResidentIdProvinceCode,
  parseBirthDate,
} from "@/lib/identity/gb11643";

export type DocumentNumberResult =
  | { ok: true; normalized: string; gender?: GenderCode; birthDate?: string }
  | { ok: false; message: string };

export interface DocumentNumberOptions {
  /** Set when the person says the passport is Chinese: enforces the E/G formats. */
  passportIssuer?: "CN";
}

/**
 * Canonical form for storage, blind index and comparison: NFKC (full-width digits, letters and
 * brackets typed with a Chinese IME become ASCII), all whitespace removed, upper case
 * (a lowercase x check character becomes X).
 */
export function normalizeDocumentNumber(_type: DocumentTypeCode, raw: string): string {
  return raw.normalize("NFKC").replace(/\s+/g, "").toUpperCase();
}

export function validateDocumentNumber(
  type: DocumentTypeCode,
  raw: string,
  now: Date,
  options: DocumentNumberOptions = {},
): DocumentNumberResult {
  const n = normalizeDocumentNumber(type, raw);
  if (n === "") return fail("请输入证件号码");
  switch (type) {
    case "RESIDENT_ID":
      return validateResidentId(n, now);
    case "HMT_RESIDENCE":
      return validateHmtResidence(n, now);
    case "FOREIGN_PR":
      return validateForeignPermanentResidence(n, now);
    case "HKMO_PERMIT":
      return validateHkMoPermit(n);
    case "TW_PERMIT":
      return validateTwPermit(n);
    case "PASSPORT":
      return validatePassport(n, options);
  }
}

function fail(message: string): DocumentNumberResult {
  return { ok: false, message };
}

function validateResidentId(n: string, now: Date): DocumentNumberResult {
  if (/^\d{15}$/.test(n)) return fail("15位的第一代身份证号码已停止使用，请输入18位号码");
  const shape = checkShape18(n);
  if (shape) return fail(shape);
  // Residence permits and the 2023 永居证 share the scheme: point to the right type instead
  // of a vague "invalid", since picking the wrong type is the likely mistake.
  if (/^8[123]/.test(n))
    return fail("该号码是港澳台居民居住证号码，请将证件类型选为“港澳台居民居住证”");
  if (n.startsWith("9")) {
    return fail("该号码是外国人永久居留身份证号码，请将证件类型选为“外国人永久居留身份证”");
  }
  if (!isResidentIdProvinceCode(n.slice(0, 2))) return fail("证件号码前两位（省份代码）无效");
  return checkDateAndCheckChar(n, now);
}

function validateHmtResidence(n: string, now: Date): DocumentNumberResult {
  const shape = checkShape18(n);
  if (shape) return fail(shape);
  if (!(HMT_RESIDENCE_AREA_CODES as readonly string[]).includes(n.slice(0, 6))) {
    return fail("港澳台居民居住证号码应以810000（香港）、820000（澳门）或830000（台湾）开头");
  }
  return checkDateAndCheckChar(n, now);
}

function validateForeignPermanentResidence(n: string, now: Date): DocumentNumberResult {
  if (/^[A-Z]/.test(n)) {
    // 2017 card: 3 letters + 12 digits. Public descriptions of what the digits mean disagree
    // (and the year has 2 digits at best), so nothing is derived from it.
    if (/^[A-Z]{3}\d{12}$/.test(n)) return { ok: true, normalized: n };
    return fail("2017版外国人永久居留身份证号码应为3位字母加12位数字");
  }
  if (n.length !== 18) {
    return fail("外国人永久居留身份证号码应为18位（2023年起签发）或15位（2017版）");
  }
  const shape = checkShape18(n);
  if (shape) return fail(shape);
  if (!n.startsWith("9")) return fail("外国人永久居留身份证号码（18位）应以9开头");
  if (!isMainlandProvinceCode(n.slice(1, 3))) {
    return fail("证件号码第2至3位（受理地省份代码）无效");
  }
  // Positions 4–6 are the numeric nationality code (GB/T 2659); not checked against a list,
  // like area codes: a stale list would reject real cards.
  return checkDateAndCheckChar(n, now);
}

function validateHkMoPermit(n: string): DocumentNumberResult {
  if (!/^[HM]/.test(n)) return fail("港澳居民来往内地通行证号码应以H（香港）或M（澳门）开头");
  if (!/^[HM](\d{8}|\d{10})$/.test(n)) {
    return fail("港澳居民来往内地通行证号码应为H或M加8位数字（旧证为10位数字）");
  }
  return { ok: true, normalized: n };
}

function validateTwPermit(n: string): DocumentNumberResult {
  if (/^\d{8}$/.test(n) || /^\d{10}(\([A-Z]\))?$/.test(n)) return { ok: true, normalized: n };
  return fail("台湾居民来往大陆通行证号码应为8位数字（旧证为10位数字，可带括号字母）");
}

function validatePassport(n: string, options: DocumentNumberOptions): DocumentNumberResult {
  if (!/^[A-Z0-9]+$/.test(n)) return fail("护照号码只能包含字母和数字");
  if (options.passportIssuer === "CN") {
    // E + letter (I and O excluded) or digit + 7 digits (e-passports), or G + 8 digits (2012 and before).
    if (!/^(E[0-9A-HJ-NP-Z]\d{7}|G\d{8})$/.test(n)) {
      return fail("中国护照号码应为9位：E开头（如E12345678、EA1234567）或G开头加8位数字");
    }
    return { ok: true, normalized: n };
  }
  if (n.length < 5 || n.length > 20) return fail("护照号码应为5至20位字母或数字");
  return { ok: true, normalized: n };
}

/** Length and character shape shared by every 18-character GB 11643 style number. */
function checkShape18(n: string): string | null {
  if (n.length !== 18) return `证件号码应为18位（当前为${n.length}位）`;
  if (!/^\d{17}[\dX]$/.test(n)) return "证件号码前17位应为数字，最后一位为数字或X";
  return null;
}

function checkDateAndCheckChar(n: string, now: Date): DocumentNumberResult {
  const birth = parseBirthDate(n.slice(6, 14), now);
  if (!birth.ok) {
    if (birth.reason === "future") return fail("出生日期不能晚于今天，请核对证件号码第7至14位");
    if (birth.reason === "too-early")
      return fail("出生日期不能早于1880年，请核对证件号码第7至14位");
    return fail("出生日期无效，请核对证件号码第7至14位");
  }
  if (!hasValidGb11643Check(n)) return fail("校验码错误，请核对证件号码");
  return {
    ok: true,
    normalized: n,
    birthDate: birth.date,
    // 17th digit odd = male. For the 2023 永居证 this follows the 居民身份证 rule it copies
    // (every public implementation reads it so; the official table was not at hand).
    gender: gb11643Gender(n),
  };
}
