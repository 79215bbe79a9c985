// mulberry32: a tiny seeded generator of numbers in [0, 1), for made-up rows that are the same on every run (the
// Worker's warm-up rosters, shared/warm-up-rows.ts; the benchmarks' generated rows, scripts/bench-rows.ts).
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
