import { describe, expect, it } from "vitest";
import { isValidStorageKey } from "@/lib/storage/key";
import { ATTACHMENT_CONTENT_TYPE, attachmentStorageKey } from "./storage-key";

describe("attachmentStorageKey", () => {
  it("files attachments by UTC year and month under a random UUID, always as .jpg", () => {
    // 2026-11-30 20:00 in Beijing is still November in UTC — the folder follows UTC.
    const key = attachmentStorageKey(new Date("2026-11-30T20:00:00Z"));
    expect(key).toMatch(
      /^attachments\/2026\/11\/[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}\.jpg$/,
    );
    expect(isValidStorageKey(key)).toBe(true);
    expect(attachmentStorageKey(new Date("2027-01-01T00:00:00Z"))).toMatch(
      /^attachments\/2027\/01\//,
    );
  });

  it("never repeats a key", () => {
    const now = new Date("2026-11-27T09:00:00Z");
    const keys = new Set(Array.from({ length: 1000 }, () => attachmentStorageKey(now)));
    expect(keys.size).toBe(1000);
  });

  it("stores JPEG, the only thing the intake produces", () => {
    expect(ATTACHMENT_CONTENT_TYPE).toBe("image/jpeg");
  });
});
