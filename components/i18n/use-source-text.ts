"use client";

import { useMessages } from "next-intl";
import { cachedSourceTextTranslator, type SourceCatalogue } from "@/lib/i18n/source-text";

/**
 * The reader's wording of a Chinese text the domain wrote (a field error, a refusal, a rule's
 * label): lib/i18n/source-text.ts. On 简体中文 pages, and for texts nobody listed, the text itself.
 */
export function useSourceText(): (text: string) => string {
  const messages = useMessages() as { Lib?: SourceCatalogue; LibSource?: SourceCatalogue };
  const { Lib: target, LibSource: source } = messages;
  return source && target ? cachedSourceTextTranslator(source, target) : unchanged;
}

const unchanged = (text: string) => text;
