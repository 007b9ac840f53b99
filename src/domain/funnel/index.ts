// Funnel analytics over the ledger: pure functions of (rows, period); funnelReport assembles them all.
export { bucketOf, bucketsOf, type BucketSize } from './buckets.ts';
export { conversion, type StageConversion } from './conversion.ts';
export { funnelReport, type FunnelPolicy, type FunnelReport } from './funnelReport.ts';
export { historiesAt, isStageChange, visitsAt, visitsOf, type StageVisit } from './leadHistory.ts';
export { measuredCycle } from './measuredCycle.ts';
export { inPeriod, knownAt, type Period } from './period.ts';
export { recycleOutcomes, type RecycleOutcomes, type RecycleTally } from './recycleOutcomes.ts';
export {
  DEFAULT_REJECT_RATE_TARGET,
  isHandover,
  isRepReturn,
  rejectRate,
  type RejectRateBucket,
  type RejectRateReport,
  type RejectRateRow,
  type ReturnReasonRow,
} from './rejectRate.ts';
export { FIT_BANDS, fitBand, fitGradeOf, type FitBand } from './scoreBand.ts';
export {
  slaCompliance,
  slaOutcomeOf,
  type SlaComplianceReport,
  type SlaOutcome,
  type SlaOutcomeKind,
  type SlaTally,
} from './slaCompliance.ts';
export { stageCounts, type StageCount } from './stageCounts.ts';
export { DEFAULT_MIN_SAMPLE, median, p90, quantile, ratio } from './stats.ts';
export {
  LATENCY_BINS,
  summarizeLatency,
  timeToFirstTouch,
  type LatencyBin,
  type LatencySummary,
  type TimeToFirstTouch,
} from './timeToFirstTouch.ts';
export { TIMED_STAGES, velocity, type StageVelocity } from './velocity.ts';
export {
  FORECAST_STAGES,
  winProbability,
  type ForecastStage,
  type StageWinProbability,
} from './winProbability.ts';
