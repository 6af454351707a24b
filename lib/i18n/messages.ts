import "server-only";
import en from "@/messages/en.json";
import zhCN from "@/messages/zh-CN.json";
import type { Locale } from "./locales";
import { treeToTraditional } from "./traditional";

// The messages of each locale. messages/zh-CN.json is the source; en.json is written by hand
// (same keys: messages.test.ts); 繁體中文 is zh-CN converted when first asked for (traditional.ts),
// so there is no third file to keep current.

export type Messages = typeof zhCN;

let traditional: Messages | undefined;

export function messagesFor(locale: Locale): Messages {
  switch (locale) {
    case "en":
      return en;
    case "zh-Hant":
      return (traditional ??= treeToTraditional(zhCN));
    default:
      return zhCN;
  }
}
