// The monthly closed-loop review pack as plain data: the month's summary, sales made to former leads, every lead
// handed over and where it stands, reps' feedback, SLA deviations on both sides and forecast realism.
// `rows` is the ledger from well before the month (measured rates need history) up to `generatedAt`.
import type { LedgerEntry } from '../ledger.ts';
import type { Policy } from '../policy/schema.ts';
import { DEFAULT_MIN_SAMPLE } from '../funnel/stats.ts';
import { recycleOutcomes } from '../funnel/recycleOutcomes.ts';
import { rejectRate } from '../funnel/rejectRate.ts';
import { slaCompliance } from '../funnel/slaCompliance.ts';
import { stageCounts } from '../funnel/stageCounts.ts';
import { forecastRealism, type ForecastRealism } from './forecastRealism.ts';
import { handedOverLeads, monthFeedback, type HandedOverLead, type LeadFeedback } from './handedOverLeads.ts';
import type { ReviewMonth } from './reviewMonth.ts';
import { salesFromFormerLeads, type FormerLeadSale } from './salesFromFormerLeads.ts';
import type { SlaDeviation } from './slaDeviations.ts';

export type ReviewPolicy = Pick<
  Policy,
  'reasons' | 'rejectRateTarget' | 'configuredWinProbability' | 'timeZone'
>;

export interface ReviewSummary {
  /** Distinct leads handed to sales in the month. */
  handedOver: number;
  /** Of those, touched by their rep (at any time up to the pack's date). */
  touched: number;
  returns: number;
  rejects: number;
  rejectRate: number | null;
  rejectTarget: number;
  overTarget: boolean;
  slaOutcomes: number;
  slaMet: number;
  slaMetShare: number | null;
  breaches: number;
  recycled: number;
  reMql: number;
  /** Leads that entered qualified (SQL) and won in the month. */
  qualified: number;
  won: number;
  formerLeadSales: number;
  openPipeline: number;
  forecastCorrection: number | null;
}

export interface MonthlyReviewPack {
  tenant: { id: string; name: string };
  month: { label: string; from: string; to: string; timeZone: string };
  generatedAt: string;
  /** False while the month is still running: its figures are to date. */
  complete: boolean;
  summary: ReviewSummary;
  salesFromFormerLeads: FormerLeadSale[];
  handedOver: HandedOverLead[];
  feedback: LeadFeedback[];
  deviations: SlaDeviation[];
  forecast: ForecastRealism;
}

export interface ReviewInput {
  tenant: { id: string; name: string };
  policy: ReviewPolicy;
  month: ReviewMonth;
  rows: readonly LedgerEntry[];
  generatedAt: Date;
  /** Both sides' deviations in the month, from the SLA scorecard. */
  deviations: readonly SlaDeviation[];
  minSample?: number;
}

function summaryOf(
  input: ReviewInput,
  parts: Omit<MonthlyReviewPack, 'summary' | 'tenant' | 'month' | 'generatedAt' | 'complete'>,
): ReviewSummary {
  const period = input.month;
  const rr = rejectRate(input.rows, {
    period,
    reasons: input.policy.reasons,
    bucket: 'week',
    target: input.policy.rejectRateTarget,
  });
  const sla = slaCompliance(input.rows, { period, bucket: 'week' });
  const recycle = recycleOutcomes(input.rows, period);
  const entered = (stage: string) =>
    stageCounts(input.rows, period).find((s) => s.stage === stage)?.enteredLeads ?? 0;
  return {
    handedOver: parts.handedOver.length,
    touched: parts.handedOver.filter((l) => l.firstTouchAt !== null).length,
    returns: rr.returns,
    rejects: rr.rejects,
    rejectRate: rr.rate,
    rejectTarget: rr.target,
    overTarget: rr.overTarget,
    slaOutcomes: sla.outcomes,
    slaMet: sla.met,
    slaMetShare: sla.metShare,
    breaches: sla.breaches,
    recycled: recycle.recycled,
    reMql: recycle.reMql,
    qualified: entered('qualified'),
    won: entered('won'),
    formerLeadSales: parts.salesFromFormerLeads.length,
    openPipeline: parts.forecast.openLeads,
    forecastCorrection: parts.forecast.correction,
  };
}

export function monthlyReviewPack(input: ReviewInput): MonthlyReviewPack {
  const { month, policy, rows, generatedAt } = input;
  const complete = generatedAt.getTime() >= month.to.getTime();
  const monthEnd = complete ? month.to : generatedAt;
  const parts = {
    salesFromFormerLeads: salesFromFormerLeads(rows, month, policy.reasons),
    handedOver: handedOverLeads(rows, { month, asOf: generatedAt, reasons: policy.reasons }),
    feedback: monthFeedback(rows, month, policy.reasons),
    deviations: input.deviations.slice(),
    forecast: forecastRealism(rows, {
      at: monthEnd,
      configured: policy.configuredWinProbability,
      minSample: input.minSample ?? DEFAULT_MIN_SAMPLE,
    }),
  };
  return {
    tenant: input.tenant,
    month: {
      label: month.label,
      from: month.from.toISOString(),
      to: month.to.toISOString(),
      timeZone: policy.timeZone,
    },
    generatedAt: generatedAt.toISOString(),
    complete,
    summary: summaryOf(input, parts),
    ...parts,
  };
}
