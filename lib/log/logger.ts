// Structured JSON logs (pino) on stdout, one line per event, for the process supervisor / log
// shipper to collect. Personal data must not be logged at all (log ids and masked values); the
// redaction below is the safety net for mistakes, not a licence.
//
//   import { logger, childLogger } from "@/lib/log/logger";
//   const log = childLogger({ requestId, route: "/api/captcha" });
//   log.info({ personId }, "login ok");
//   log.error({ err }, "sms delivery failed");
//
// LOG_LEVEL: trace | debug | info (default) | warn | error | fatal | silent (tests default to warn).
import "server-only";
import pino, { type Logger } from "pino";

/** Keys whose values never reach the log, at any of the first three levels of nesting. */
export const REDACTED_KEYS = [
  "idNumber",
  "idNumberPlain",
  "idNumberCipher",
  "password",
  "newPassword",
  "oldPassword",
  "currentPassword",
  "confirmPassword",
  "passwordHash",
  "code",
  "smsCode",
  "captchaAnswer",
  "phone",
  "newPhone",
  "mobile",
  "name",
  "realName",
  "cookie",
  "cookies",
  "set-cookie",
  "authorization",
  "token",
  "accessToken",
  "refreshToken",
  "secret",
] as const;

function redactPaths(): string[] {
  return REDACTED_KEYS.flatMap((key) => {
    const plain = /^[A-Za-z_$][\w$]*$/.test(key);
    const at = (prefix: string) =>
      plain ? `${prefix}${prefix ? "." : ""}${key}` : `${prefix}["${key}"]`;
    return [at(""), at("*"), at("*.*")];
  });
}

function defaultLevel(): string {
  if (process.env.LOG_LEVEL) return process.env.LOG_LEVEL;
  return process.env.NODE_ENV === "test" || process.env.VITEST ? "warn" : "info";
}

export const logger: Logger = pino({
  level: defaultLevel(),
  base: { service: "kuaiji", pid: process.pid },
  timestamp: pino.stdTimeFunctions.isoTime,
  formatters: { level: (label) => ({ level: label }) },
  redact: { paths: redactPaths(), censor: "[REDACTED]" },
});

/** A logger that adds `bindings` (requestId, route, personId…) to every line. */
export function childLogger(bindings: Record<string, unknown>): Logger {
  return logger.child(bindings);
}
