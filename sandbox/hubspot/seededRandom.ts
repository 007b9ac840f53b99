// Deterministic randomness (mulberry32) so that fault injection and webhook drops repeat with a seed.

export interface Random {
  /** A float in [0, 1). */
  next(): number;
  /** True with probability `p`. */
  chance(p: number): boolean;
  /** An integer in [0, n). */
  below(n: number): number;
}

export function createRandom(seed: number): Random {
  let a = seed >>> 0;
  const next = (): number => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    chance: (p) => p > 0 && next() < p,
    below: (n) => Math.floor(next() * n),
  };
}

/** Independent streams from one seed: turning one fault on does not shift the others' sequence. */
export function deriveSeed(seed: number, stream: string): number {
  let h = seed ^ 0x9e3779b9;
  for (const ch of stream) h = Math.imul(h ^ ch.charCodeAt(0), 0x01000193);
  return h >>> 0;
}
