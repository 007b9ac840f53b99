// The reject rate: rep returns whose reason counts against marketing's lead quality, over the leads handed
// to sales, both in the period. Healthy is at or under the target (default 10 %). Sliced by reason, source,
// campaign, fit band, fit grade and rep, so marketing can correct its lead definition.
import type { LedgerCause, LedgerEntry } from '../ledger.ts';
import { findReason, type Reason, type ReasonBucket } from '../reasons.ts';
import { bucketOf, bucketsOf, type BucketSize } from './buckets.ts';
import { compareKeys } from './order.ts';
import { inPeriod, type Period } from './period.ts';
import { fitBand, fitGradeOf } from './scoreBand.ts';
import { returnActors, type ReturnActorRow } from './returnActors.ts';
import { ratio } from './stats.ts';

export const DEFAULT_REJECT_RATE_TARGET = 0.1;

const HANDOVER_CAUSES: readonly LedgerCause[] = ['assigned', 'reassigned', 'review_resolved'];

/** A lead handed to a rep: first assignment, reassignment (same stage, new rep) or re-route after review. */
export const isHandover = (row: LedgerEntry): boolean =>
  row.to === 'assigned' && HANDOVER_CAUSES.includes(row.cause);

/** A rep's "Return to marketing" (not the recycle or disqualify row the same return writes next). */
export const isRepReturn = (row: LedgerEntry): boolean =>
  row.to === 'returned' && row.from !== 'returned' && row.cause === 'rep_returned';

export interface RejectRateRow {
  /** The slice's value; null where the rows did not carry one (no source, no owner, no score). */
  key: string | null;
  /** Distinct leads handed over in the slice. */
  handedOver: number;
  rejects: number;
  rate: number | null;
  overTarget: boolean;
}

export interface ReturnReasonRow {
  reason: string | null;
  label: string | null;
  bucket: ReasonBucket | null;
  countsAsReject: boolean;
  returns: number;
  /** Returns with this reason over all handed-over leads: this reason's part of the reject rate. */
  rate: number | null;
}

export interface RejectRateBucket {
  bucket: string;
  handedOver: number;
  rejects: number;
  rate: number | null;
  /** The target line for the chart. */
  target: number;
}

export interface RejectRateReport {
  handedOver: number;
  /** All rep returns, counting or not. */
  returns: number;
  rejects: number;
  rate: number | null;
  target: number;
  overTarget: boolean;
  byReason: ReturnReasonRow[];
  bySource: RejectRateRow[];
  byCampaign: RejectRateRow[];
  byFitBand: RejectRateRow[];
  byFitGrade: RejectRateRow[];
  /** By the lead's owner at the return: a reject counts against the rep the lead was handed to. */
  byRep: RejectRateRow[];
  /** By who acted: the owner, or their manager or an admin returning it for them (ofOthersLeads). */
  byActor: ReturnActorRow[];
  series: RejectRateBucket[];
}

type Slice = (row: LedgerEntry) => string | null;

// Each row is sliced by what it carried itself: a hand-over by the context and owner at hand-over, a
// reject by those at the return (the lead's owner then, whoever clicked: byActor says who did).
const SLICES = {
  bySource: (r) => r.context?.source ?? null,
  byCampaign: (r) => r.context?.campaign ?? null,
  byFitBand: (r) => fitBand(r.context?.fit),
  byFitGrade: (r) => fitGradeOf(r.context?.grade),
  byRep: (r) => r.ownerId ?? null,
} satisfies Record<string, Slice>;

const over = (rate: number | null, target: number): boolean => rate !== null && rate > target;

function sliceRows(
  handovers: readonly LedgerEntry[],
  rejects: readonly LedgerEntry[],
  slice: Slice,
  target: number,
): RejectRateRow[] {
  const leads = new Map<string | null, Set<string>>();
  const rejected = new Map<string | null, number>();
  for (const row of handovers) {
    const key = slice(row);
    leads.set(key, (leads.get(key) ?? new Set()).add(row.leadId));
  }
  for (const row of rejects) rejected.set(slice(row), (rejected.get(slice(row)) ?? 0) + 1);
  const keys = new Set([...leads.keys(), ...rejected.keys()]);
  return [...keys]
    .map((key) => {
      const handedOver = leads.get(key)?.size ?? 0;
      const count = rejected.get(key) ?? 0;
      const rate = ratio(count, handedOver);
      return { key, handedOver, rejects: count, rate, overTarget: over(rate, target) };
    })
    .toSorted(byVolumeThenKey);
}

const byVolumeThenKey = (a: RejectRateRow, b: RejectRateRow): number =>
  b.handedOver - a.handedOver || b.rejects - a.rejects || compareKeys(a.key, b.key);

const distinctLeads = (rows: readonly LedgerEntry[]): number => new Set(rows.map((r) => r.leadId)).size;

function reasonRows(
  returns: readonly LedgerEntry[],
  reasons: readonly Reason[],
  handedOver: number,
): ReturnReasonRow[] {
  const byCode = Map.groupBy(returns, (r) => r.reason ?? null);
  return [...byCode]
    .map(([code, rows]): ReturnReasonRow => {
      const reason = code === null ? undefined : findReason(reasons, code);
      return {
        reason: code,
        label: reason?.label ?? null,
        bucket: reason?.bucket ?? null,
        countsAsReject: reason?.countsAsReject ?? false,
        returns: rows.length,
        rate: ratio(rows.length, handedOver),
      };
    })
    .toSorted((a, b) => b.returns - a.returns || compareKeys(a.reason, b.reason));
}

export function rejectRate(
  rows: readonly LedgerEntry[],
  opts: { period: Period; reasons: readonly Reason[]; bucket: BucketSize; target?: number },
): RejectRateReport {
  const target = opts.target ?? DEFAULT_REJECT_RATE_TARGET;
  const inside = rows.filter((r) => inPeriod(r.at, opts.period));
  const handovers = inside.filter(isHandover);
  const returns = inside.filter(isRepReturn);
  // A reason missing from the policy (renamed or removed since) cannot be judged: it does not count.
  const rejects = returns.filter(
    (r) => r.reason !== undefined && findReason(opts.reasons, r.reason)?.countsAsReject === true,
  );
  const handedOver = distinctLeads(handovers);
  const rate = ratio(rejects.length, handedOver);
  const handoversBy = Map.groupBy(handovers, (r) => bucketOf(r.at, opts.bucket));
  const rejectsBy = Map.groupBy(rejects, (r) => bucketOf(r.at, opts.bucket));
  return {
    handedOver,
    returns: returns.length,
    rejects: rejects.length,
    rate,
    target,
    overTarget: over(rate, target),
    byReason: reasonRows(returns, opts.reasons, handedOver),
    bySource: sliceRows(handovers, rejects, SLICES.bySource, target),
    byCampaign: sliceRows(handovers, rejects, SLICES.byCampaign, target),
    byFitBand: sliceRows(handovers, rejects, SLICES.byFitBand, target),
    byFitGrade: sliceRows(handovers, rejects, SLICES.byFitGrade, target),
    byRep: sliceRows(handovers, rejects, SLICES.byRep, target),
    byActor: returnActors(returns, rejects),
    series: bucketsOf(opts.period, opts.bucket).map((bucket) => {
      const handed = distinctLeads(handoversBy.get(bucket) ?? []);
      const count = rejectsBy.get(bucket)?.length ?? 0;
      return { bucket, handedOver: handed, rejects: count, rate: ratio(count, handed), target };
    }),
  };
}
