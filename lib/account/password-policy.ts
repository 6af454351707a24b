// Password rules, shown live next to the field (every rule with its state) and enforced on the
// server with the same code. Pure: no Node imports, so it runs in the browser bundle too.

export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 64;

export type PasswordRuleId = "minLength" | "maxLength" | "charClasses" | "noIdNumber" | "noPhone";

export interface PasswordRuleResult {
  id: PasswordRuleId;
  /** Chinese text for the checklist. */
  label: string;
  ok: boolean;
}

export interface PasswordContext {
  /** Normalised 证件号码 of the account, when known. */
  idNumber?: string | null;
  /** 11-digit mobile number of the account, when known. */
  phone?: string | null;
}

/**
 * Every rule with its state, in display order. The two "must not contain" rules appear only
 * when the value they compare against is known (e.g. once the ID field is filled in).
 */
export function checkPassword(raw: string, context: PasswordContext = {}): PasswordRuleResult[] {
  // The hash is taken of the NFKC form (lib/crypto/password-hash.ts): judge that same form, so
  // full-width digits cannot smuggle the phone number past the rules.
  const password = raw.normalize("NFKC");
  // Count code points, not UTF-16 units, so a rare character or emoji counts once.
  const length = Array.from(password).length;
  const lower = password.toLowerCase();
  const rules: PasswordRuleResult[] = [
    { id: "minLength", label: `至少${PASSWORD_MIN_LENGTH}位`, ok: length >= PASSWORD_MIN_LENGTH },
    { id: "maxLength", label: `不超过${PASSWORD_MAX_LENGTH}位`, ok: length <= PASSWORD_MAX_LENGTH },
    {
      id: "charClasses",
      label: "包含大写字母、小写字母、数字、符号中的至少三类",
      ok: countCharClasses(password) >= 3,
    },
  ];

  const idNumber = context.idNumber?.replace(/\s+/g, "").toLowerCase();
  if (idNumber) {
    // The last six characters of the ID are a classic default password: refuse them, which
    // also refuses the whole number (it ends with them).
    rules.push({
      id: "noIdNumber",
      label: "不包含证件号码或其后6位",
      ok: !lower.includes(idNumber.slice(-6)),
    });
  }
  // Accept the phone as typed (+86 138 1234 5678): compare the 11 national digits.
  const phone = context.phone?.replace(/\D/g, "").replace(/^(0086|86)(?=\d{11}$)/, "");
  if (phone) {
    rules.push({ id: "noPhone", label: "不包含手机号码", ok: !password.includes(phone) });
  }
  return rules;
}

const PROBLEM_MESSAGES: Record<PasswordRuleId, string> = {
  minLength: `密码至少需要${PASSWORD_MIN_LENGTH}位`,
  maxLength: `密码不能超过${PASSWORD_MAX_LENGTH}位`,
  charClasses: "密码需包含大写字母、小写字母、数字、符号中的至少三类",
  noIdNumber: "密码不能包含证件号码或其后6位",
  noPhone: "密码不能包含手机号码",
};

/** Chinese message for the first broken rule, or null when the password is acceptable. */
export function passwordProblems(password: string, context: PasswordContext = {}): string | null {
  if (password === "") return "请输入密码";
  const broken = checkPassword(password, context).find((rule) => !rule.ok);
  return broken ? PROBLEM_MESSAGES[broken.id] : null;
}

/** Upper, lower, digit, symbol (anything else, including spaces and non-ASCII). */
function countCharClasses(password: string): number {
  let upper = false;
  let lowerCase = false;
  let digit = false;
  let symbol = false;
  for (const ch of password) {
    if (ch >= "A" && ch <= "Z") upper = true;
    else if (ch >= "a" && ch <= "z") lowerCase = true;
    else if (ch >= "0" && ch <= "9") digit = true;
    else symbol = true;
  }
  return [upper, lowerCase, digit, symbol].filter(Boolean).length;
}
