import { describe, expect, it } from "vitest";
import {
  baseUrlProblem,
  exchangeRole,
  platformExchangeConfig,
  ExchangeConfigError,
} from "./config";

const SECRET = "s".repeat(43);

describe("exchange configuration", () => {
  it("is a platform unless KUAIJI_ROLE=hub, and refuses anything else", () => {
    expect(exchangeRole({})).toBe("platform");
    expect(exchangeRole({ KUAIJI_ROLE: "hub" })).toBe("hub");
    expect(() => exchangeRole({ KUAIJI_ROLE: "national" })).toThrow(/KUAIJI_ROLE.*hub/);
  });

  it("takes the member code from the jurisdiction unless EXCHANGE_MEMBER_CODE says otherwise", () => {
    const env = { EXCHANGE_HUB_URL: "https://hub.example", EXCHANGE_MEMBER_SECRET: SECRET };
    expect(platformExchangeConfig(env)).toMatchObject({
      memberCode: "440000",
      hubUrl: "https://hub.example",
      timeoutMs: 10_000,
    });
    expect(platformExchangeConfig({ ...env, EXCHANGE_MEMBER_CODE: "440300" }).memberCode).toBe(
      "440300",
    );
    expect(() => platformExchangeConfig({ ...env, EXCHANGE_MEMBER_CODE: "440100" })).toThrow(
      /不是全国平台的成员/,
    );
  });

  it("says what is missing, in Chinese and English, without echoing the secret", () => {
    expect(() => platformExchangeConfig({ EXCHANGE_MEMBER_SECRET: SECRET })).toThrow(
      /EXCHANGE_HUB_URL 未设置.*is not set/,
    );
    expect(() => platformExchangeConfig({ EXCHANGE_HUB_URL: "https://hub.example" })).toThrow(
      /EXCHANGE_MEMBER_SECRET 未设置/,
    );
    let error: unknown;
    try {
      platformExchangeConfig({
        EXCHANGE_HUB_URL: "https://h.example",
        EXCHANGE_MEMBER_SECRET: "short-one",
      });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ExchangeConfigError);
    expect(String(error)).toMatch(/过短/);
    expect(String(error)).not.toContain("short-one");
    expect(() =>
      platformExchangeConfig({
        KUAIJI_ROLE: "hub",
        EXCHANGE_HUB_URL: "https://hub.example",
        EXCHANGE_MEMBER_SECRET: SECRET,
      }),
    ).toThrow(/本实例是全国平台/);
  });

  it("accepts a base URL with scheme, host and port only", () => {
    expect(baseUrlProblem("https://hub.example")).toBeNull();
    expect(baseUrlProblem("http://127.0.0.1:3002/")).toBeNull();
    expect(baseUrlProblem("https://hub.example/kuaiji")).toMatch(/不带路径/);
    expect(baseUrlProblem("ftp://hub.example")).toMatch(/http/);
    expect(baseUrlProblem("https://u:p@hub.example")).toMatch(/用户名/);
    expect(baseUrlProblem("hub.example")).toMatch(/不是有效的网址/);
  });
});
