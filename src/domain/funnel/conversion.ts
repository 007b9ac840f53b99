// Stage-to-stage conversion along the success path: of the leads that entered a stage in the period, the
// share that went on to the next success stage by the period's end (whenever in that span they got there).
import type { LedgerEntry } from '../ledger.ts';
import { SUCCESS_PATH, type Stage } from '../stages.ts';
import { visitsAt } from './leadHistory.ts';
import { inPeriod, type Period } from './period.ts';
import { ratio } from './stats.ts';

export interface StageConversion {
  from: Stage;
  to: Stage;
  /** Distinct leads that entered `from` in the period. */
  entered: number;
  /** Of those, leads that later entered `to` (or a stage past it on the success path). */
  converted: number;
  rate: number | null;
}

// A lead that skipped the next stage (assigned → qualified: the touch is implied) still got past it.
const STEPS = SUCCESS_PATH.flatMap((from, i) => {
  const to = SUCCESS_PATH[i + 1];
  return to ? [{ from, to, onward: SUCCESS_PATH.slice(i + 1) }] : [];
});

export function conversion(rows: readonly LedgerEntry[], period: Period): StageConversion[] {
  const leads = visitsAt(rows, period.to);
  return STEPS.map(({ from, to, onward }) => {
    let entered = 0;
    let converted = 0;
    for (const visits of leads) {
      // Measured from the lead's first entry in the period, so a lead counts once per stage.
      const first = visits.findIndex((v) => v.stage === from && inPeriod(v.enteredAt, period));
      if (first < 0) continue;
      entered += 1;
      if (visits.slice(first + 1).some((v) => onward.includes(v.stage))) converted += 1;
    }
    return { from, to, entered, converted, rate: ratio(converted, entered) };
  });
}
