// Velocity: how long leads stay in each stage, from the visits that ended in the period; and stagnation:
// leads sitting in a stage at the period's end for longer than that stage's median.
import type { LedgerEntry } from '../ledger.ts';
import { STAGES, TERMINAL_STAGES, type Stage } from '../stages.ts';
import { visitsAt, type StageVisit } from './leadHistory.ts';
import { HOUR_MS, inPeriod, type Period } from './period.ts';
import { median, p90 } from './stats.ts';

/** Stages a lead can leave; won and disqualified are for good. */
export const TIMED_STAGES: readonly Stage[] = STAGES.filter((s) => !TERMINAL_STAGES.includes(s));

export interface StageVelocity {
  stage: Stage;
  /** Visits that ended in the period (a stage passed in the same instant counts, with 0 hours). */
  samples: number;
  medianHours: number | null;
  p90Hours: number | null;
  /** Leads in the stage at the period's end. */
  current: number;
  /** Of those, leads there longer than the median; null while there is no median. */
  stagnant: number | null;
}

const hoursBetween = (from: Date, to: Date): number => (to.getTime() - from.getTime()) / HOUR_MS;

/** Hours in stage of every visit that ended in the period, per stage. */
export function hoursInStage(leads: readonly StageVisit[][], period: Period): Map<Stage, number[]> {
  const hours = new Map<Stage, number[]>(TIMED_STAGES.map((s) => [s, []]));
  for (const visit of leads.flat()) {
    if (visit.leftAt && inPeriod(visit.leftAt, period))
      hours.get(visit.stage)?.push(hoursBetween(visit.enteredAt, visit.leftAt));
  }
  return hours;
}

export function velocity(rows: readonly LedgerEntry[], period: Period): StageVelocity[] {
  const leads = visitsAt(rows, period.to);
  const hours = hoursInStage(leads, period);
  const sitting = leads.flatMap((visits) => visits.filter((v) => v.leftAt === null));
  return TIMED_STAGES.map((stage) => {
    const samples = hours.get(stage) ?? [];
    const mid = median(samples);
    const ages = sitting.filter((v) => v.stage === stage).map((v) => hoursBetween(v.enteredAt, period.to));
    return {
      stage,
      samples: samples.length,
      medianHours: mid,
      p90Hours: p90(samples),
      current: ages.length,
      stagnant: mid === null ? null : ages.filter((age) => age > mid).length,
    };
  });
}
