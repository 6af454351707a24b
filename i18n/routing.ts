import { defineRouting } from "next-intl/routing";
import { DEFAULT_LOCALE, LOCALE_COOKIE, LOCALE_COOKIE_MAX_AGE, LOCALES } from "@/lib/i18n/locales";

// next-intl's routing: URLs never carry the locale (a link, a bookmark or a QR code reads the
// same in every language); proxy.ts rewrites each page request to app/[locale] by the cookie.
// Locale detection stays on only so the middleware reads that cookie: proxy.ts hands it the
// request with Accept-Language set to the default (lib/i18n/locales.ts says why nobody is
// switched by the browser's languages).
export const routing = defineRouting({
  locales: LOCALES,
  defaultLocale: DEFAULT_LOCALE,
  localePrefix: "never",
  localeCookie: { name: LOCALE_COOKIE, maxAge: LOCALE_COOKIE_MAX_AGE },
  alternateLinks: false,
});
