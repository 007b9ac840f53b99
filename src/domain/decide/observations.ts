// Folding new observations into the lead: profile fields and engagement history.
import type { EngagementEvent, LeadProfile } from '../scoring/profile.ts';
import type { DecisionContext } from './draft.ts';

/** Engagement older than this many half-lives weighs under 0.4 %: it is dropped to keep state small. */
const KEPT_HALF_LIVES = 8;

export function mergeProfile(current: LeadProfile, update: LeadProfile): LeadProfile {
  const next = { ...current };
  for (const [k, v] of Object.entries(update) as Array<[keyof LeadProfile, LeadProfile[keyof LeadProfile]]>) {
    if (v !== undefined) (next as Record<string, unknown>)[k] = v;
  }
  return next;
}

/** Opt-outs and bounces are states, not occurrences: each counts once, from when it was first seen. */
const STATE_SIGNALS: ReadonlySet<EngagementEvent['type']> = new Set(['unsubscribe', 'email_bounce']);

const eventKey = (e: EngagementEvent) =>
  STATE_SIGNALS.has(e.type) ? e.type : `${e.type}|${e.at.getTime()}|${e.detail ?? ''}`;

export function mergeEngagement(
  current: readonly EngagementEvent[],
  incoming: readonly EngagementEvent[],
  ctx: DecisionContext,
): EngagementEvent[] {
  const keepAfter = ctx.now.getTime() - KEPT_HALF_LIVES * ctx.policy.scoring.halfLifeDays * 86_400_000;
  const byKey = new Map<string, EngagementEvent>();
  for (const e of [...current, ...incoming]) {
    if (e.at.getTime() < keepAfter) continue;
    const key = eventKey(e);
    const seen = byKey.get(key);
    if (!seen || e.at.getTime() < seen.at.getTime()) byKey.set(key, e);
  }
  return [...byKey.values()].toSorted((a, b) => a.at.getTime() - b.at.getTime());
}
