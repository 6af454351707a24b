import "server-only";
import { dictionary } from "@zxcvbn-ts/language-common";
import { type PasswordContext, passwordProblems } from "./password-policy";

// Well-known passwords are refused where a password is chosen (registration, 修改密码, 找回密码,
// a staff member's first password, 调入 confirmation): the length and character rules let
// "P@ssw0rd" and "Aa123456" through, and they are the first a sprayer tries. The list is
// zxcvbn-ts's common-passwords dictionary (~49,000 from public breach corpora), kept on the
// server: it is too large for the browser bundle, so the form's live checklist (pure rules) is
// followed by this one check when the form is sent.

export const COMMON_PASSWORD = "该密码过于常见，容易被他人猜中，请换一个";

let common: ReadonlySet<string> | undefined;

/**
 * The password, or its letters and digits alone, or either without a trailing year or number
 * ("Summer2026!" → "summer", "P@ssw0rd2026" → "p@ssw0rd"), is on the list. Case and full-width
 * forms do not matter.
 */
export function isCommonPassword(raw: string): boolean {
  common ??= new Set(dictionary["passwords-common"] as string[]);
  const lower = raw.normalize("NFKC").toLowerCase();
  const bare = lower.replace(/[^a-z0-9]/g, "");
  // what is left without a trailing number and symbols: "p@ssw0rd2026!" → "p@ssw0rd"
  const stems = [lower.replace(/[^a-z]+$/, ""), bare.replace(/\d+$/, "")];
  return [lower, bare, ...stems].some((p) => p.length >= 4 && common!.has(p));
}

/** passwordProblems, then the common-password check: for every service where one is chosen. */
export function newPasswordProblem(password: string, context: PasswordContext = {}): string | null {
  return (
    passwordProblems(password, context) ?? (isCommonPassword(password) ? COMMON_PASSWORD : null)
  );
}
