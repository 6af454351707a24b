import "server-only";
import { getMessages } from "next-intl/server";
import { type SourceCatalogue, sourceTextTranslator } from "@/lib/i18n/source-text";

/**
 * `useSourceText` for the wizard's server components: a Chinese text the domain wrote (a step's
 * problem, a refusal, a summary's label) in the reader's language, as the request's messages
 * give it (lib/i18n/source-text.ts).
 */
export async function getSourceText(): Promise<(text: string) => string> {
  const messages = (await getMessages()) as { Lib?: SourceCatalogue; LibSource?: SourceCatalogue };
  const { Lib: target, LibSource: source } = messages;
  return source && target ? sourceTextTranslator(source, target) : (text) => text;
}
