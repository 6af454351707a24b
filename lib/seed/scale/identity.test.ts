import { describe, expect, it } from "vitest";
import { gb11643Gender, hasValidGb11643Check, parseBirthDate } from "@/lib/identity/gb11643";
import { idNumberFor, MAX_PEOPLE, phoneFor } from "./identity";

describe("seed ID numbers and phones", () => {
  it("are valid GB 11643 numbers with the gender and a 1960–2004 birth date they encode", () => {
    for (let i = 0; i < 5000; i += 7) {
      const gender = i % 3 === 0 ? "1" : "2";
      const { idNumber, birthDate } = idNumberFor(i, "440106", gender);
      expect(hasValidGb11643Check(idNumber)).toBe(true);
      expect(gb11643Gender(idNumber)).toBe(gender);
      expect(idNumber.slice(6, 14)).toBe(birthDate.replaceAll("-", ""));
      expect(parseBirthDate(idNumber.slice(6, 14), new Date()).ok).toBe(true);
      expect(birthDate >= "1960-01-01" && birthDate <= "2004-12-31").toBe(true);
      expect(Number(idNumber.slice(14, 17))).toBeGreaterThanOrEqual(100); // demo accounts use 001–099
    }
  });

  it("never repeat, whatever area and gender are drawn (birth date + sequence come from the index)", () => {
    const seen = new Set<string>();
    const phones = new Set<string>();
    for (let i = 0; i < 200_000; i++) {
      const { idNumber } = idNumberFor(i, "440000", i % 2 ? "1" : "2");
      // The part the index decides: birth date and sequence pair (the parity is the gender).
      seen.add(`${idNumber.slice(6, 14)}|${(Number(idNumber.slice(14, 17)) - 100) >> 1}`);
      phones.add(phoneFor(i));
    }
    expect(seen.size).toBe(200_000);
    expect(phones.size).toBe(200_000);
    // Near the top of the range too (an --append run on a big database).
    const high = new Set(
      [0, 1, 2].map((k) => idNumberFor(MAX_PEOPLE - 1 - k, "440000", "1").idNumber),
    );
    expect(high.size).toBe(3);
  });

  it("gives 11-digit 19x mobile numbers", () => {
    for (const i of [0, 1, 999_999, 1_999_999, 50_000_000])
      expect(phoneFor(i)).toMatch(/^19\d{9}$/);
  });
});
