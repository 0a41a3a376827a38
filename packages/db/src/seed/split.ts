/** Deterministic helpers for the demo's invented splits: same seed, same data, every run. */
import { found } from '../rows.ts';

/** mulberry32: a tiny seeded PRNG, good enough for illustrative weights. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Split a whole number into parts proportional to integer weights, adding up to `total` exactly
 * (largest remainder, integer arithmetic; ties go to the earlier part). Optional caps bound each part.
 */
export function splitExactly(total: number, weights: number[], caps?: number[]): number[] {
  const sum = weights.reduce((s, w) => s + w, 0);
  if (sum <= 0) {
    if (total === 0) return weights.map(() => 0);
    throw new Error('splitExactly: no weight to carry a non-zero total');
  }
  const parts = weights.map((w) => Math.floor((total * w) / sum));
  const order = weights
    .map((w, i) => ({ i, rem: (total * w) % sum }))
    .sort((a, b) => b.rem - a.rem || a.i - b.i)
    .map((x) => x.i);
  let left = total - parts.reduce((s, p) => s + p, 0);
  for (let k = 0; left > 0; k = (k + 1) % order.length) {
    const i = found(order[k], `place ${k} of the order`);
    const part = found(parts[i], `part ${i}`);
    if (caps && part >= found(caps[i], `cap ${i}`)) {
      if (parts.every((p, j) => p >= found(caps[j], `cap ${j}`)))
        throw new Error('splitExactly: caps below total');
      continue;
    }
    parts[i] = part + 1;
    left--;
  }
  return parts;
}
