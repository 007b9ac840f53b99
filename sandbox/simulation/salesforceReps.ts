// Sales reps in the Salesforce org working the leads Baton holds them to, by the plan their profile gives each
// hand-off (handoffPlan.ts): calls and emails logged as completed tasks, meetings as events, the lead converted
// for an opportunity, or "Return to marketing" through the quick action. A won deal happens on the opportunity,
// not on the lead, so the plan's "customer" step has nothing to do here.
import { planHandoff, stepLabel, type HandoffStep } from './handoffPlan.ts';
import { dice } from './randomness.ts';
import { stillTheirs, type OrgRep, type SalesforceSimulationContext } from './salesforceContext.ts';
import { saveReturn } from './salesforceReturns.ts';

function perform(
  ctx: SalesforceSimulationContext,
  leadId: string,
  rep: OrgRep,
  step: HandoffStep,
  stampAt: number,
): void {
  if (step.kind === 'return') {
    saveReturn(ctx, { leadId, rep, choice: step.choice }, stampAt);
    return;
  }
  if (step.kind === 'customer') return;
  if (!stillTheirs(ctx, leadId, rep)) {
    // After a conversion the follow-ups happen on the opportunity: nothing dropped.
    if (ctx.org.lead(leadId)?.values['IsConverted'] !== true) ctx.stats.skipped++;
    return;
  }
  const org = ctx.org;
  if (step.kind === 'opportunity') {
    org.convertLead(leadId, { userId: rep.userId });
    ctx.stats.opportunities++;
    return;
  }
  switch (step.touch) {
    case 'call':
      org.logCall(leadId, rep.userId, stampAt, { Subject: 'Intro call', CallDurationInSeconds: 420 });
      ctx.stats.touches.calls++;
      return;
    case 'email':
      org.logEmail(leadId, rep.userId, stampAt, { Subject: 'Following up on your request' });
      ctx.stats.touches.emails++;
      return;
    case 'meeting':
      org.logMeeting(leadId, rep.userId, stampAt, 30, { Subject: 'Discovery call' });
      ctx.stats.touches.meetings++;
      return;
  }
}

/** The rep's plan for one hand-off, decided when Baton shows it in their SLA queue. */
export function onOrgHandoff(
  ctx: SalesforceSimulationContext,
  leadId: string,
  rep: OrgRep,
  assignedAt: number,
): void {
  const n = (ctx.handoffs.get(leadId) ?? 0) + 1;
  ctx.handoffs.set(leadId, n);
  ctx.stats.assignments++;
  const steps = planHandoff({
    d: dice(ctx.seed, 'handoff', leadId, n),
    profile: rep.profile,
    lead: ctx.people.get(leadId),
    assignedAt,
    // The quick action's button is disabled while it saves: no double clicks in Salesforce.
    doubleClickShare: 0,
  });
  for (const step of steps) {
    ctx.scheduler.schedule({
      at: step.at,
      kind: 'work',
      label: stepLabel(rep.profile, step),
      run: (stampAt) => perform(ctx, leadId, rep, step, stampAt),
      essential: step.weight === 'outcome',
    });
  }
}
