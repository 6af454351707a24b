import { describe, expect, it } from "vitest";
import { maskPhone } from "./mask";

describe("maskPhone", () => {
  it("shows the first 3 and last 4 digits", () => {
    expect(maskPhone("13812341234")).toBe("138****1234");
  });

  it("hides unexpected input except the last 2", () => {
    expect(maskPhone("12345")).toBe("***45");
    expect(maskPhone("1")).toBe("*");
  });
});
