// The two-sided SLA scorecard for one period: marketing against its volume and quality commitment, sales against
// its deadlines, every deviation listed, each headline figure next to the previous period's. Pure: `rows` is the
// ledger from PACE_WINDOW_WEEKS before the previous period up to this one's end; `now` bounds a running period.
import { DateTime } from 'luxon';
import type { BucketSize } from '../funnel/buckets.ts';
import { inPeriod, type Period } from '../funnel/period.ts';
import { isHandover, isRepReturn, rejectRate, type RejectRateReport } from '../funnel/rejectRate.ts';
import { slaOutcomeOf } from '../funnel/slaCompliance.ts';
import { ratio } from '../funnel/stats.ts';
import type { LedgerEntry } from '../ledger.ts';
import type { Policy } from '../policy/schema.ts';
import { capacityPlan, type CapacityPlan } from './capacityPlan.ts';
import { deviations, type Deviation } from './deviations.ts';
import {
  acceptRate,
  elapsedShare,
  isMqlEntry,
  mqlCommitment,
  mqlsIn,
  type MqlCommitment,
} from './marketingSide.ts';
import {
  repSla,
  returnFeedback,
  salesFigures,
  slaMisses,
  type RepSla,
  type ReturnFeedback,
  type SlaMiss,
} from './salesSide.ts';
import type { ScorecardPeriod } from './scorecardPeriod.ts';
import { trend, type Trend } from './trend.ts';

export interface ScorecardBucket {
  bucket: string;
  mqls: number;
  handedOver: number;
  rejects: number;
  acceptRate: number | null;
  slaMetShare: number | null;
  breaches: number;
}

export interface Scorecard {
  period: { kind: ScorecardPeriod['kind']; label: string; from: string; to: string };
  previous: { label: string; from: string; to: string };
  /** The share of the period gone by (1 once it is over). */
  elapsed: number;
  marketing: {
    mqls: Trend & MqlCommitment;
    acceptRate: Trend & { target: number; handedOver: number; rejects: number; belowTarget: boolean };
    rejects: Pick<
      RejectRateReport,
      'rate' | 'target' | 'byReason' | 'bySource' | 'byCampaign' | 'byFitBand' | 'byFitGrade'
    >;
  };
  sales: {
    slaMet: Trend & { target: number; outcomes: number; met: number; belowTarget: boolean };
    medianHumanLatencyMinutes: Trend;
    breaches: Trend;
    untouched: Trend;
    byRep: RepSla[];
    returns: ReturnFeedback[];
    misses: SlaMiss[];
  };
  capacity: CapacityPlan;
  series: ScorecardBucket[];
  deviations: Deviation[];
}

export type ScorecardPolicy = Pick<
  Policy,
  'timeZone' | 'reasons' | 'rejectRateTarget' | 'commitment' | 'capacity' | 'routing' | 'escalation'
>;

const iso = (p: ScorecardPeriod) => ({ label: p.label, from: p.from.toISOString(), to: p.to.toISOString() });

/** Local days or ISO weeks of the tenant's zone, named by their first day, so a bar holds the team's own day. */
function localBuckets(period: Period, size: BucketSize, zone: string) {
  const unit = size === 'day' ? 'day' : 'week';
  const startOf = (at: Date) => DateTime.fromJSDate(at, { zone }).startOf(unit);
  const names: string[] = [];
  for (let b = startOf(period.from); b.toMillis() < period.to.getTime(); b = b.plus({ [`${unit}s`]: 1 }))
    names.push(b.toISODate() ?? '');
  return { names, of: (at: Date) => startOf(at).toISODate() ?? '' };
}

function series(
  rows: readonly LedgerEntry[],
  period: Period,
  size: BucketSize,
  policy: ScorecardPolicy,
): ScorecardBucket[] {
  const inside = rows.filter((r) => inPeriod(r.at, period));
  const buckets = localBuckets(period, size, policy.timeZone);
  const by = Map.groupBy(inside, (r) => buckets.of(r.at));
  const rejectCodes = new Set(policy.reasons.filter((x) => x.countsAsReject).map((x) => x.code));
  return buckets.names.map((bucket) => {
    const list = by.get(bucket) ?? [];
    const handed = new Set(list.filter(isHandover).map((r) => r.leadId)).size;
    const rejects = list.filter(
      (r) => isRepReturn(r) && r.reason !== undefined && rejectCodes.has(r.reason),
    ).length;
    const outcomes = list.map(slaOutcomeOf).filter((o) => o !== null);
    return {
      bucket,
      mqls: list.filter(isMqlEntry).length,
      handedOver: handed,
      rejects,
      acceptRate: acceptRate(handed, rejects),
      slaMetShare: ratio(outcomes.filter((o) => o.met).length, outcomes.length),
      breaches: list.filter((r) => r.cause === 'sla_breach').length,
    };
  });
}

export function scorecard(
  rows: readonly LedgerEntry[],
  opts: { period: ScorecardPeriod; previous: ScorecardPeriod; policy: ScorecardPolicy; now: Date },
): Scorecard {
  const { period, previous, policy, now } = opts;
  const until = new Date(Math.min(now.getTime(), period.to.getTime()));
  const elapsed = elapsedShare(period, now);
  const capacity = capacityPlan(rows, { at: until, policy });
  const rr = (p: Period) =>
    rejectRate(rows, { period: p, reasons: policy.reasons, bucket: 'week', target: policy.rejectRateTarget });
  const [now_, before] = [rr(period), rr(previous)];
  const [sales, salesBefore] = [salesFigures(rows, period), salesFigures(rows, previous)];
  const acceptTarget = 1 - policy.rejectRateTarget;
  const accept = acceptRate(now_.handedOver, now_.rejects);
  const mqls = mqlsIn(rows, period);
  const commitment = mqlCommitment(period, {
    commitment: policy.commitment,
    mqlTargetPerWeek: capacity.mqlTargetPerWeek,
    elapsed,
  });
  const slaTarget = policy.commitment.slaMetShare;
  const reps = repSla(rows, period, slaTarget);
  const misses = slaMisses(rows, period);
  return {
    period: { kind: period.kind, ...iso(period) },
    previous: iso(previous),
    elapsed,
    marketing: {
      mqls: { ...trend(mqls, mqlsIn(rows, previous)), ...commitment },
      acceptRate: {
        ...trend(accept, acceptRate(before.handedOver, before.rejects)),
        target: acceptTarget,
        handedOver: now_.handedOver,
        rejects: now_.rejects,
        belowTarget: accept !== null && accept < acceptTarget,
      },
      rejects: {
        rate: now_.rate,
        target: now_.target,
        byReason: now_.byReason,
        bySource: now_.bySource,
        byCampaign: now_.byCampaign,
        byFitBand: now_.byFitBand,
        byFitGrade: now_.byFitGrade,
      },
    },
    sales: {
      slaMet: {
        ...trend(sales.metShare, salesBefore.metShare),
        target: slaTarget,
        outcomes: sales.outcomes,
        met: sales.met,
        belowTarget: sales.metShare !== null && sales.metShare < slaTarget,
      },
      medianHumanLatencyMinutes: trend(
        sales.medianHumanLatencyMinutes,
        salesBefore.medianHumanLatencyMinutes,
      ),
      breaches: trend(sales.breaches, salesBefore.breaches),
      untouched: trend(sales.untouched, salesBefore.untouched),
      byRep: reps,
      returns: returnFeedback(rows, period, policy.reasons),
      misses,
    },
    capacity,
    series: series(rows, period, period.kind === 'week' ? 'day' : 'week', policy),
    deviations: deviations({
      mqls,
      commitment,
      acceptRate: accept,
      acceptTarget,
      rejects: now_,
      slaMetShare: sales.metShare,
      slaTarget,
      slaOutcomes: sales.outcomes,
      reps,
      misses,
    }),
  };
}
