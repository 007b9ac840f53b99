// Time to first touch, split as the SLA splits blame: system latency (MQL → assigned: scoring, sync,
// routing; wall-clock minutes) and human latency (assigned → first touch; business minutes, as the SLA
// counts them). Reported apart, never summed.
import type { LedgerEntry } from '../ledger.ts';
import { inPeriod, type Period } from './period.ts';
import { median, p90 } from './stats.ts';

export interface LatencyBin {
  label: string;
  /** Inclusive lower bound, in minutes. */
  minMinutes: number;
  /** Exclusive upper bound, in minutes; null for the open last bin. */
  maxMinutes: number | null;
  count: number;
}

export interface LatencySummary {
  samples: number;
  medianMinutes: number | null;
  p90Minutes: number | null;
  histogram: LatencyBin[];
}

export interface TimeToFirstTouch {
  system: LatencySummary;
  human: LatencySummary;
}

const H = 60;
export const LATENCY_BINS: ReadonlyArray<Omit<LatencyBin, 'count'>> = [
  { label: '<1h', minMinutes: 0, maxMinutes: H },
  { label: '1-4h', minMinutes: H, maxMinutes: 4 * H },
  { label: '4-8h', minMinutes: 4 * H, maxMinutes: 8 * H },
  { label: '8-24h', minMinutes: 8 * H, maxMinutes: 24 * H },
  { label: '24-72h', minMinutes: 24 * H, maxMinutes: 72 * H },
  { label: '>72h', minMinutes: 72 * H, maxMinutes: null },
];

export function summarizeLatency(minutes: readonly number[]): LatencySummary {
  return {
    samples: minutes.length,
    medianMinutes: median(minutes),
    p90Minutes: p90(minutes),
    histogram: LATENCY_BINS.map((bin, i) => ({
      ...bin,
      // The first bin also takes negative values (clock skew) so that every sample is counted once.
      count: minutes.filter(
        (m) => (i === 0 || m >= bin.minMinutes) && (bin.maxMinutes === null || m < bin.maxMinutes),
      ).length,
    })),
  };
}

/**
 * System latency is read from first hand-overs (cause assigned) only: a reassignment or a re-route after
 * review carries the minutes since the original MQL, which include time the lead spent with a rep.
 */
const isFirstHandover = (row: LedgerEntry): boolean =>
  row.to === 'assigned' && row.from !== 'assigned' && row.cause === 'assigned';

export function timeToFirstTouch(rows: readonly LedgerEntry[], period: Period): TimeToFirstTouch {
  const inside = rows.filter((r) => inPeriod(r.at, period));
  const system = inside.filter(isFirstHandover).map((r) => r.context?.systemLatencyMinutes);
  const human = inside.filter((r) => r.cause === 'first_touch').map((r) => r.context?.humanLatencyMinutes);
  return {
    system: summarizeLatency(system.filter((m) => m !== undefined)),
    human: summarizeLatency(human.filter((m) => m !== undefined)),
  };
}
