// Forecast realism: the win probability measured per stage over the trailing year next to the one the CRM's
// forecast is configured with, and what the difference means for the open pipeline at the month's end —
// expected wins at the configured rates versus at the measured ones, and the factor that corrects the forecast.
// Where a stage has too little history the configured rate stands (and the row says so).
import type { LedgerEntry } from '../ledger.ts';
import { historiesAt } from '../funnel/leadHistory.ts';
import { DAY_MS } from '../funnel/period.ts';
import { FORECAST_STAGES, winProbability, type ForecastStage } from '../funnel/winProbability.ts';

/** How far back the measured probabilities look: a year smooths out a slow month. */
export const REALISM_WINDOW_DAYS = 365;

export interface StageRealism {
  stage: ForecastStage;
  /** Open leads in the stage at the month's end. */
  open: number;
  configured: number | null;
  measured: number | null;
  /** Decided tries the measured rate rests on. */
  decided: number;
  expectedWinsConfigured: number;
  /** At the measured rate, or the configured one where there is too little history. */
  expectedWinsMeasured: number;
}

export interface ForecastRealism {
  windowFrom: string;
  windowTo: string;
  minSample: number;
  stages: StageRealism[];
  openLeads: number;
  expectedWinsConfigured: number;
  expectedWinsMeasured: number;
  /** Measured ÷ configured expected wins: multiply the CRM's forecast by it. Null unless `basis` is measured. */
  correction: number | null;
  /** Whether an open stage has a measured rate to correct with: none open, or too little history for any. */
  basis: 'measured' | 'nothing_open' | 'too_little_history';
}

export function forecastRealism(
  rows: readonly LedgerEntry[],
  opts: { at: Date; configured: Partial<Record<ForecastStage, number>>; minSample: number },
): ForecastRealism {
  const window = { from: new Date(opts.at.getTime() - REALISM_WINDOW_DAYS * DAY_MS), to: opts.at };
  const measured = winProbability(rows, {
    period: window,
    configured: opts.configured,
    minSample: opts.minSample,
  });
  const open = new Map<string, number>();
  for (const history of historiesAt(rows, opts.at).values()) {
    const stage = history.at(-1)?.to;
    if (stage) open.set(stage, (open.get(stage) ?? 0) + 1);
  }
  const stages = FORECAST_STAGES.map((stage): StageRealism => {
    const w = measured.find((m) => m.stage === stage);
    const count = open.get(stage) ?? 0;
    const configured = opts.configured[stage] ?? null;
    const rate = w?.measured ?? null;
    return {
      stage,
      open: count,
      configured,
      measured: rate,
      decided: w?.decided ?? 0,
      expectedWinsConfigured: count * (configured ?? 0),
      expectedWinsMeasured: count * (rate ?? configured ?? 0),
    };
  });
  const sum = (pick: (s: StageRealism) => number) => stages.reduce((total, s) => total + pick(s), 0);
  const expectedWinsConfigured = sum((s) => s.expectedWinsConfigured);
  const expectedWinsMeasured = sum((s) => s.expectedWinsMeasured);
  const basis =
    expectedWinsConfigured <= 0
      ? 'nothing_open'
      : stages.some((s) => s.open > 0 && s.measured !== null)
        ? 'measured'
        : 'too_little_history';
  return {
    windowFrom: window.from.toISOString(),
    windowTo: window.to.toISOString(),
    minSample: opts.minSample,
    stages,
    openLeads: sum((s) => s.open),
    expectedWinsConfigured,
    expectedWinsMeasured,
    correction: basis === 'measured' ? expectedWinsMeasured / expectedWinsConfigured : null,
    basis,
  };
}
