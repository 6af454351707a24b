/**
 * Picks the SMS driver.
 *
 * Env:
 *   SMS_DRIVER       "outbox" (default: write to a local file, nothing is sent) | "aliyun"
 *   SMS_OUTBOX_PAGE  "1" to show /dev/sms in a production build (see devOutboxPageEnabled)
 * Driver variables are documented in outbox.ts and aliyun.ts.
 *
 * Not cached: building a sender only reads env, and tests can switch drivers between calls.
 */
import "server-only";
import { AliyunSmsSender, aliyunSmsConfigFromEnv } from "./aliyun";
import { OutboxSmsSender, outboxFile } from "./outbox";
import type { SmsSender } from "./types";

export type SmsDriver = "outbox" | "aliyun";

export function smsDriver(env: NodeJS.ProcessEnv = process.env): SmsDriver {
  const value = env.SMS_DRIVER;
  if (value === undefined || value === "" || value === "outbox") return "outbox";
  if (value === "aliyun") return "aliyun";
  throw new Error(`未知的短信驱动 SMS_DRIVER=${value}（可选：outbox、aliyun）`);
}

export function createSmsSender(env: NodeJS.ProcessEnv = process.env): SmsSender {
  return smsDriver(env) === "aliyun"
    ? new AliyunSmsSender(aliyunSmsConfigFromEnv(env))
    : new OutboxSmsSender(outboxFile(env));
}

export function getSmsSender(): SmsSender {
  return createSmsSender(process.env);
}

/**
 * /dev/sms shows every verification code in clear text, so it exists only while codes go to
 * the outbox, and in a production build (`next start`) only with SMS_OUTBOX_PAGE=1 — a
 * deployment that forgot to configure a gateway must not publish its users' codes.
 */
export function devOutboxPageEnabled(env: NodeJS.ProcessEnv = process.env): boolean {
  if (smsDriver(env) !== "outbox") return false;
  return env.NODE_ENV !== "production" || env.SMS_OUTBOX_PAGE === "1";
}
