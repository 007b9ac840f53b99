// Sales reps in the HubSpot portal working the leads handed to them, by the plan their profile gives each
// hand-off (handoffPlan.ts): a call, an email or a meeting logged in HubSpot, the lifecycle stage moved to
// opportunity or customer, or "Return to marketing" clicked in Baton's card — or, for reps who work Lead records
// in the prospecting workspace, the Lead record disqualified instead.
import { planHandoff, stepLabel, type HandoffStep } from './handoffPlan.ts';
import { disqualifyLeadRecord } from './leadDisqualifications.ts';
import { dice } from './randomness.ts';
import { prop, type Rep, type SimulationContext } from './simulationContext.ts';
import { sendReturn } from './repReturns.ts';

/** The rep still owns the lead (Baton has not recycled it, ops has not moved it). */
const stillTheirs = (ctx: SimulationContext, contactId: string, rep: Rep) =>
  prop(ctx, contactId, 'hubspot_owner_id') === rep.ownerId;

/** Carries one planned step out in the portal, stamped with when it happened. */
function perform(
  ctx: SimulationContext,
  contactId: string,
  rep: Rep,
  step: HandoffStep,
  stampAt: number,
): void | Promise<void> {
  if (step.kind === 'return') {
    const { choice, requestId, doubleClick } = step;
    if (rep.workspace === 'leads') return disqualifyLeadRecord(ctx, { contactId, rep, choice, at: stampAt });
    return sendReturn(ctx, { contactId, rep, choice, requestId, doubleClick });
  }
  if (!stillTheirs(ctx, contactId, rep)) {
    ctx.stats.skipped++;
    return;
  }
  const p = ctx.portal;
  switch (step.kind) {
    case 'touch':
      if (step.touch === 'call') {
        p.logCall(contactId, rep.ownerId, stampAt, {
          hs_call_title: 'Intro call',
          hs_call_duration: '420000',
        });
        ctx.stats.touches.calls++;
      } else if (step.touch === 'email') {
        p.logEmail(contactId, rep.ownerId, stampAt, { hs_email_subject: 'Following up on your request' });
        ctx.stats.touches.emails++;
      } else {
        p.logMeeting(contactId, rep.ownerId, stampAt, { hs_meeting_title: 'Discovery call' });
        ctx.stats.touches.meetings++;
      }
      return;
    case 'opportunity':
    case 'customer':
      p.setProperties(contactId, { lifecyclestage: step.kind }, { userId: rep.userId, at: stampAt });
      if (step.kind === 'opportunity') ctx.stats.opportunities++;
      else ctx.stats.wins++;
      return;
  }
}

/** The rep's plan for one hand-off, decided when it lands in their queue. */
export function onAssigned(ctx: SimulationContext, contactId: string, rep: Rep, assignedAt: number): void {
  const n = (ctx.handoffs.get(contactId) ?? 0) + 1;
  ctx.handoffs.set(contactId, n);
  const steps = planHandoff({
    d: dice(ctx.seed, 'handoff', contactId, n),
    profile: rep.profile,
    lead: ctx.people.get(contactId),
    assignedAt,
    doubleClickShare: ctx.scenario.doubleClickShare,
  });
  for (const step of steps) {
    ctx.scheduler.schedule({
      at: step.at,
      kind: 'work',
      label: stepLabel(rep.profile, step),
      run: (stampAt) => perform(ctx, contactId, rep, step, stampAt),
      essential: step.weight === 'outcome',
    });
  }
}
