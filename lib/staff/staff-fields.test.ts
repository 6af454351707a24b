import { describe, expect, it } from "vitest";
import { isValidUsername, normalizeUsername, USERNAME_RULE } from "./staff-fields";
import { usernameSchema } from "./username-schema";

describe("staff 登录名", () => {
  it("folds case, full-width forms and spaces", () => {
    expect(normalizeUsername("  GZ-CE ")).toBe("gz-ce");
    expect(normalizeUsername("ｇｚ－ｃｅ")).toBe("gz-ce");
  });

  it("accepts 4–40 lower-case letters, digits, - and _, starting with a letter", () => {
    expect(isValidUsername("gz-ce")).toBe(true);
    expect(isValidUsername("th_ce01")).toBe(true);
    expect(isValidUsername("abc")).toBe(false);
    expect(isValidUsername("1abc")).toBe(false);
    expect(isValidUsername("a".repeat(41))).toBe(false);
    expect(isValidUsername("张三四五")).toBe(false);
  });

  it("gives Chinese messages", () => {
    const empty = usernameSchema.safeParse("  ");
    expect(empty.success).toBe(false);
    expect(empty.error?.issues[0]?.message).toBe("请输入登录名");
    expect(usernameSchema.safeParse("x!").error?.issues[0]?.message).toBe(USERNAME_RULE);
    expect(usernameSchema.parse("GD-Admin")).toBe("gd-admin");
  });
});
