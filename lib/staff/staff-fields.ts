import { z } from "zod";

// 登录名 of finance staff: assigned by their administrator, typed at every login. Case and
// full-width forms are folded so "GZ-CE" and "ｇｚ－ｃｅ" are the same account.

export const USERNAME_RULE = "登录名为4至40位小写字母、数字、“-”或“_”，以字母开头";
const USERNAME = /^[a-z][a-z0-9_-]{3,39}$/;

export function normalizeUsername(raw: string): string {
  return raw.normalize("NFKC").trim().toLowerCase();
}

export function isValidUsername(normalized: string): boolean {
  return USERNAME.test(normalized);
}

export const usernameSchema = z
  .string()
  .transform(normalizeUsername)
  .refine((v) => v.length > 0, "请输入登录名")
  .refine(isValidUsername, USERNAME_RULE);
