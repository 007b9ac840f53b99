// Seeded choices for the simulation (reproducible runs). Each lead and each hand-off gets its own stream,
// derived from the seed and its id, so one more lead does not shift every later decision.
import { createRandom, deriveSeed, type Random } from '../hubspot/seededRandom.ts';

export interface Dice extends Random {
  between(min: number, max: number): number;
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
  weighted<T>(options: ReadonlyArray<readonly [T, number]>): T;
  hex(length: number): string;
}

export function dice(seed: number, ...stream: Array<string | number>): Dice {
  const r = createRandom(stream.reduce<number>((s, part) => deriveSeed(s, String(part)), seed));
  const pick = <T>(items: readonly T[]): T => {
    const item = items[r.below(items.length)];
    if (item === undefined) throw new Error('pick from an empty list');
    return item;
  };
  return {
    ...r,
    between: (min, max) => min + r.next() * (max - min),
    int: (min, max) => min + r.below(max - min + 1),
    pick,
    weighted: (options) => {
      const total = options.reduce((sum, [, w]) => sum + w, 0);
      let x = r.next() * total;
      for (const [value, w] of options) {
        x -= w;
        if (x < 0) return value;
      }
      return pick(options.map(([v]) => v));
    },
    hex: (length) => Array.from({ length }, () => r.below(16).toString(16)).join(''),
  };
}
