import "server-only";
import { notFound } from "next/navigation";
import { setRequestLocale } from "next-intl/server";
import { isLocale, type Locale } from "@/lib/i18n/locales";

/**
 * The locale of a layout's or page's params, set as the request's so next-intl reads no headers
 * and the page stays prerendered. Call it first in every layout and page that translates; an
 * address naming no locale of ours (/fr/…, reached only by hand) is not found.
 */
export async function localeOf(params: Promise<{ locale: string }>): Promise<Locale> {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  return locale;
}
