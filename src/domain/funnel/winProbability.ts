// Stage win probabilities measured from history, next to the ones the CRM's forecast is configured with
// (forecasts are usually optimistic). Each entry into a stage in the period is one try; it is decided by
// its first outcome known at the period's end: won, or out of the pipeline (lost, disqualified, recycled).
// Tries still open are left out rather than counted as losses.
import type { LedgerEntry } from '../ledger.ts';
import type { Stage } from '../stages.ts';
import { visitsAt } from './leadHistory.ts';
import { inPeriod, type Period } from './period.ts';
import { DEFAULT_MIN_SAMPLE, ratio } from './stats.ts';

export const FORECAST_STAGES = ['mql', 'assigned', 'accepted', 'qualified'] as const;
export type ForecastStage = (typeof FORECAST_STAGES)[number];

const OUTCOMES: readonly Stage[] = ['won', 'lost', 'disqualified', 'recycled'];

export interface StageWinProbability {
  stage: ForecastStage;
  /** Entries into the stage in the period. */
  entered: number;
  /** Of those, entries with a known outcome. */
  decided: number;
  won: number;
  /** won / decided; null below the minimum sample ("not enough history"). */
  measured: number | null;
  configured: number | null;
  /** measured − configured: negative where the forecast is optimistic. */
  difference: number | null;
}

export function winProbability(
  rows: readonly LedgerEntry[],
  opts: {
    period: Period;
    configured: Partial<Record<ForecastStage, number>>;
    minSample?: number;
  },
): StageWinProbability[] {
  const minSample = opts.minSample ?? DEFAULT_MIN_SAMPLE;
  const leads = visitsAt(rows, opts.period.to);
  return FORECAST_STAGES.map((stage) => {
    let entered = 0;
    let decided = 0;
    let won = 0;
    for (const visits of leads) {
      visits.forEach((visit, i) => {
        if (visit.stage !== stage || !inPeriod(visit.enteredAt, opts.period)) return;
        entered += 1;
        const outcome = visits.slice(i + 1).find((v) => OUTCOMES.includes(v.stage));
        if (!outcome) return;
        decided += 1;
        if (outcome.stage === 'won') won += 1;
      });
    }
    const measured = decided >= minSample ? ratio(won, decided) : null;
    const configured = opts.configured[stage] ?? null;
    const difference = measured !== null && configured !== null ? measured - configured : null;
    return { stage, entered, decided, won, measured, configured, difference };
  });
}
