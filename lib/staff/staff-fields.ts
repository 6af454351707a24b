// 登录名 of finance staff: assigned by their administrator, typed at every login. Case and
// full-width forms are folded so "GZ-CE" and "ｇｚ－ｃｅ" are the same account. No zod here: the
// console's 新建账号 form uses these in the browser and fetches its schema later
// (components/form/form-schema.ts); the service's schema is username-schema.ts.

export const USERNAME_RULE = "登录名为4至40位小写字母、数字、“-”或“_”，以字母开头";
const USERNAME = /^[a-z][a-z0-9_-]{3,39}$/;

export function normalizeUsername(raw: string): string {
  return raw.normalize("NFKC").trim().toLowerCase();
}

export function isValidUsername(normalized: string): boolean {
  return USERNAME.test(normalized);
}
