import { describe, expect, it } from "vitest";
import { safeNextPath } from "./safe-next-path";

describe("safeNextPath", () => {
  it("follows same-site paths only", () => {
    expect(safeNextPath("/account/security")).toBe("/account/security");
    expect(safeNextPath("//evil.example")).toBe("/account");
    expect(safeNextPath("/\\evil.example")).toBe("/account");
    expect(safeNextPath("https://evil.example")).toBe("/account");
    expect(safeNextPath(null)).toBe("/account");
    expect(safeNextPath("/\t/example.com/phish")).toBe("/account");
    expect(safeNextPath("/\n/example.com/phish")).toBe("/account");
    expect(safeNextPath("/account?x=1#y")).toBe("/account?x=1#y");
  });
});
