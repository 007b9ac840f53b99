// Marketing's side of the SLA: MQLs delivered against the commitment (the policy's, or what sales can work), and
// their quality — the share sales accepted (not rejected) against 1 − the reject-rate target.
import type { LedgerEntry } from '../ledger.ts';
import { inPeriod, type Period } from '../funnel/period.ts';
import { ratio } from '../funnel/stats.ts';
import type { Commitment } from '../policy/commitment.ts';
import { weeksIn } from './scorecardPeriod.ts';

/** A lead entering MQL: scored, a hand-raise, or back after recycling (a re-MQL is delivered again). */
export const isMqlEntry = (row: LedgerEntry): boolean => row.to === 'mql' && row.from !== 'mql';

export const mqlsIn = (rows: readonly LedgerEntry[], period: Period): number =>
  rows.filter((r) => isMqlEntry(r) && inPeriod(r.at, period)).length;

const WEEKS_PER_MONTH = 52 / 12;

export interface MqlCommitment {
  /** For the whole period; null when neither the policy nor the capacity plan gives one. */
  committed: number | null;
  committedFrom: 'policy' | 'capacity' | null;
  /** The part of it due by now (all of it once the period is over). */
  committedToDate: number | null;
  /** What sales can work in the period so far, at the measured pace (null without enough history). */
  capacityToDate: number | null;
}

/** The share of the period gone by at `now` (0–1). */
export function elapsedShare(period: Period, now: Date): number {
  const span = period.to.getTime() - period.from.getTime();
  return Math.min(1, Math.max(0, (now.getTime() - period.from.getTime()) / span));
}

export function mqlCommitment(
  period: Period,
  opts: { commitment: Commitment; mqlTargetPerWeek: number | null; elapsed: number },
): MqlCommitment {
  const weeks = weeksIn(period);
  const capacity = opts.mqlTargetPerWeek === null ? null : opts.mqlTargetPerWeek * weeks;
  const fromPolicy = opts.commitment.mqlsPerMonth;
  const committed = fromPolicy !== null ? (fromPolicy * weeks) / WEEKS_PER_MONTH : capacity;
  const round = (n: number | null) => (n === null ? null : Math.round(n));
  return {
    committed: round(committed),
    committedFrom: fromPolicy !== null ? 'policy' : capacity !== null ? 'capacity' : null,
    committedToDate: round(committed === null ? null : committed * opts.elapsed),
    capacityToDate: round(capacity === null ? null : capacity * opts.elapsed),
  };
}

/** Accepted = handed over and not rejected; null with nothing handed over. */
export const acceptRate = (handedOver: number, rejects: number): number | null =>
  ratio(handedOver - Math.min(rejects, handedOver), handedOver);
