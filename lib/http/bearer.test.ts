import { describe, expect, it } from "vitest";
import { bearerAuthorized } from "./bearer";

const SECRET = "s3cr3t-cron-value-0123456789";

describe("bearerAuthorized", () => {
  it("accepts the configured bearer secret", () => {
    expect(bearerAuthorized(`Bearer ${SECRET}`, SECRET)).toBe(true);
  });

  it.each([
    ["no header", null],
    ["another secret", "Bearer s3cr3t-cron-value-0123456780"],
    ["the secret without the scheme", SECRET],
    ["a prefix of the secret", `Bearer ${SECRET.slice(0, -1)}`],
    ["the secret with more after it", `Bearer ${SECRET}x`],
    ["an empty bearer", "Bearer "],
  ])("refuses %s", (_why, header) => {
    expect(bearerAuthorized(header, SECRET)).toBe(false);
  });

  it("refuses everything while no (or a short) secret is configured", () => {
    expect(bearerAuthorized("Bearer ", undefined)).toBe(false);
    expect(bearerAuthorized("Bearer ", "")).toBe(false);
    expect(bearerAuthorized("Bearer short", "short")).toBe(false);
  });
});
