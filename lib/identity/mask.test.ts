import { describe, expect, it } from "vitest";
import { maskIdNumber } from "@/lib/identity/mask";

describe("maskIdNumber", () => {
  it("keeps the first and last 4 of 18-character numbers, hiding the birth date", () => {
    expect(maskIdNumber("44010419900307123X")).toBe("4401**********123X");
    expect(maskIdNumber("ABCD12345678901234WXYZ")).toBe("ABCD**************WXYZ");
  });

  it("keeps the first 1 and last 2 of shorter numbers", () => {
    expect(maskIdNumber("H12345678")).toBe("H******78");
    expect(maskIdNumber("USA440080010150")).toBe("U************50");
    expect(maskIdNumber("1234567")).toBe("1****67");
  });

  it("keeps the length and handles very short input", () => {
    expect(maskIdNumber("AB123")).toBe("A***3");
    expect(maskIdNumber("AB")).toBe("A*");
    expect(maskIdNumber("")).toBe("");
  });
});
