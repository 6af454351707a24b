import { describe, expect, it } from "vitest";
import { isChineseOnlyPath, isLocale, localeCookie, localeFromHeaders } from "./locales";

describe("locales", () => {
  it("knows its three locales and nothing else", () => {
    for (const l of ["zh-CN", "zh-Hant", "en"]) expect(isLocale(l)).toBe(true);
    for (const l of ["zh", "zh-TW", "EN", "en-US", "", undefined, 1])
      expect(isLocale(l)).toBe(false);
  });

  it("keeps the console and the dev outbox in 简体中文, nothing else", () => {
    for (const p of ["/console", "/console/login", "/console/people/1", "/dev/sms"])
      expect(isChineseOnlyPath(p)).toBe(true);
    for (const p of ["/", "/login", "/consoles", "/account/console", "/developer"])
      expect(isChineseOnlyPath(p)).toBe(false);
  });

  it("reads the locale a request was served in, 简体中文 when none or a foreign one is named", () => {
    expect(localeFromHeaders(new Headers({ "X-NEXT-INTL-LOCALE": "en" }))).toBe("en");
    expect(localeFromHeaders(new Headers({ "x-next-intl-locale": "zh-Hant" }))).toBe("zh-Hant");
    expect(localeFromHeaders(new Headers({ "x-next-intl-locale": "fr" }))).toBe("zh-CN");
    expect(localeFromHeaders(new Headers())).toBe("zh-CN");
  });

  it("remembers the choice for 400 days, Secure over https only", () => {
    expect(localeCookie("en", false)).toBe(
      "kuaiji-locale=en; Path=/; Max-Age=34560000; SameSite=Lax",
    );
    expect(localeCookie("zh-Hant", true)).toMatch(/^kuaiji-locale=zh-Hant; .*; Secure$/);
  });
});
