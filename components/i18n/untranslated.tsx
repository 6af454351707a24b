import { NextIntlClientProvider } from "next-intl";
import { getLocale } from "next-intl/server";
import { DEFAULT_LOCALE } from "@/lib/i18n/locales";
import { messagesFor } from "@/lib/i18n/messages";

/**
 * A part of a page not translated yet (README "Languages"): 简体中文 in every locale, and said so
 * — `lang` for screen readers, and the 简体 messages for the client components inside, so its
 * field errors, buttons and hints stay in the language of the text around them.
 */
export async function Untranslated({ children }: { children: React.ReactNode }) {
  const locale = await getLocale();
  if (locale === DEFAULT_LOCALE) return children;
  return (
    <div lang={DEFAULT_LOCALE} className="contents">
      <NextIntlClientProvider locale={DEFAULT_LOCALE} messages={messagesFor(DEFAULT_LOCALE)}>
        {children}
      </NextIntlClientProvider>
    </div>
  );
}
