import { describe, expect, it } from "vitest";
import { cronAuthorized } from "./cron-auth";

const SECRET = "s3cr3t-cron-value-0123456789";

describe("cronAuthorized", () => {
  it("accepts the configured bearer secret", () => {
    expect(cronAuthorized(`Bearer ${SECRET}`, SECRET)).toBe(true);
  });

  it.each([
    ["no header", null],
    ["another secret", "Bearer s3cr3t-cron-value-0123456780"],
    ["the secret without the scheme", SECRET],
    ["a prefix of the secret", `Bearer ${SECRET.slice(0, -1)}`],
    ["the secret with more after it", `Bearer ${SECRET}x`],
    ["an empty bearer", "Bearer "],
  ])("refuses %s", (_why, header) => {
    expect(cronAuthorized(header, SECRET)).toBe(false);
  });

  it("refuses everything while no (or a short) secret is configured", () => {
    expect(cronAuthorized("Bearer ", undefined)).toBe(false);
    expect(cronAuthorized("Bearer ", "")).toBe(false);
    expect(cronAuthorized("Bearer short", "short")).toBe(false);
  });
});
