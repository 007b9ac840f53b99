// The few statistics the funnel reports share. Every result is a number or null, never NaN: the reports
// are served as JSON, and an empty period must read as "no data", not as 0 % or NaN %.

/** part / whole, or null when there is nothing to divide by. */
export function ratio(part: number, whole: number): number | null {
  return whole > 0 ? part / whole : null;
}

/**
 * The q-quantile (0 ≤ q ≤ 1), interpolating linearly between the closest ranks (spreadsheets'
 * PERCENTILE.INC), so the median of an even count is the mean of the two middle values.
 */
export function quantile(values: readonly number[], q: number): number | null {
  if (values.length === 0) return null;
  const sorted = values.toSorted((a, b) => a - b);
  const position = (sorted.length - 1) * q;
  const below = sorted[Math.floor(position)];
  const above = sorted[Math.ceil(position)];
  if (below === undefined || above === undefined) return null;
  return below + (above - below) * (position - Math.floor(position));
}

export const median = (values: readonly number[]): number | null => quantile(values, 0.5);

export const p90 = (values: readonly number[]): number | null => quantile(values, 0.9);

/** Below this many observations a measured figure is noise: reports say "not enough history" instead. */
export const DEFAULT_MIN_SAMPLE = 20;
