// SLA compliance: of the SLA outcomes in the period, the share met, plus escalations (breaches), in total
// and per day or week. An outcome is a first touch, a return answered before any touch (it settles the
// SLA as a touch would), or an auto-recycle of an untouched lead (always a miss).
import type { LedgerEntry } from '../ledger.ts';
import { bucketOf, bucketsOf, type BucketSize } from './buckets.ts';
import { inPeriod, type Period } from './period.ts';
import { ratio } from './stats.ts';

export type SlaOutcomeKind = 'first_touch' | 'returned' | 'untouched';

export interface SlaOutcome {
  kind: SlaOutcomeKind;
  met: boolean;
}

/** The SLA outcome a row records, if any. */
export function slaOutcomeOf(row: LedgerEntry): SlaOutcome | null {
  const met = row.context?.slaMet;
  if (row.cause === 'first_touch' && row.to === 'accepted' && met !== undefined)
    return { kind: 'first_touch', met };
  if (row.cause === 'rep_returned' && row.to === 'returned' && met !== undefined)
    return { kind: 'returned', met };
  if (row.cause === 'sla_untouched') return { kind: 'untouched', met: false };
  // An untouched lead past its last allowed recycle is disqualified as exhausted straight from assigned
  // (the only way a lead leaves assigned with that cause): still an untouched miss.
  if (row.cause === 'exhausted' && row.from === 'assigned') return { kind: 'untouched', met: false };
  return null;
}

export interface SlaTally {
  outcomes: number;
  met: number;
  missed: number;
  metShare: number | null;
  /** Escalations at the deadline (sla_breach rows). */
  breaches: number;
}

export interface SlaComplianceReport extends SlaTally {
  byKind: Record<SlaOutcomeKind, { met: number; missed: number }>;
  series: Array<SlaTally & { bucket: string }>;
}

function tally(rows: readonly LedgerEntry[]): SlaTally {
  const outcomes = rows.map(slaOutcomeOf).filter((o) => o !== null);
  const met = outcomes.filter((o) => o.met).length;
  return {
    outcomes: outcomes.length,
    met,
    missed: outcomes.length - met,
    metShare: ratio(met, outcomes.length),
    breaches: rows.filter((r) => r.cause === 'sla_breach').length,
  };
}

export function slaCompliance(
  rows: readonly LedgerEntry[],
  opts: { period: Period; bucket: BucketSize },
): SlaComplianceReport {
  const inside = rows.filter((r) => inPeriod(r.at, opts.period));
  const byKind: SlaComplianceReport['byKind'] = {
    first_touch: { met: 0, missed: 0 },
    returned: { met: 0, missed: 0 },
    untouched: { met: 0, missed: 0 },
  };
  for (const outcome of inside.map(slaOutcomeOf)) {
    if (outcome) byKind[outcome.kind][outcome.met ? 'met' : 'missed'] += 1;
  }
  const byBucket = Map.groupBy(inside, (r) => bucketOf(r.at, opts.bucket));
  return {
    ...tally(inside),
    byKind,
    series: bucketsOf(opts.period, opts.bucket).map((bucket) => ({
      bucket,
      ...tally(byBucket.get(bucket) ?? []),
    })),
  };
}
