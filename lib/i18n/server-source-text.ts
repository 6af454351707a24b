import "server-only";
import { getMessages } from "next-intl/server";
import { type SourceCatalogue, sourceTextTranslator } from "./source-text";

/**
 * useSourceText() for server components: the domain's Chinese (a state's label, a lock's reason)
 * in the request's language — itself on 简体中文 pages, which carry no "LibSource".
 */
export async function getSourceText(): Promise<(text: string) => string> {
  const { Lib, LibSource } = (await getMessages()) as {
    Lib: SourceCatalogue;
    LibSource?: SourceCatalogue;
  };
  return LibSource ? sourceTextTranslator(LibSource, Lib) : (text) => text;
}
