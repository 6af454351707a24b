import { describe, expect, it } from "vitest";
import { MESSAGE_FILES, messagesFor } from "./messages";

const zhCN = messagesFor("zh-CN");
const en = messagesFor("en");

/** Every leaf's dotted key. */
function keys(tree: unknown, prefix = ""): string[] {
  if (typeof tree !== "object" || tree === null) return [prefix];
  return Object.entries(tree).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}

/** The arguments of a message: each top-level {name…}, its select or plural cases skipped. */
function argumentsOf(message: string): string[] {
  const names = new Set<string>();
  let depth = 0;
  for (let i = 0; i < message.length; i++) {
    if (message[i] === "{") {
      if (depth === 0) names.add(/^\{\s*(\w+)/.exec(message.slice(i))?.[1] ?? "?");
      depth++;
    } else if (message[i] === "}") depth--;
  }
  return [...names].sort();
}

/** The arguments of each leaf. */
function placeholders(tree: unknown): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  const walk = (node: unknown, prefix: string) => {
    if (typeof node === "string") {
      out[prefix] = argumentsOf(node);
    } else if (node && typeof node === "object")
      for (const [k, v] of Object.entries(node)) walk(v, prefix ? `${prefix}.${k}` : k);
  };
  walk(tree, "");
  return out;
}

describe("messages", () => {
  it("en has exactly the keys of the source, zh-CN", () => {
    const missing = keys(zhCN).filter((k) => !keys(en).includes(k));
    const extra = keys(en).filter((k) => !keys(zhCN).includes(k));
    expect({ missing, extra }).toEqual({ missing: [], extra: [] });
  });

  it("en fills the same placeholders as the source", () => {
    expect(placeholders(en)).toEqual(placeholders(zhCN));
  });

  it("繁體 is the source converted, key for key", () => {
    const hant = messagesFor("zh-Hant");
    expect(keys(hant)).toEqual(keys(zhCN));
    expect(hant.Home.collectionTitle).toBe("信息採集");
    expect(hant.Sms.code).toBe(
      "您正在進行{purpose}，驗證碼為{code}，{minutes}分鐘內有效。請勿洩露給他人。",
    );
    // converted once per process
    expect(messagesFor("zh-Hant")).toBe(hant);
  });

  it("lists each of the domain's texts once (else the last file's English would win)", () => {
    const texts = MESSAGE_FILES["zh-CN Lib"].flatMap((file) => Object.values(file));
    expect(texts.filter((text, i) => texts.indexOf(text) !== i)).toEqual([]);
  });

  it.each(Object.entries(MESSAGE_FILES))(
    "no two %s files define the same namespace or text",
    (_, files) => {
      const all = files.flatMap((file) => Object.keys(file));
      expect(all.filter((key, i) => all.indexOf(key) !== i)).toEqual([]);
    },
  );
});
