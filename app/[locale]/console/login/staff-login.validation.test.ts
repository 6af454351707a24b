import { describe, expect, it } from "vitest";
import { safeConsolePath, staffLoginSchema } from "./staff-login.validation";

describe("safeConsolePath", () => {
  it("follows console paths only", () => {
    expect(safeConsolePath("/console/ce/claims?filter=claimed")).toBe(
      "/console/ce/claims?filter=claimed",
    );
    expect(safeConsolePath("/console")).toBe("/console");
    expect(safeConsolePath("/account")).toBe("/console");
    expect(safeConsolePath("//evil.example/console")).toBe("/console");
    expect(safeConsolePath("/console/../account")).toBe("/console");
    expect(safeConsolePath("/consoleevil")).toBe("/console");
    expect(safeConsolePath("/console/login")).toBe("/console");
    expect(safeConsolePath(undefined)).toBe("/console");
  });
});

describe("staffLoginSchema", () => {
  it("asks for both fields in Chinese", () => {
    const r = staffLoginSchema.safeParse({ username: " ", password: "" });
    expect(r.error?.issues.map((i) => i.message)).toEqual(["请输入登录名", "请输入密码"]);
  });
});
