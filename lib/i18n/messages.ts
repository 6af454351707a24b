import "server-only";
import enAccount from "@/messages/en/account.json";
import enAppeal from "@/messages/en/appeal.json";
import enAuth from "@/messages/en/auth.json";
import enCe from "@/messages/en/ce.json";
import enCollection from "@/messages/en/collection.json";
import enHelp from "@/messages/en/help.json";
import enHome from "@/messages/en/home.json";
import enShell from "@/messages/en/shell.json";
import enSms from "@/messages/en/sms.json";
import zhAccount from "@/messages/zh-CN/account.json";
import zhAppeal from "@/messages/zh-CN/appeal.json";
import zhAuth from "@/messages/zh-CN/auth.json";
import zhCe from "@/messages/zh-CN/ce.json";
import zhCollection from "@/messages/zh-CN/collection.json";
import zhHelp from "@/messages/zh-CN/help.json";
import zhHome from "@/messages/zh-CN/home.json";
import zhShell from "@/messages/zh-CN/shell.json";
import zhSms from "@/messages/zh-CN/sms.json";
import enLibAccount from "./source-text/en/account.json";
import enLibAppeal from "./source-text/en/appeal.json";
import enLibCe from "./source-text/en/ce.json";
import enLibCollection from "./source-text/en/collection.json";
import enLibCommon from "./source-text/en/common.json";
import enLibHelp from "./source-text/en/help.json";
import zhLibAccount from "./source-text/zh-CN/account.json";
import zhLibAppeal from "./source-text/zh-CN/appeal.json";
import zhLibCe from "./source-text/zh-CN/ce.json";
import zhLibCollection from "./source-text/zh-CN/collection.json";
import zhLibCommon from "./source-text/zh-CN/common.json";
import zhLibHelp from "./source-text/zh-CN/help.json";
import type { Locale } from "./locales";
import { treeToTraditional } from "./traditional";

// The messages of each locale, one file per area of the site in messages/<locale>/ (each holds
// whole namespaces: the area's pages and components), so the areas are written and reviewed
// apart. zh-CN is the source; en is written by hand (same keys: messages.test.ts); 繁體中文 is
// zh-CN converted when first asked for (traditional.ts), so there is no third set to keep current.
// "Lib" — the domain's Chinese texts (source-text.ts) — is kept apart in ./source-text: its
// entries are matched as plain text, so they must not go through the build's message compiler
// (next.config.ts), which reads messages/.

const zhCN = {
  ...zhShell,
  ...zhHome,
  ...zhAuth,
  ...zhSms,
  ...zhAccount,
  ...zhCollection,
  ...zhCe,
  ...zhAppeal,
  ...zhHelp,
  Lib: {
    ...zhLibCommon,
    ...zhLibAccount,
    ...zhLibCollection,
    ...zhLibCe,
    ...zhLibAppeal,
    ...zhLibHelp,
  },
};

export type Messages = typeof zhCN;

const en: Messages = {
  ...enShell,
  ...enHome,
  ...enAuth,
  ...enSms,
  ...enAccount,
  ...enCollection,
  ...enCe,
  ...enAppeal,
  ...enHelp,
  Lib: {
    ...enLibCommon,
    ...enLibAccount,
    ...enLibCollection,
    ...enLibCe,
    ...enLibAppeal,
    ...enLibHelp,
  },
};

/** Each area file's parts, for the test that no two files define the same namespace or text. */
export const MESSAGE_FILES = {
  "zh-CN": [zhShell, zhHome, zhAuth, zhSms, zhAccount, zhCollection, zhCe, zhAppeal, zhHelp],
  en: [enShell, enHome, enAuth, enSms, enAccount, enCollection, enCe, enAppeal, enHelp],
  "zh-CN Lib": [zhLibCommon, zhLibAccount, zhLibCollection, zhLibCe, zhLibAppeal, zhLibHelp],
  "en Lib": [enLibCommon, enLibAccount, enLibCollection, enLibCe, enLibAppeal, enLibHelp],
} as const;

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
