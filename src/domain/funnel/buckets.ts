// Time buckets for the "over time" series: UTC days, or ISO weeks (Monday 00:00 UTC). A bucket is named
// by its first day (YYYY-MM-DD). A bucket that straddles the period's edge holds only the period's rows.
import { DAY_MS, type Period } from './period.ts';

export type BucketSize = 'day' | 'week';

function bucketStartMs(at: Date, size: BucketSize): number {
  const day = Math.floor(at.getTime() / DAY_MS) * DAY_MS;
  if (size === 'day') return day;
  const daysSinceMonday = (new Date(day).getUTCDay() + 6) % 7;
  return day - daysSinceMonday * DAY_MS;
}

const nameOf = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

/** The name of the bucket `at` falls in. */
export function bucketOf(at: Date, size: BucketSize): string {
  return nameOf(bucketStartMs(at, size));
}

/** Every bucket the period touches, empty ones included, so a chart's time axis has no gaps. */
export function bucketsOf(period: Period, size: BucketSize): string[] {
  const step = size === 'day' ? DAY_MS : 7 * DAY_MS;
  const names: string[] = [];
  for (let t = bucketStartMs(period.from, size); t < period.to.getTime(); t += step) names.push(nameOf(t));
  return names;
}
