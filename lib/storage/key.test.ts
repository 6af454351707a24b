import { describe, expect, it } from "vitest";
import {
  assertValidStorageKey,
  generateStorageKey,
  InvalidStorageKeyError,
  isValidStorageKey,
} from "./key";
import { MALICIOUS_KEYS } from "./storage.contract";

describe("storage keys", () => {
  it.each(["a", "photos/2025/06/4f1c2e.jpg", "A-b_c.d/e~".slice(0, 9), "x/y.tar.gz", "1/2/3"])(
    "accepts %j",
    (key) => {
      expect(isValidStorageKey(key)).toBe(true);
    },
  );

  it.each(MALICIOUS_KEYS)("rejects %j", (key) => {
    expect(isValidStorageKey(key)).toBe(false);
    expect(() => assertValidStorageKey(key)).toThrow(InvalidStorageKeyError);
  });

  it("rejects non-strings, too many segments and over-long keys", () => {
    expect(isValidStorageKey(undefined)).toBe(false);
    expect(isValidStorageKey(42)).toBe(false);
    expect(isValidStorageKey(Array.from({ length: 17 }, () => "a").join("/"))).toBe(false);
    expect(isValidStorageKey(Array.from({ length: 5 }, () => "a".repeat(120)).join("/"))).toBe(
      false,
    );
  });

  it("does not echo the offending key in the error", () => {
    expect(() => assertValidStorageKey("../secret")).toThrow(/^非法的存储对象键$/);
  });

  it("generates unique, valid keys under a month folder", () => {
    const now = new Date("2025-06-30T20:00:00Z");
    const a = generateStorageKey("photos", "JPG", now);
    const b = generateStorageKey("photos", ".jpg", now);
    expect(a).toMatch(/^photos\/2025\/06\/[0-9a-f-]{36}\.jpg$/);
    expect(b).not.toBe(a);
    expect(generateStorageKey("attachments/transfer", "", now)).toMatch(
      /^attachments\/transfer\/2025\/06\/[0-9a-f-]{36}$/,
    );
    expect(() => generateStorageKey("../up", "jpg", now)).toThrow(InvalidStorageKeyError);
  });
});
