// A figure next to the same figure for the previous period: the scorecard's trend.

export interface Trend {
  value: number | null;
  previous: number | null;
  /** value − previous; null when either is missing. */
  change: number | null;
}

export function trend(value: number | null, previous: number | null): Trend {
  return { value, previous, change: value === null || previous === null ? null : value - previous };
}
