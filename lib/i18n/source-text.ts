// Texts the domain writes in Chinese — zod messages, a service's refusal, a password rule, a
// document type's name — shown in the reader's language. The domain stays as it is, one language
// for logs, tests and staff; the Chinese text is the message's identity (as a msgid is in
// gettext): the "Lib" namespace of messages/zh-CN.json lists each with a key, and the same key
// in the reader's locale says it there. A text with values ("密码至少需要{min}位") matches with
// any value in their place, which the translation receives. A text nobody listed stays Chinese.
// Client-safe: the form hooks translate at the edge, where a message is shown.

export type SourceCatalogue = Record<string, string>;

interface Entry {
  pattern: RegExp;
  names: string[];
  key: string;
}

const PLACEHOLDER = /\{(\w+)\}/g;

const escapeRegExp = (s: string) => s.replace(/[.*+?^$()|[\]\\]/g, "\\$&");

function entryOf(key: string, template: string): Entry {
  const names: string[] = [];
  const parts = template.split(PLACEHOLDER);
  // split with a capture group alternates literal text and placeholder names
  const source = parts
    .map((part, i) => {
      if (i % 2 === 0) return escapeRegExp(part);
      names.push(part);
      return "(.+?)";
    })
    .join("");
  return { pattern: new RegExp(`^${source}$`, "s"), names, key };
}

function fill(template: string, values: Record<string, string>): string {
  return template.replace(PLACEHOLDER, (whole, name: string) => values[name] ?? whole);
}

/** A translator from the source catalogue (zh-CN's "Lib") to the reader's. */
export function sourceTextTranslator(
  source: SourceCatalogue,
  target: SourceCatalogue,
): (text: string) => string {
  if (source === target) return (text) => text;
  const exact = new Map<string, string>();
  const patterns: Entry[] = [];
  for (const [key, template] of Object.entries(source)) {
    if (/\{\w+\}/.test(template)) patterns.push(entryOf(key, template));
    else exact.set(template, key);
  }
  return (text) => {
    const key = exact.get(text);
    if (key !== undefined) return target[key] ?? text;
    for (const entry of patterns) {
      const m = entry.pattern.exec(text);
      const translation = target[entry.key];
      if (!m || translation === undefined) continue;
      return fill(translation, Object.fromEntries(entry.names.map((n, i) => [n, m[i + 1]!])));
    }
    return text;
  };
}

// One translator per catalogue: the fields of a form and the cards of a page each ask, and
// building one compiles every entry with a value into a pattern. The catalogues are the same
// objects for a page's life (the browser) and every request (the server: messages.ts); the
// source is always zh-CN's "Lib".
const translators = new WeakMap<SourceCatalogue, (text: string) => string>();

/** sourceTextTranslator, built once per reader's catalogue. */
export function cachedSourceTextTranslator(
  source: SourceCatalogue,
  target: SourceCatalogue,
): (text: string) => string {
  let translate = translators.get(target);
  if (!translate) translators.set(target, (translate = sourceTextTranslator(source, target)));
  return translate;
}
