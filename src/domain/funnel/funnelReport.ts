// The whole funnel report for a period, as plain JSON-ready data (numbers, strings, nulls).
// `rows` is the ledger up to the period's end or beyond, including history from before the period:
// time in stage, conversion and outcomes need the rows that came before and after a lead's entry.
import type { MeasuredCycle } from '../hygiene.ts';
import type { LedgerEntry } from '../ledger.ts';
import type { Policy } from '../policy/schema.ts';
import type { BucketSize } from './buckets.ts';
import { conversion, type StageConversion } from './conversion.ts';
import { measuredCycle } from './measuredCycle.ts';
import type { Period } from './period.ts';
import { recycleOutcomes, type RecycleOutcomes } from './recycleOutcomes.ts';
import { rejectRate, type RejectRateReport } from './rejectRate.ts';
import { slaCompliance, type SlaComplianceReport } from './slaCompliance.ts';
import { stageCounts, type StageCount } from './stageCounts.ts';
import { DEFAULT_MIN_SAMPLE } from './stats.ts';
import { timeToFirstTouch, type TimeToFirstTouch } from './timeToFirstTouch.ts';
import { velocity, type StageVelocity } from './velocity.ts';
import { winProbability, type StageWinProbability } from './winProbability.ts';

export interface FunnelReport {
  period: { from: string; to: string };
  bucket: BucketSize;
  stages: StageCount[];
  conversion: StageConversion[];
  velocity: StageVelocity[];
  sla: SlaComplianceReport;
  timeToFirstTouch: TimeToFirstTouch;
  rejectRate: RejectRateReport;
  recycleOutcomes: RecycleOutcomes;
  winProbability: StageWinProbability[];
  /** Median days per stage (absent below the minimum sample), as pipeline hygiene takes it. */
  measuredCycle: MeasuredCycle;
}

export type FunnelPolicy = Pick<Policy, 'reasons' | 'rejectRateTarget' | 'configuredWinProbability'>;

export function funnelReport(
  rows: readonly LedgerEntry[],
  opts: { period: Period; policy: FunnelPolicy; bucket: BucketSize; minSample?: number },
): FunnelReport {
  const { period, policy, bucket } = opts;
  const minSample = opts.minSample ?? DEFAULT_MIN_SAMPLE;
  return {
    period: { from: period.from.toISOString(), to: period.to.toISOString() },
    bucket,
    stages: stageCounts(rows, period),
    conversion: conversion(rows, period),
    velocity: velocity(rows, period),
    sla: slaCompliance(rows, { period, bucket }),
    timeToFirstTouch: timeToFirstTouch(rows, period),
    rejectRate: rejectRate(rows, {
      period,
      reasons: policy.reasons,
      bucket,
      target: policy.rejectRateTarget,
    }),
    recycleOutcomes: recycleOutcomes(rows, period),
    winProbability: winProbability(rows, {
      period,
      configured: policy.configuredWinProbability,
      minSample,
    }),
    measuredCycle: measuredCycle(rows, period, minSample),
  };
}
