// A rule's share of a score, kept so every score can say why in words.

export interface Contribution {
  label: string;
  points: number;
}

export const clampScore = (n: number): number => Math.max(0, Math.min(100, Math.round(n)));

/** The strongest reasons first (by absolute points), as short sentences like "VP title (+20)". */
export function topReasons(contributions: readonly Contribution[], count = 3): string[] {
  return contributions
    .filter((c) => Math.round(c.points) !== 0)
    .toSorted((a, b) => Math.abs(b.points) - Math.abs(a.points) || a.label.localeCompare(b.label))
    .slice(0, count)
    .map((c) => {
      const p = Math.round(c.points);
      return `${c.label} (${p > 0 ? '+' : ''}${p})`;
    });
}
