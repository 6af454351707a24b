import type { SecurityConfig } from "./security-config";

// The lock's rules as pure functions for the answers; the count itself is kept by one SQL
// statement (reserveLoginAttempt in login-throttle.ts), so parallel attempts cannot race it.

export interface LoginState {
  failedLogins: number;
  lockedUntil: Date | null;
}

export function isLocked(s: LoginState, now: Date): boolean {
  return s.lockedUntil !== null && s.lockedUntil.getTime() > now.getTime();
}

/** Remaining tries before the lock, for the message after a wrong password. */
export function triesLeft(s: LoginState, c: SecurityConfig): number {
  return Math.max(0, c.lockoutThreshold - s.failedLogins);
}

/**
 * A lockout that says when it ends (Beijing time, minutes) — users plan around it — and what else
 * they can do (accountants reset through 找回密码; staff ask their administrator).
 */
export function lockedMessage(
  lockedUntil: Date,
  hint = "或通过“找回密码”重置密码",
  what = "密码",
): string {
  const t = new Intl.DateTimeFormat("zh-CN", {
    timeZone: "Asia/Shanghai",
    hour: "2-digit",
    minute: "2-digit",
    hour12: false,
  }).format(lockedUntil);
  return `${what}错误次数过多，账户已锁定，请于 ${t} 后再试，${hint}`;
}
