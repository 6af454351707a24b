import { describe, expect, it } from "vitest";
import { safeConsolePath } from "./safe-console-path";

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
