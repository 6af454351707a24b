import type { Locale } from "@/lib/i18n/locales";
import type { Messages } from "@/lib/i18n/messages";

// Message keys and locales checked by the compiler: a t("…") naming no key of the source
// (messages/zh-CN/*.json) does not build.
declare module "next-intl" {
  interface AppConfig {
    Locale: Locale;
    Messages: Messages;
  }
}
