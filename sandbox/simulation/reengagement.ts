// Marketing re-engaging recycled leads: some of the leads in Baton's nurture lists respond to a nurture
// email weeks later (a click, a visit to pricing, for some a demo request). Baton must only make them MQL
// again after its cooldown (30 days by default, or the rep's re-engage date), on new engagement.
import { DEFAULT_POLICY } from '../../src/domain/policy/defaults.ts';
import { DAY } from './businessTime.ts';
import { reengagementPlan } from './engagementPlan.ts';
import { dice } from './randomness.ts';
import type { SimulationContext } from './simulationContext.ts';
import { scheduleTouchpoints } from './touchpoints.ts';

const COOLDOWN_MS = DEFAULT_POLICY.recycle.cooldownDays * DAY;

/** Who answers a nurture email: buyers far more often than the curious; never students or competitors. */
const RESPONSIVENESS: Record<string, number> = {
  hand_raiser: 1.3,
  evaluator: 1.3,
  researcher: 0.8,
  casual: 0.4,
};

/** When a contact's baton_stage last became "recycled", from the portal's property history. */
function recycledAt(ctx: SimulationContext, contactId: string): number | null {
  const versions = ctx.portal.contact(contactId)?.history['baton_stage'] ?? [];
  return versions.findLast((v) => v.value === 'recycled')?.timestamp ?? null;
}

export function reengagement(ctx: SimulationContext, startMs: number) {
  const seen = new Set<string>();
  /** Until when Baton may still turn a re-engaged lead into an MQL (the scenario waits for it). */
  let expectUntil = 0;
  return {
    get expectUntil() {
      return expectUntil;
    },
    observe(): void {
      const { share, afterDays, recycledWithinDays } = ctx.scenario.reengagement;
      if (share <= 0) return;
      for (const c of ctx.portal.contacts()) {
        if (c.properties['baton_stage'] !== 'recycled') continue;
        const key = `${c.id}:${c.properties['baton_recycle_count'] ?? ''}`;
        if (seen.has(key)) continue;
        seen.add(key);
        const since = recycledAt(ctx, c.id);
        if (since === null || since > startMs + recycledWithinDays * DAY) continue;
        const d = dice(ctx.seed, 'reengage', key);
        const weight = RESPONSIVENESS[ctx.people.get(c.id)?.persona ?? ''] ?? 0;
        if (!d.chance(Math.min(1, share * weight))) continue;
        const touchpoints = reengagementPlan(
          since + d.between(afterDays[0], afterDays[1]) * DAY,
          d,
          d.chance(0.5),
        );
        scheduleTouchpoints(ctx, c.id, touchpoints, 'nurture');
        ctx.stats.reengaged++;
        const last = touchpoints.at(-1)?.at ?? since;
        expectUntil = Math.max(expectUntil, last, since + COOLDOWN_MS, ctx.reengageDates.get(c.id) ?? 0);
      }
    },
  };
}
