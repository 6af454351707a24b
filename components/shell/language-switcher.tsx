"use client";

import { useLocale, useTranslations } from "next-intl";
import { LOCALE_NAMES, LOCALES, localeCookie, type Locale } from "@/lib/i18n/locales";

// The languages in the header of every page: each one the page is not in, named in itself
// ("English", "繁體中文"), so a reader finds theirs without reading the current one. A press
// remembers the choice on this device (the cookie proxy.ts reads) and loads the same address
// again, now in that language: the URL is the same in every language.
function switchTo(locale: Locale) {
  document.cookie = localeCookie(locale, location.protocol === "https:");
  location.reload();
}

export function LanguageSwitcher() {
  const current = useLocale();
  const t = useTranslations("Shell");
  return (
    <div role="group" aria-label={t("languageLabel")} className="flex flex-wrap gap-1">
      {LOCALES.filter((l) => l !== current).map((locale) => (
        <button
          key={locale}
          type="button"
          lang={locale}
          onClick={() => switchTo(locale)}
          className="inline-flex min-h-11 min-w-11 items-center rounded-md px-2 text-base font-medium underline-offset-4 hover:bg-primary-foreground/15 hover:underline focus-visible:outline-primary-foreground"
        >
          {LOCALE_NAMES[locale]}
        </button>
      ))}
    </div>
  );
}
