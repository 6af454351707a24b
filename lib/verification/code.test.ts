import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { codeHash, codeTrace, newCode } from "./code";
import { normaliseCode } from "./code-format";

beforeAll(() => {
  process.env.KUAIJI_OTP_KEY = "ef".repeat(32);
});
afterAll(() => {
  delete process.env.KUAIJI_OTP_KEY;
});

describe("new 核验码", () => {
  it("encodes all 80 random bits: 16 symbols, every one of the 32 reachable", () => {
    expect(newCode(Buffer.alloc(10, 0))).toBe("0000000000000000");
    expect(newCode(Buffer.alloc(10, 0xff))).toBe("ZZZZZZZZZZZZZZZZ");
    // 0x01 in the last byte is the last symbol's lowest bit; 0x80 in the first is the first's top
    expect(newCode(Buffer.from([0, 0, 0, 0, 0, 0, 0, 0, 0, 1]))).toBe("0000000000000001");
    expect(newCode(Buffer.from([0x80, 0, 0, 0, 0, 0, 0, 0, 0, 0]))).toBe("G000000000000000");
  });

  it("is random and reads back as itself", () => {
    const codes = new Set(Array.from({ length: 1000 }, () => newCode()));
    expect(codes.size).toBe(1000);
    for (const c of codes) expect(normaliseCode(c)).toBe(c);
  });

  it("is stored as a keyed hash, and audited as a short prefix of it", () => {
    const code = newCode();
    expect(codeHash(code)).toMatch(/^[0-9a-f]{64}$/);
    expect(codeHash(code)).not.toContain(code.toLowerCase());
    expect(codeTrace(code)).toBe(codeHash(code).slice(0, 12));
  });
});
