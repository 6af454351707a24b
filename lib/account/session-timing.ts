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

/**
 * What an answer from the server does to the login in place, from the phase the page was in, the
 * phase it is in now and whether a form asked for the login (its request was refused): open it
 * when the session has just ended or a form asks (`open: true`); leave it as the person left it
 * while the session stays ended (`open` undefined: closed is closed until something asks); close
 * it once the session is live, and then let a waiting form go on (`resume`) if the session had
 * ended or a form was waiting.
 */
export function loginOnAnswer(
  was: SessionPhase,
  now: SessionPhase,
  asked: boolean,
): { open?: boolean; resume: boolean } {
  if (now === "ended")
    return was !== "ended" || asked ? { open: true, resume: false } : { resume: false };
  return { open: false, resume: was === "ended" || asked };
}

/** The plan of a page just rendered behind login: its session was touched at most a minute ago. */
export function initialPlan(idleMs: number): SessionPlan {
  return planFor(idleMs - TOUCH_SLACK_MS, warnBeforeMs(idleMs));
}

/**
 * The visible countdown's parts, whole seconds rounded up (never 0 while time is left): 4 and
 * "05", or 0 and "38" — the messages say them ("4分05秒", "38秒").
 */
export function countdownValues(ms: number): { minutes: number; seconds: string } {
  const all = Math.max(0, Math.ceil(ms / 1000));
  const minutes = Math.floor(all / 60);
  const seconds = all % 60;
  return { minutes, seconds: minutes > 0 ? String(seconds).padStart(2, "0") : String(seconds) };
}

/**
 * What a screen reader is told: the same words for a whole minute, so a polite live region
 * speaks about once a minute (then at one minute and at 30 seconds), not every second.
 */
export function announcementValues(ms: number): {
  within: "minutes" | "minute" | "halfMinute";
  minutes: number;
} {
  if (ms > 60_000) return { within: "minutes", minutes: Math.ceil(ms / 60_000) };
  return { within: ms > 30_000 ? "minute" : "halfMinute", minutes: 1 };
}
