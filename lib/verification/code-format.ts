// The 核验码 as people read and type it (client-safe: the 档案核验 form checks it before sending).
// 80 random bits as 16 Crockford base32 characters in four groups, XXXX-XXXX-XXXX-XXXX: no I, L,
// O or U, so what is read off paper can be typed back; reading is forgiving the way Crockford
// specifies (lower case, I/L read as 1, O as 0, spaces and hyphens ignored).

export const CODE_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
/** 16 characters × 5 bits = 80 bits. */
export const CODE_LENGTH = 16;

export const CODE_REQUIRED = "请输入核验码";
export const CODE_MALFORMED =
  "核验码应为16位字母或数字（如 7K3M-9QWX-2HDP-ZR4T），请核对后重新输入";

/** The 16 canonical characters of what was typed, or null when it cannot be a code. */
export function normaliseCode(input: string): string | null {
  const raw = input.toUpperCase().replace(/[\s-]/g, "").replace(/[IL]/g, "1").replace(/O/g, "0");
  if (raw.length !== CODE_LENGTH) return null;
  for (const c of raw) if (!CODE_ALPHABET.includes(c)) return null;
  return raw;
}

/** XXXX-XXXX-XXXX-XXXX, how the code is printed and shown. */
export function groupCode(canonical: string): string {
  return canonical.match(/.{1,4}/g)?.join("-") ?? canonical;
}
