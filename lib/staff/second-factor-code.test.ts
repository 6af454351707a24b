import { describe, expect, it } from "vitest";
import { formatRecoveryCode, readSecondFactorCode } from "./second-factor-code";
import { enrolCodeSchema, verifyCodeSchema } from "./schemas/sign-in";

describe("readSecondFactorCode", () => {
  it("reads 6 digits as a TOTP code, spaces allowed", () => {
    expect(readSecondFactorCode(" 123 456 ")).toEqual({ kind: "totp", code: "123456" });
    expect(readSecondFactorCode("12345")).toEqual({ kind: "invalid" });
    expect(readSecondFactorCode("1234567")).toEqual({ kind: "invalid" });
  });

  it("reads a recovery code in any case, with or without its dash", () => {
    expect(readSecondFactorCode("K7M2Q-X9VBN")).toEqual({ kind: "recovery", code: "k7m2qx9vbn" });
    expect(readSecondFactorCode("k7m2qx9vbn")).toEqual({ kind: "recovery", code: "k7m2qx9vbn" });
    // look-alikes are not in the alphabet
    expect(readSecondFactorCode("k7m2q-x9vb0")).toEqual({ kind: "invalid" });
    expect(readSecondFactorCode("k7m2q-x9vbl")).toEqual({ kind: "invalid" });
  });

  it("formats a recovery code in two groups of five", () => {
    expect(formatRecoveryCode("k7m2qx9vbn")).toBe("k7m2q-x9vbn");
  });
});

describe("code schemas", () => {
  it("the sign-in takes a recovery code, the enrolment only the authenticator's code", () => {
    expect(verifyCodeSchema.safeParse({ code: "k7m2q-x9vbn" }).success).toBe(true);
    expect(enrolCodeSchema.safeParse({ code: "k7m2q-x9vbn" }).error?.issues[0]?.message).toBe(
      "动态验证码为6位数字",
    );
    expect(verifyCodeSchema.safeParse({ code: " " }).error?.issues[0]?.message).toBe(
      "请输入6位动态验证码",
    );
  });
  it("reads full-width digits and letters as a Chinese input method types them", () => {
    expect(readSecondFactorCode("１２３　４５６")).toEqual({ kind: "totp", code: "123456" });
    expect(readSecondFactorCode("Ｋ７ｍ２ｑ－ｘ９ｖｂｎ")).toEqual({
      kind: "recovery",
      code: "k7m2qx9vbn",
    });
  });
});
