import "server-only";
import { getMessages } from "next-intl/server";
import { cachedSourceTextTranslator, type SourceCatalogue } from "./source-text";

/**
 * useSourceText() for server components (components/i18n/use-source-text.ts): the reader's
 * wording of a Chinese text the domain wrote — a state's label, a lock's reason — and the text
 * itself on 简体中文 pages (they carry no "LibSource") or when nobody listed it.
 */
export async function getSourceText(): Promise<(text: string) => string> {
  const { Lib, LibSource } = (await getMessages()) as {
    Lib?: SourceCatalogue;
    LibSource?: SourceCatalogue;
  };
  return Lib && LibSource ? cachedSourceTextTranslator(LibSource, Lib) : (text) => text;
}
