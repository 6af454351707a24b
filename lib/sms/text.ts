import "server-only";
import { createTranslator } from "use-intl/core";
import { DEFAULT_LOCALE, type Locale } from "@/lib/i18n/locales";
import { messagesFor } from "@/lib/i18n/messages";
import type { SmsPurpose } from "./types";

/** What the user is doing, in the words shown in the SMS and on the dev outbox page. */
export const SMS_PURPOSE_LABELS: Record<SmsPurpose, string> =
  messagesFor(DEFAULT_LOCALE).Sms.purpose;

/**
 * The signature the carriers registered: every SMS starts with it, in every language (a changed
 * or converted one is refused by the gateway).
 */
export const SMS_SIGNATURE = "【会计人员信息服务平台】";

/**
 * The verification SMS, in the language the person chose when asking for it (messages' "Sms"),
 * e.g. 【会计人员信息服务平台】您正在进行注册，验证码为123456，5分钟内有效。请勿泄露给他人。
 * End-to-end tests read the code back from the outbox by matching `验证码为(\d{6})`.
 */
export function smsText(
  purpose: SmsPurpose,
  code: string,
  { validMinutes = 5, locale = DEFAULT_LOCALE }: { validMinutes?: number; locale?: Locale } = {},
): string {
  if (!/^\d{6}$/.test(code)) throw new Error("短信验证码必须是6位数字");
  const t = createTranslator({ locale, messages: messagesFor(locale), namespace: "Sms" });
  return (
    SMS_SIGNATURE + t("code", { purpose: t(`purpose.${purpose}`), code, minutes: validMinutes })
  );
}
