import { describe, expect, it } from "vitest";
import {
  announcementValues,
  countdownValues,
  initialPlan,
  loginOnAnswer,
  planFor,
  RECHECK_WHILE_WARNING_MS,
  sessionRemainingMs,
  warnBeforeMs,
} from "./session-timing";

const T0 = new Date("2026-12-04T02:00:00Z");
const at = (ms: number) => new Date(T0.getTime() + ms);
const MIN = 60_000;

describe("what is left of a session", () => {
  const row = { lastSeenAt: T0, expiresAt: at(12 * 60 * MIN) };

  it("counts the idle time from the last touch, to the millisecond liveSession ends it", () => {
    expect(sessionRemainingMs(row, 30, at(10 * MIN))).toBe(20 * MIN);
    expect(sessionRemainingMs(row, 30, at(30 * MIN))).toBe(0); // still alive at exactly 30
    expect(sessionRemainingMs(row, 30, at(30 * MIN + 1))).toBeNull();
  });

  it("never runs past the 12-hour limit, whatever the activity", () => {
    const late = { lastSeenAt: at(11 * 60 * MIN + 50 * MIN), expiresAt: row.expiresAt };
    expect(sessionRemainingMs(late, 30, at(11 * 60 * MIN + 55 * MIN))).toBe(5 * MIN);
    expect(sessionRemainingMs(late, 30, at(12 * 60 * MIN))).toBeNull();
  });
});

describe("the page's plan", () => {
  const warn = warnBeforeMs(30 * MIN);

  it("warns 5 minutes ahead, or half the idle time when a deployment sets it short", () => {
    expect(warn).toBe(5 * MIN);
    expect(warnBeforeMs(4 * MIN)).toBe(2 * MIN);
  });

  it("stays quiet until the warning is due, then asks the server again", () => {
    expect(planFor(20 * MIN, warn)).toEqual({ phase: "quiet", checkInMs: 15 * MIN });
    expect(planFor(5 * MIN + 1, warn)).toEqual({ phase: "quiet", checkInMs: 1 });
  });

  it("warns inside the last 5 minutes, asking each minute and just after the end", () => {
    expect(planFor(5 * MIN, warn)).toEqual({
      phase: "warning",
      checkInMs: RECHECK_WHILE_WARNING_MS,
    });
    expect(planFor(20_000, warn)).toEqual({ phase: "warning", checkInMs: 21_000 });
    expect(planFor(0, warn)).toEqual({ phase: "warning", checkInMs: 1000 });
  });

  it("has ended when the server says so, and asks nothing more", () => {
    expect(planFor(null, warn)).toEqual({ phase: "ended", checkInMs: null });
  });

  it("starts from a page just rendered, allowing for the minute-old touch", () => {
    expect(initialPlan(30 * MIN)).toEqual({ phase: "quiet", checkInMs: 24 * MIN });
  });
});

describe("the countdown", () => {
  it("shows minutes and seconds, rounding up so it never shows 0 while time is left", () => {
    expect(countdownValues(5 * MIN)).toEqual({ minutes: 5, seconds: "00" });
    expect(countdownValues(4 * MIN + 5_000)).toEqual({ minutes: 4, seconds: "05" });
    expect(countdownValues(38_200)).toEqual({ minutes: 0, seconds: "39" });
    expect(countdownValues(-5)).toEqual({ minutes: 0, seconds: "0" });
  });

  it("gives a screen reader new words about once a minute, not every second", () => {
    const said = new Set<string>();
    for (let ms = 5 * MIN; ms > 0; ms -= 1000) said.add(JSON.stringify(announcementValues(ms)));
    expect([...said].map((v) => JSON.parse(v) as unknown)).toEqual([
      { within: "minutes", minutes: 5 },
      { within: "minutes", minutes: 4 },
      { within: "minutes", minutes: 3 },
      { within: "minutes", minutes: 2 },
      { within: "minute", minutes: 1 },
      { within: "halfMinute", minutes: 1 },
    ]);
  });
});

describe("the login in place, as answers come", () => {
  it("opens at the end of the session, from the warning or from quiet (a laptop asleep)", () => {
    expect(loginOnAnswer("warning", "ended", false)).toEqual({ open: true, resume: false });
    expect(loginOnAnswer("quiet", "ended", false)).toEqual({ open: true, resume: false });
  });

  it("stays as the person left it while the session stays ended, unless a form asks", () => {
    expect(loginOnAnswer("ended", "ended", false)).toEqual({ resume: false });
    expect(loginOnAnswer("ended", "ended", true)).toEqual({ open: true, resume: false });
  });

  it("closes once the session is live again, and lets a waiting form go on", () => {
    expect(loginOnAnswer("ended", "quiet", false)).toEqual({ open: false, resume: true });
    expect(loginOnAnswer("quiet", "quiet", true)).toEqual({ open: false, resume: true });
    // 继续办理 in another tab: the warning goes, nobody was waiting
    expect(loginOnAnswer("warning", "quiet", false)).toEqual({ open: false, resume: false });
    expect(loginOnAnswer("warning", "warning", false)).toEqual({ open: false, resume: false });
  });

  it("follows the server's end to the millisecond: alive at exactly 30 minutes, ended just after", () => {
    const row = { lastSeenAt: T0, expiresAt: at(12 * 60 * MIN) };
    const warn = warnBeforeMs(30 * MIN);
    const phaseAt = (ms: number) => planFor(sessionRemainingMs(row, 30, at(ms)), warn).phase;
    expect(loginOnAnswer("warning", phaseAt(30 * MIN), false).open).toBe(false);
    expect(loginOnAnswer("warning", phaseAt(30 * MIN + 1), false).open).toBe(true);
  });
});
