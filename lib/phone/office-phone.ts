import { parsePhoneNumberFromString } from "libphonenumber-js/core";
import * as z from "zod/mini";
import { type Normalized, normalizedBy } from "@/lib/utils/refinement";
import type { CnMetadata } from "./cn-metadata";
import data from "./metadata.cn-full.json";

// A finance office's 联系电话 as the public dials it: a landline with its area code
// (020-83170000, 0769-22222222), a mobile, a 400/800 service number, or a 12xxx government
// service line (12345). Landlines need China's full numbering plan (area codes and their
// lengths), which the account's mobile rule (mobile.ts) does without: metadata.cn-full.json,
// written by scripts/phone/cn-metadata.ts. Runs in the browser on the console's contact form.

const { metadata } = data as unknown as CnMetadata;

/** Characters people type around a number: +86, spaces, dashes, dots, brackets. */
const ALLOWED = /^[\d+\-\s().]*$/;
/** 12345 政务服务便民热线, 12366 纳税服务热线 …: five digits, no area code. */
const SERVICE_LINE = /^12\d{3}$/;
const TYPES = new Set(["FIXED_LINE", "FIXED_LINE_OR_MOBILE", "MOBILE", "TOLL_FREE", "SHARED_COST"]);

const INVALID = "联系电话无效，固定电话请带区号，如：020-83170000";

/** "020 8317 0000" → "020-83170000"; "400 820 8820" → "400-820-8820"; a mobile: its 11 digits. */
function dialForm(national: string, type: string): string {
  const [head, ...rest] = national.split(" ");
  if (type === "MOBILE") return national.replace(/\D/g, "");
  if (type === "TOLL_FREE" || type === "SHARED_COST") return national.replace(/ /g, "-");
  return rest.length > 0 ? `${head}-${rest.join("")}` : national;
}

export function validateOfficePhone(raw: string): Normalized {
  // NFKC turns full-width digits and signs (from a Chinese IME) into ASCII.
  const input = raw.normalize("NFKC").trim();
  if (input === "") return { ok: false, message: "请填写联系电话" };
  if (!ALLOWED.test(input)) return { ok: false, message: "联系电话只能包含数字和“-”" };
  const digits = input.replace(/\D/g, "");
  if (SERVICE_LINE.test(digits) && !input.includes("+")) return { ok: true, normalized: digits };
  const parsed = parsePhoneNumberFromString(input, "CN", metadata);
  if (!parsed || parsed.country !== "CN" || !parsed.isValid())
    return { ok: false, message: INVALID };
  const type = parsed.getType();
  if (!type || !TYPES.has(type)) return { ok: false, message: INVALID };
  return { ok: true, normalized: dialForm(parsed.formatNational(), type) };
}

/** zod: string in, the number as dialled out, Chinese message on failure. */
export const officePhoneSchema = normalizedBy(
  z.string({ error: () => "请填写联系电话" }),
  validateOfficePhone,
);
