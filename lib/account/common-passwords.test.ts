import { describe, expect, it } from "vitest";
import { COMMON_PASSWORD, isCommonPassword, newPasswordProblem } from "./common-passwords";

describe("common passwords", () => {
  it("refuses well-known passwords that pass the length and character rules", () => {
    for (const p of [
      "P@ssw0rd",
      "Aa123456",
      "1qaz@WSX",
      "Zaq12wsx",
      "Ｐ＠ssw0rd",
      "Summer2026!",
      "P@ssw0rd2026",
    ]) {
      expect(newPasswordProblem(p), p).toBe(COMMON_PASSWORD);
    }
  });

  it("lets an unusual password through", () => {
    for (const p of ["Kuaiji@2026", "Tianhe-Shenhe-2026", "Acc0unt!ng", "xQ7!mP2#vL"]) {
      expect(isCommonPassword(p), p).toBe(false);
      expect(newPasswordProblem(p), p).toBeNull();
    }
  });

  it("reports the rules first: a short common password gets the length message", () => {
    expect(newPasswordProblem("abc123")).toBe("密码至少需要8位");
  });
});
