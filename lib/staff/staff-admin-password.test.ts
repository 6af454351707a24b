import { describe, expect, it } from "vitest";
import { passwordProblems } from "@/lib/account/password-policy";
import { generateInitialPassword } from "./staff-admin-password";

describe("generateInitialPassword", () => {
  it("always meets the password policy, with no look-alike characters, and never repeats", () => {
    const seen = new Set<string>();
    for (let i = 0; i < 500; i++) {
      const p = generateInitialPassword();
      expect(p).toHaveLength(14);
      expect(passwordProblems(p)).toBeNull();
      expect(p).toMatch(/[A-Z]/);
      expect(p).toMatch(/[a-z]/);
      expect(p).toMatch(/[2-9]/);
      expect(p).toMatch(/[@#%+=?]/);
      expect(p).not.toMatch(/[0O1lI]/);
      seen.add(p);
    }
    expect(seen.size).toBe(500);
  });
});
