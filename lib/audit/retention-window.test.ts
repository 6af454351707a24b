import { describe, expect, it } from "vitest";
import { auditArchiveCutoff, auditRetentionDays } from "./retention-window";

describe("KUAIJI_AUDIT_RETENTION_DAYS", () => {
  it("keeps audit rows online 180 days by default", () => {
    expect(auditRetentionDays({})).toBe(180);
    expect(auditRetentionDays({ KUAIJI_AUDIT_RETENTION_DAYS: " " })).toBe(180);
    expect(auditRetentionDays({ KUAIJI_AUDIT_RETENTION_DAYS: "365" })).toBe(365);
  });

  it("refuses less than six months (网络安全法), more than ten years and non-integers", () => {
    for (const bad of ["179", "0", "-5", "3651", "200.5", "half a year"]) {
      expect(() => auditRetentionDays({ KUAIJI_AUDIT_RETENTION_DAYS: bad })).toThrow(
        /KUAIJI_AUDIT_RETENTION_DAYS must be 180–3650 days/,
      );
    }
    expect(auditRetentionDays({ KUAIJI_AUDIT_RETENTION_DAYS: "3650" })).toBe(3650);
  });

  it("puts the cutoff the window's days before now", () => {
    expect(auditArchiveCutoff(new Date("2026-12-04T00:00:00Z"), 180)).toEqual(
      new Date("2026-06-07T00:00:00Z"),
    );
  });
});
