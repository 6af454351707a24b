// The languages the public pages and the accountant's pages speak (issue 13 item 11). 简体中文 is
// the default: the deployment is a mainland jurisdiction, and nobody is switched by their
// browser's Accept-Language — a person chooses, and the choice is kept on the device in
// LOCALE_COOKIE. URLs carry no locale (proxy.ts rewrites to app/[locale] by the cookie).
// Client-safe: the switcher and the form hooks read these too.

import { PREFERENCE_MAX_AGE, preferenceCookie } from "@/lib/http/preference-cookie";

export const LOCALES = ["zh-CN", "zh-Hant", "en"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "zh-CN";
export const LOCALE_COOKIE = "kuaiji-locale";
/** The choice is the device's, kept as long as 长辈模式's (lib/http/preference-cookie.ts). */
export const LOCALE_COOKIE_MAX_AGE = PREFERENCE_MAX_AGE;

/** Each language named in itself, as the switcher offers it. */
export const LOCALE_NAMES: Record<Locale, string> = {
  "zh-CN": "简体中文",
  "zh-Hant": "繁體中文",
  en: "English",
};

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

/** Staff work in Chinese: the console (and the dev SMS outbox) is 简体中文 whatever the device chose. */
export function isChineseOnlyPath(pathname: string): boolean {
  return /^\/(console|dev)(\/|$)/.test(pathname);
}

/** The cookie the switcher writes: a display preference (lib/http/preference-cookie.ts). */
export function localeCookie(locale: Locale, https: boolean): string {
  return preferenceCookie(LOCALE_COOKIE, locale, https);
}

/**
 * The request header next-intl's middleware (proxy.ts) gives a rewritten page request — a server
 * action's POST included — naming the locale it was served in.
 */
export const LOCALE_HEADER = "x-next-intl-locale";

/** The locale a request was served in (its page's); 简体中文 when none is named. */
export function localeFromHeaders(headers: { get(name: string): string | null }): Locale {
  const named = headers.get(LOCALE_HEADER);
  return isLocale(named) ? named : DEFAULT_LOCALE;
}
