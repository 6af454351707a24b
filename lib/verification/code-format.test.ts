import { describe, expect, it } from "vitest";
import { CODE_ALPHABET, groupCode, normaliseCode } from "./code-format";

describe("核验码 as typed", () => {
  it("reads a code however it was typed: case, spaces, hyphens, I/L as 1, O as 0", () => {
    expect(normaliseCode("7K3M-9QWX-2HDP-ZR4T")).toBe("7K3M9QWX2HDPZR4T");
    expect(normaliseCode(" 7k3m 9qwx 2hdp zr4t ")).toBe("7K3M9QWX2HDPZR4T");
    expect(normaliseCode("ABCD-EFGH-JKMN-PQOI")).toBe("ABCDEFGHJKMNPQ01");
    expect(normaliseCode("abcd-efgh-jkmn-pqrl")).toBe("ABCDEFGHJKMNPQR1");
  });

  it("refuses what cannot be a code: wrong length, U, punctuation", () => {
    expect(normaliseCode("")).toBeNull();
    expect(normaliseCode("7K3M-9QWX-2HDP-ZR4")).toBeNull();
    expect(normaliseCode("7K3M-9QWX-2HDP-ZR4TX")).toBeNull();
    expect(normaliseCode("7K3M-9QWX-2HDP-ZR4U")).toBeNull();
    expect(normaliseCode("7K3M_9QWX_2HDP_ZR4T")).toBeNull();
    expect(normaliseCode("核验码核验码核验码核验码核验码核验")).toBeNull();
  });

  it("groups in fours, as printed", () => {
    expect(groupCode("7K3M9QWX2HDPZR4T")).toBe("7K3M-9QWX-2HDP-ZR4T");
  });

  it("has 32 symbols without I, L, O, U (5 bits each)", () => {
    expect(new Set(CODE_ALPHABET).size).toBe(32);
    expect(CODE_ALPHABET).not.toMatch(/[ILOU]/);
  });
});
