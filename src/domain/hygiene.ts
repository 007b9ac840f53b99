// Pipeline hygiene: leads that sit in a sales stage far longer than the tenant's own cycle (stalled), and
// worked leads with no activity for too long (went dark), leave the funnel so forecasts stay honest.
import type { Stage } from './stages.ts';

const DAY = 86_400_000;

export interface HygieneRules {
  stalledFactor: number;
  stalledFallbackDays: number;
  wentDarkDays: number;
}

/** Median days leads spend in a stage, measured from the tenant's history (absent until there is enough). */
export type MeasuredCycle = Partial<Record<Stage, number>>;

export function stalledAt(stage: Stage, enteredAt: Date, rules: HygieneRules, measured: MeasuredCycle): Date {
  const median = measured[stage];
  const days = median !== undefined && median > 0 ? median * rules.stalledFactor : rules.stalledFallbackDays;
  return new Date(enteredAt.getTime() + days * DAY);
}

export function wentDarkAt(lastActivityAt: Date, rules: HygieneRules): Date {
  return new Date(lastActivityAt.getTime() + rules.wentDarkDays * DAY);
}

export type HygieneVerdict = 'went_dark' | 'stalled' | null;

export function hygieneVerdict(
  lead: { stage: Stage; stageEnteredAt: Date; lastActivityAt: Date | null },
  rules: HygieneRules,
  measured: MeasuredCycle,
  now: Date,
): HygieneVerdict {
  if (lead.stage !== 'accepted' && lead.stage !== 'qualified') return null;
  const quietSince = lead.lastActivityAt ?? lead.stageEnteredAt;
  if (now.getTime() >= wentDarkAt(quietSince, rules).getTime()) return 'went_dark';
  if (now.getTime() >= stalledAt(lead.stage, lead.stageEnteredAt, rules, measured).getTime())
    return 'stalled';
  return null;
}
