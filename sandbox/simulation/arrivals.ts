// New contacts: the portal's existing database at install (created over past months, a few of them active
// lately) and the inbound leads arriving while the scenario runs, each followed by their own engagement.
import { pickPersona, planArrival, workingDaysFrom } from './arrivalPlan.ts';
import { DAY, afterBusinessHours } from './businessTime.ts';
import { engagementPlan } from './engagementPlan.ts';
import { generateLead, type GeneratedLead } from './leadGenerator.ts';
import { dice } from './randomness.ts';
import type { SimulationContext } from './simulationContext.ts';
import { applyTouchpoint, scheduleTouchpoints } from './touchpoints.ts';

/** Creates the contact with its first form (the session's earlier page views are attributed to it). */
function createContact(
  ctx: SimulationContext,
  lead: GeneratedLead,
  arrival: ReturnType<typeof engagementPlan>,
) {
  const contact = ctx.portal.createContact(lead.properties, { source: 'FORM', at: arrival.createdAt });
  ctx.people.set(contact.id, lead);
  ctx.stats.contactsCreated++;
  for (const t of arrival.arrival) applyTouchpoint(ctx, contact.id, t);
  return contact;
}

/**
 * The contacts the portal had before Baton came: created 20–200 days ago; most went quiet, some are
 * active again this past week (and a few of those asked for a demo).
 */
export function seedExistingContacts(ctx: SimulationContext, nowMs: number): void {
  for (let i = 0; i < ctx.scenario.existingContacts; i++) {
    const d = dice(ctx.seed, 'existing', i);
    const who = pickPersona(ctx.scenario.personas, d);
    const lead = generateLead(d, who, i + 1);
    const plan = engagementPlan(who, nowMs - d.int(20, 200) * DAY, d);
    const contact = createContact(ctx, lead, plan);
    for (const t of plan.later.filter((p) => p.at < nowMs)) applyTouchpoint(ctx, contact.id, t);
    if (d.chance(0.2)) {
      // Active lately: back on the site in the last few days.
      const recent = nowMs - d.int(1, 6) * DAY;
      const form = who === 'hand_raiser' || who === 'evaluator' ? 'Request a demo' : 'Newsletter signup';
      applyTouchpoint(ctx, contact.id, { kind: 'page', url: '/pricing', at: recent });
      if (d.chance(0.6)) applyTouchpoint(ctx, contact.id, { kind: 'form', name: form, at: recent + 120_000 });
    }
    ctx.stats.existingContacts++;
  }
}

/** Inbound arrivals spread over the scenario's first working days, mostly in working hours. */
export function scheduleArrivals(ctx: SimulationContext, startMs: number): number {
  const days = workingDaysFrom(startMs, ctx.scenario.arrivalWorkingDays);
  let last = startMs;
  for (let i = 0; i < ctx.scenario.arrivals; i++) {
    const {
      d,
      at,
      persona: who,
      lead,
    } = planArrival({
      seed: ctx.seed,
      i,
      days,
      startMs,
      personas: ctx.scenario.personas,
      number: ctx.scenario.existingContacts + i + 1,
    });
    const plan = engagementPlan(who, at, d);
    last = Math.max(last, plan.createdAt);
    ctx.scheduler.schedule({
      at: plan.createdAt,
      kind: 'work',
      label: `arrival ${who}`,
      run: () => {
        const contact = createContact(ctx, lead, plan);
        const until = plan.createdAt + ctx.scenario.engagementWithinDays * DAY;
        scheduleTouchpoints(
          ctx,
          contact.id,
          plan.later.filter((t) => t.at <= until),
          who,
        );
      },
    });
  }
  return last;
}

/** When the last arrival's own first working day is over (for the scenario's end). */
export const arrivalsSettledBy = (lastArrivalMs: number): number => afterBusinessHours(lastArrivalMs, 8);
