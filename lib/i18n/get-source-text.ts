import "server-only";
import { getMessages } from "next-intl/server";
import { type SourceCatalogue, sourceTextTranslator } from "./source-text";

/**
 * useSourceText() for server components (components/i18n/use-source-text.ts): the reader's
 * wording of a Chinese text the domain wrote — a state's label, a lock's reason — and the text
 * itself on 简体中文 pages or when nobody listed it.
 */
export async function getSourceText(): Promise<(text: string) => string> {
  const messages = (await getMessages()) as { Lib?: SourceCatalogue; LibSource?: SourceCatalogue };
  const { Lib: target, LibSource: source } = messages;
  return source && target ? sourceTextTranslator(source, target) : (text) => text;
}
