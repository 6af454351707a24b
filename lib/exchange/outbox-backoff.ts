// When the outbox tries a message again after a failure (outbox.ts): exponential backoff from
// 30 s, doubling, capped at 1 h, with ±25 % jitter so the platforms that lost the hub together do
// not all call it again in the same second when it returns. The cap keeps a long outage from
// pushing the next try hours beyond the hub's return.

export const RETRY_BASE_MS = 30_000;
export const RETRY_CAP_MS = 60 * 60_000;
const JITTER = 0.25;

/**
 * The delay after the `attempts`-th failed attempt (1 = the first), given a uniform random
 * number in [0, 1). Always within [RETRY_BASE_MS, RETRY_CAP_MS].
 */
export function retryDelayMs(attempts: number, random: number = Math.random()): number {
  const exponent = Math.min(Math.max(attempts, 1) - 1, 20);
  const plain = Math.min(RETRY_CAP_MS, RETRY_BASE_MS * 2 ** exponent);
  const jittered = plain * (1 - JITTER + 2 * JITTER * random);
  return Math.round(Math.min(RETRY_CAP_MS, Math.max(RETRY_BASE_MS, jittered)));
}
