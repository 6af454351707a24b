import { describe, expect, it } from "vitest";
import { blindIndex, idNumberIndex } from "@/lib/crypto/blind-index";
import { loadIndexKey } from "@/lib/crypto/keys";

const KEY = loadIndexKey({ KUAIJI_INDEX_KEY: "ab".repeat(32) });
const OTHER = loadIndexKey({ KUAIJI_INDEX_KEY: "cd".repeat(32) });

describe("blindIndex", () => {
  it("is 64 hex characters and deterministic", () => {
    const a = blindIndex("idnumber", "11010519491231002X", KEY);
    expect(a).toMatch(/^[0-9a-f]{64}$/);
    expect(blindIndex("idnumber", "11010519491231002X", KEY)).toBe(a);
    expect(idNumberIndex("11010519491231002X", KEY)).toBe(a);
  });

  it("depends on the key, the value and the kind", () => {
    const a = blindIndex("idnumber", "11010519491231002X", KEY);
    expect(blindIndex("idnumber", "11010519491231002X", OTHER)).not.toBe(a);
    expect(blindIndex("idnumber", "440524188001010014", KEY)).not.toBe(a);
    expect(blindIndex("phone", "11010519491231002X", KEY)).not.toBe(a);
  });

  it("refuses kinds that would make the input ambiguous", () => {
    expect(() => blindIndex("id:number", "x", KEY)).toThrow();
    expect(() => blindIndex("", "x", KEY)).toThrow();
  });
});
