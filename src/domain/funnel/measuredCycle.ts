// The tenant's own cycle per stage (median days in stage), which pipeline hygiene scales to decide that a
// lead has stalled. A stage is left out until enough visits have ended, so hygiene uses its fallback.
import type { MeasuredCycle } from '../hygiene.ts';
import type { LedgerEntry } from '../ledger.ts';
import { visitsAt } from './leadHistory.ts';
import type { Period } from './period.ts';
import { DEFAULT_MIN_SAMPLE, median } from './stats.ts';
import { hoursInStage } from './velocity.ts';

export function measuredCycle(
  rows: readonly LedgerEntry[],
  period: Period,
  minSample = DEFAULT_MIN_SAMPLE,
): MeasuredCycle {
  const cycle: MeasuredCycle = {};
  for (const [stage, hours] of hoursInStage(visitsAt(rows, period.to), period)) {
    const mid = median(hours);
    if (hours.length >= minSample && mid !== null) cycle[stage] = mid / 24;
  }
  return cycle;
}
