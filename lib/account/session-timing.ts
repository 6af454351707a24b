// The idle timeout's arithmetic, shared by the server (how long a session has left) and the
// browser (when to ask again, when to warn, what the countdown says). Pure and client-safe.

/** The warning comes this long before the session ends (issue 13: about 5 minutes). */
export const WARN_BEFORE_MS = 5 * 60_000;
/** While the warning shows, the page asks again this often: another tab may have been busy. */
export const RECHECK_WHILE_WARNING_MS = 60_000;
/** lastSeenAt is written at most once a minute (session-service.ts): it may be this old. */
export const TOUCH_SLACK_MS = 60_000;

/**
 * What is left of a session that has not been revoked: the idle time since its last touch and
 * its 12-hour limit, whichever ends first; null once either has ended — exactly when
 * liveSession (session-service.ts) would end it.
 */
export function sessionRemainingMs(
  row: { lastSeenAt: Date; expiresAt: Date },
  idleMinutes: number,
  now: Date,
): number | null {
  const idleLeft = row.lastSeenAt.getTime() + idleMinutes * 60_000 - now.getTime();
  const limitLeft = row.expiresAt.getTime() - now.getTime();
  if (idleLeft < 0 || limitLeft <= 0) return null;
  return Math.min(idleLeft, limitLeft);
}

/** The warning's lead: 5 minutes, or half the idle time where a deployment sets it short. */
export function warnBeforeMs(idleMs: number): number {
  return Math.min(WARN_BEFORE_MS, Math.floor(idleMs / 2));
}

export type SessionPhase = "quiet" | "warning" | "ended";

/** What the page does with an answer: which phase it is in, and when to ask the server again. */
export interface SessionPlan {
  phase: SessionPhase;
  /** null: nothing to ask until the person logs in again. */
  checkInMs: number | null;
}

/**
 * From the time a session has left (null: ended) to the page's plan. Quiet until the warning is
 * due, then asked again at the end (a second after, so the server agrees it ended) and meanwhile
 * every minute, because activity elsewhere — another tab, a save — keeps the session alive.
 */
export function planFor(remainingMs: number | null, warnMs: number): SessionPlan {
  if (remainingMs === null) return { phase: "ended", checkInMs: null };
  if (remainingMs > warnMs) return { phase: "quiet", checkInMs: remainingMs - warnMs };
  return {
    phase: "warning",
    checkInMs: Math.min(remainingMs + 1000, RECHECK_WHILE_WARNING_MS),
  };
}

/** The plan of a page just rendered behind login: its session was touched at most a minute ago. */
export function initialPlan(idleMs: number): SessionPlan {
  return planFor(idleMs - TOUCH_SLACK_MS, warnBeforeMs(idleMs));
}

/** The visible countdown: "4分05秒", "38秒". */
export function countdownText(ms: number): string {
  const seconds = Math.max(0, Math.ceil(ms / 1000));
  const m = Math.floor(seconds / 60);
  const s = seconds % 60;
  return m > 0 ? `${m}分${String(s).padStart(2, "0")}秒` : `${s}秒`;
}

/**
 * What a screen reader is told: the same words for a whole minute, so a polite live region
 * speaks about once a minute (then at one minute and at 30 seconds), not every second.
 */
export function countdownAnnouncement(ms: number): string {
  if (ms > 60_000) return `登录将在约${Math.ceil(ms / 60_000)}分钟后失效`;
  if (ms > 30_000) return "登录将在1分钟内失效";
  return "登录将在30秒内失效";
}
