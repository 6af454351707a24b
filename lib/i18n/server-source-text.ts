import "server-only";
import { getMessages } from "next-intl/server";
import { type SourceCatalogue, sourceTextTranslator } from "./source-text";

type Translate = (text: string) => string;

// One translator per locale's catalogue (the same object every request: messages.ts), not one
// per component that asks — a page of year cards asks once per card.
const built = new WeakMap<SourceCatalogue, Translate>();

/**
 * useSourceText() for server components: the domain's Chinese (a state's label, a lock's reason)
 * in the request's language — itself on 简体中文 pages, which carry no "LibSource".
 */
export async function getSourceText(): Promise<Translate> {
  const { Lib, LibSource } = (await getMessages()) as {
    Lib: SourceCatalogue;
    LibSource?: SourceCatalogue;
  };
  if (!LibSource) return (text) => text;
  let translate = built.get(Lib);
  if (!translate) built.set(Lib, (translate = sourceTextTranslator(LibSource, Lib)));
  return translate;
}
