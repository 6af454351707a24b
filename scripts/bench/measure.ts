// Measuring primitives for `npm run bench`. Every loop is bounded twice — by a count and by a
// time cap — so a slow machine prints smaller samples instead of running on.

export interface Sample {
  /** operations completed */
  count: number;
  /** wall-clock time for all of them */
  elapsedMs: number;
  /** per-operation latencies, ms, in completion order */
  latencies: number[];
}

/** Nearest-rank percentile (p in 0..100) of latencies in ms. */
export function percentile(latencies: readonly number[], p: number): number {
  if (latencies.length === 0) return Number.NaN;
  const sorted = [...latencies].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

export function perSecond(s: Sample): number {
  return s.elapsedMs > 0 ? (s.count * 1000) / s.elapsedMs : Number.NaN;
}

/**
 * Runs `op(i)` for i = 0, 1, … with `concurrency` operations in flight, until `count` have
 * started or `capMs` has passed (operations already running are allowed to finish).
 */
export async function runConcurrent(
  concurrency: number,
  count: number,
  capMs: number,
  op: (i: number) => Promise<void>,
): Promise<Sample> {
  const latencies: number[] = [];
  let next = 0;
  const t0 = performance.now();
  const deadline = t0 + capMs;
  const worker = async () => {
    while (next < count && performance.now() < deadline) {
      const i = next++;
      const t = performance.now();
      await op(i);
      latencies.push(performance.now() - t);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return { count: latencies.length, elapsedMs: performance.now() - t0, latencies };
}

/**
 * Synchronous operations per second: runs `op` in batches until `capMs` has passed (or
 * `maxOps` ran). The clock is read once per batch so it does not dominate cheap operations.
 */
export function syncOpsPerSecond(
  op: (i: number) => unknown,
  capMs = 500,
  maxOps = 2_000_000,
): number {
  const batch = 256;
  for (let i = 0; i < batch; i++) op(i); // warm-up: JIT and key derivation caches
  let done = 0;
  const t0 = performance.now();
  let elapsed = 0;
  while (elapsed < capMs && done < maxOps) {
    for (let i = 0; i < batch; i++) op(done + i);
    done += batch;
    elapsed = performance.now() - t0;
  }
  return (done * 1000) / elapsed;
}

/** Peak resident set size of this process so far, MiB (the kernel's high-water mark). */
export function peakRssMiB(): number {
  return process.resourceUsage().maxRSS / 1024; // maxRSS is in KiB
}

export function rssMiB(): number {
  return process.memoryUsage().rss / (1024 * 1024);
}
