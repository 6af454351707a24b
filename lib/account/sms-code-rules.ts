import "server-only";
import { randomInt } from "node:crypto";
import type { SecurityConfig } from "./security-config";

/** 6 digits from the CSPRNG; leading zeros are kept (codes are strings). */
export function generateSmsCode(): string {
  return randomInt(0, 1_000_000).toString().padStart(6, "0");
}

export interface SendHistory {
  /** newest code sent to this phone (any purpose), if any */
  lastSentAt: Date | null;
  phoneLastHour: number;
  phoneLastDay: number;
  ipLastHour: number;
  ipLastDay: number;
}

export type SendDecision =
  | { ok: true }
  | {
      ok: false;
      reason: "cooldown" | "phone-hour" | "phone-day" | "ip-hour" | "ip-day";
      retryAfterSeconds: number;
      message: string;
    };

/** Whether another code may be sent now. Limits are shared by all instances (counted in the DB). */
export function decideSend(h: SendHistory, now: Date, c: SecurityConfig): SendDecision {
  if (h.lastSentAt) {
    const wait = Math.ceil(
      (h.lastSentAt.getTime() + c.smsResendSeconds * 1000 - now.getTime()) / 1000,
    );
    if (wait > 0)
      return {
        ok: false,
        reason: "cooldown",
        retryAfterSeconds: wait,
        message: `请${wait}秒后再获取短信验证码`,
      };
  }
  if (h.phoneLastDay >= c.smsPerPhoneDay)
    return {
      ok: false,
      reason: "phone-day",
      retryAfterSeconds: 86_400,
      message: "该手机号今日获取验证码次数已达上限，请明天再试",
    };
  if (h.phoneLastHour >= c.smsPerPhoneHour)
    return {
      ok: false,
      reason: "phone-hour",
      retryAfterSeconds: 3_600,
      message: "该手机号获取验证码过于频繁，请1小时后再试",
    };
  if (h.ipLastDay >= c.smsPerIpDay)
    return {
      ok: false,
      reason: "ip-day",
      retryAfterSeconds: 86_400,
      message: "当前网络获取验证码次数过多，请明天再试",
    };
  if (h.ipLastHour >= c.smsPerIpHour)
    return {
      ok: false,
      reason: "ip-hour",
      retryAfterSeconds: 3_600,
      message: "当前网络获取验证码过于频繁，请稍后再试",
    };
  return { ok: true };
}

export interface StoredCode {
  expiresAt: Date;
  consumedAt: Date | null;
  attempts: number;
}

export type CodeState = "usable" | "expired" | "consumed" | "exhausted";

/** Whether a stored code may still be tried. Wrong tries are counted by the caller. */
export function codeState(code: StoredCode, now: Date, c: SecurityConfig): CodeState {
  if (code.consumedAt) return "consumed";
  if (code.attempts >= c.smsCodeMaxAttempts) return "exhausted";
  if (code.expiresAt.getTime() <= now.getTime()) return "expired";
  return "usable";
}

export const SMS_CODE_MESSAGES = {
  missing: "请先获取短信验证码",
  wrong: "短信验证码错误",
  expired: "短信验证码已过期，请重新获取",
  exhausted: "短信验证码错误次数过多，请重新获取",
  format: "短信验证码为6位数字",
} as const;
