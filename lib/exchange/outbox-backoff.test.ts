import { describe, expect, it } from "vitest";
import { RETRY_BASE_MS, RETRY_CAP_MS, retryDelayMs } from "./outbox-backoff";

const S = 1000;

describe("retryDelayMs", () => {
  it("doubles from 30 s and stops at 1 h (no jitter at the midpoint)", () => {
    const schedule = [1, 2, 3, 4, 5, 6, 7, 8, 9, 50].map((n) => retryDelayMs(n, 0.5) / S);
    expect(schedule).toEqual([30, 60, 120, 240, 480, 960, 1920, 3600, 3600, 3600]);
  });

  it("spreads each step by ±25 % and never leaves 30 s … 1 h", () => {
    expect(retryDelayMs(3, 0) / S).toBe(90);
    expect(retryDelayMs(3, 0.999999) / S).toBeCloseTo(150, 0);
    for (const attempts of [0, 1, 2, 7, 8, 1000]) {
      for (const r of [0, 0.25, 0.5, 0.999999]) {
        const d = retryDelayMs(attempts, r);
        expect(d).toBeGreaterThanOrEqual(RETRY_BASE_MS);
        expect(d).toBeLessThanOrEqual(RETRY_CAP_MS);
      }
    }
  });

  it("differs between two senders that failed together", () => {
    expect(retryDelayMs(4, 0.1)).not.toBe(retryDelayMs(4, 0.9));
  });
});
