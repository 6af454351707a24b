// Deterministic randomness for the bulk seed: every person draws from a generator seeded by
// (run seed, person index), so a batch is the same whichever order batches run in, an --append
// run continues where the last one stopped, and the same --seed gives the same people.

export type Rng = () => number;

/** 32-bit integer hash (murmur3's finaliser): spreads neighbouring indexes apart. */
function mix32(x: number): number {
  let h = x | 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** mulberry32: small, fast, good enough for test data (not for anything secret). */
export function rngFor(seed: number, index: number, stream = 0): Rng {
  let a = mix32(mix32(seed) ^ mix32(index * 2 + 1) ^ mix32(stream + 0x9e3779b9));
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** An integer in [min, max]. */
export function int(rng: Rng, min: number, max: number): number {
  return min + Math.floor(rng() * (max - min + 1));
}

export function chance(rng: Rng, p: number): boolean {
  return rng() < p;
}

export function pick<T>(rng: Rng, list: readonly T[]): T {
  return list[Math.floor(rng() * list.length)]!;
}

/** A table to draw from by weight, built once (cumulative sums, binary search per draw). */
export interface Weighted<T> {
  values: readonly T[];
  draw(rng: Rng): T;
}

export function weighted<T>(entries: readonly (readonly [T, number])[]): Weighted<T> {
  if (entries.length === 0) throw new Error("weighted: no entries");
  const cumulative: number[] = [];
  let total = 0;
  for (const [, w] of entries) {
    if (!(w > 0)) throw new Error("weighted: weights must be positive");
    total += w;
    cumulative.push(total);
  }
  const values = entries.map(([v]) => v);
  return {
    values,
    draw(rng) {
      const x = rng() * total;
      let lo = 0;
      let hi = cumulative.length - 1;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (cumulative[mid]! > x) hi = mid;
        else lo = mid + 1;
      }
      return values[lo]!;
    },
  };
}
