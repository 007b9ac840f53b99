// The scorecard's time axis: weeks for a month or quarter, days for a week (the API's buckets, named by their
// first day in UTC). Buckets the period has not reached yet are left blank rather than drawn as zeros.
import type { ScorecardResponse } from '../apiTypes.ts';
import { formatBucket } from '../format.ts';

export type Card = ScorecardResponse['scorecard'];
export type Bucket = Card['series'][number];

const WEEKDAY = new Intl.DateTimeFormat(undefined, { weekday: 'short', timeZone: 'UTC' });

export const byDay = (card: Card): boolean => card.period.kind === 'week';

export function bucketLabel(card: Card, bucket: string): string {
  const day = formatBucket(bucket);
  return byDay(card) ? `${WEEKDAY.format(new Date(`${bucket}T00:00:00Z`))} ${day}` : day;
}

/** "per week" or "per day". */
export const perBucket = (card: Card): string => (byDay(card) ? 'per day' : 'per week');

/** A bucket that starts after the scorecard's "now" (a running period's rest). */
export const notYet = (card: Card, b: Bucket): boolean => b.bucket > card.capacity.at.slice(0, 10);

/** One figure per bucket, blank where the period has not got to yet. */
export const perBucketValues = (card: Card, pick: (b: Bucket) => number | null): Array<number | null> =>
  card.series.map((b) => (notYet(card, b) ? null : pick(b)));

/** A weekly figure at the axis' scale: as is per week, a seventh of it per day. */
export const atAxisScale = (card: Card, perWeek: number): number => (byDay(card) ? perWeek / 7 : perWeek);

/** The weeks the period spans (a month ≈ 4.4), as the API prorates its commitments. */
export const weeksInPeriod = (card: Card): number =>
  (Date.parse(card.period.to) - Date.parse(card.period.from)) / (7 * 86_400_000);
