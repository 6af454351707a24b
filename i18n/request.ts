import "server-only";
import { getRequestConfig } from "next-intl/server";
import { DEFAULT_LOCALE, isLocale } from "@/lib/i18n/locales";
import { messagesFor } from "@/lib/i18n/messages";

// What next-intl renders a request with: the locale app/[locale] was rewritten to (set by each
// layout and page with setRequestLocale, so prerendered pages read no headers), its messages and
// Beijing time (the platform's dates are mainland dates, whoever reads them).
export default getRequestConfig(async ({ requestLocale }) => {
  const requested = await requestLocale;
  const locale = isLocale(requested) ? requested : DEFAULT_LOCALE;
  const messages = messagesFor(locale);
  return {
    locale,
    timeZone: "Asia/Shanghai",
    // The Chinese the domain writes, beside the reader's "Lib", for lib/i18n/source-text.ts.
    messages:
      locale === DEFAULT_LOCALE
        ? messages
        : { ...messages, LibSource: messagesFor(DEFAULT_LOCALE).Lib },
  };
});
