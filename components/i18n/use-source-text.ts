"use client";

import { useMessages } from "next-intl";
import { type SourceCatalogue, sourceTextTranslator } from "@/lib/i18n/source-text";

/**
 * The reader's wording of a Chinese text the domain wrote (a field error, a refusal, a rule's
 * label): lib/i18n/source-text.ts. On 简体中文 pages, and for texts nobody listed, the text itself.
 */
export function useSourceText(): (text: string) => string {
  const messages = useMessages() as { Lib?: SourceCatalogue; LibSource?: SourceCatalogue };
  const { Lib: target, LibSource: source } = messages;
  return source && target ? translatorFor(source, target) : unchanged;
}

const unchanged = (text: string) => text;

// One translator per catalogue: a form's fields each ask, and building one compiles every
// entry with a value into a pattern. The page's catalogues are the same objects for its life.
const translators = new WeakMap<SourceCatalogue, (text: string) => string>();

function translatorFor(source: SourceCatalogue, target: SourceCatalogue) {
  let translate = translators.get(target);
  if (!translate) {
    translate = sourceTextTranslator(source, target);
    translators.set(target, translate);
  }
  return translate;
}
