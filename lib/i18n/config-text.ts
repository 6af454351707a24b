import "server-only";
import type { Locale } from "./locales";
import { toTraditional } from "./traditional";

/**
 * A text from this deployment's configuration (the jurisdiction's names, the hotline's hours),
 * written in 简体: in 繁體 converted like the messages; in English left as configured — they are
 * names, and a reader shows them to the office that uses them.
 */
export function configText(locale: Locale, text: string): string {
  return locale === "zh-Hant" ? toTraditional(text) : text;
}

/** The lang of a configured text shown on a page of `locale` (undefined: the page's own). */
export function configTextLang(locale: Locale): "zh-CN" | undefined {
  return locale === "en" ? "zh-CN" : undefined;
}
