// Recycling must not loop: a recycled lead comes back only with new engagement after its cooldown, and
// too many recycles disqualify it.
import type { EngagementEvent } from './scoring/profile.ts';

const DAY = 86_400_000;

export interface RecycleRules {
  cooldownDays: number;
  maxRecycles: number;
}

/** The recycle that would exceed the maximum disqualifies instead ("exhausted"). */
export function recycleExhausts(recycleCount: number, rules: RecycleRules): boolean {
  return recycleCount + 1 > rules.maxRecycles;
}

/** The earliest instant a recycled lead may become an MQL again. */
export function reMqlNotBefore(
  recycle: { recycledAt: Date; reengageAt: Date | null },
  rules: RecycleRules,
): Date {
  const cooldownEnd = recycle.recycledAt.getTime() + rules.cooldownDays * DAY;
  return new Date(Math.max(cooldownEnd, recycle.reengageAt?.getTime() ?? 0));
}

export type ReMqlCheck = { allowed: true } | { allowed: false; why: 'cooldown' | 'no_new_engagement' };

export function reMqlCheck(
  recycle: { recycledAt: Date; reengageAt: Date | null },
  engagement: readonly EngagementEvent[],
  rules: RecycleRules,
  now: Date,
): ReMqlCheck {
  if (now.getTime() < reMqlNotBefore(recycle, rules).getTime()) return { allowed: false, why: 'cooldown' };
  const engagedSince = engagement.some(
    (e) => e.at.getTime() > recycle.recycledAt.getTime() && e.at.getTime() <= now.getTime(),
  );
  return engagedSince ? { allowed: true } : { allowed: false, why: 'no_new_engagement' };
}
