// Leads in the Salesforce org: the list it already had at install (imported with the assignment rule) and the
// inbound leads arriving through the website's web-to-lead form while the scenario runs. Web-to-lead runs the
// org's active assignment rule, so each lead arrives owned by a rep: that is the hand-off, and like the HubSpot
// workflow's assignments it happens when its step comes (its SLA then falls on a later step).
import { pickPersona, planArrival, workingDaysFrom } from './arrivalPlan.ts';
import { generateLead, type GeneratedLead } from './leadGenerator.ts';
import { dice } from './randomness.ts';
import type { SalesforceSimulationContext } from './salesforceContext.ts';
import { importedLeadFields, webToLeadFields } from './salesforceLeadFields.ts';

function createLead(ctx: SalesforceSimulationContext, lead: GeneratedLead, fields: Record<string, unknown>) {
  const created = ctx.org.createLead(fields, { assign: true, userId: ctx.marketingUserId });
  ctx.people.set(created.id, lead);
  ctx.stats.contactsCreated++;
  return created;
}

/** The org's leads from before Baton came: an imported list, owned by the territories' reps. */
export function seedExistingLeads(ctx: SalesforceSimulationContext): void {
  for (let i = 0; i < ctx.scenario.existingLeads; i++) {
    const d = dice(ctx.seed, 'existing', i);
    const lead = generateLead(d, pickPersona(ctx.scenario.personas, d), i + 1);
    createLead(ctx, lead, importedLeadFields(lead, d));
    ctx.stats.existingContacts++;
  }
}

/** Plans the web-to-lead arrivals over the scenario's first working days; returns when the last one arrives. */
export function scheduleLeadArrivals(ctx: SalesforceSimulationContext, startMs: number): number {
  const days = workingDaysFrom(startMs, ctx.scenario.arrivalWorkingDays);
  let last = startMs;
  for (let i = 0; i < ctx.scenario.arrivals; i++) {
    const { d, at, persona, lead } = planArrival({
      seed: ctx.seed,
      i,
      days,
      startMs,
      personas: ctx.scenario.personas,
      number: ctx.scenario.existingLeads + i + 1,
    });
    const fields = webToLeadFields(lead, d);
    last = Math.max(last, at);
    ctx.scheduler.schedule({
      at,
      kind: 'assign',
      label: `web-to-lead ${persona}`,
      run: () => {
        createLead(ctx, lead, fields);
      },
    });
  }
  return last;
}
