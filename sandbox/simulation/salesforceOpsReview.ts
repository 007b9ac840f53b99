// Marketing ops working the "Returned for review" campaign in Salesforce: a lead sent back as "wrong owner"
// (Baton moved it to the marketing queue) is given to another rep the next working day by the marketing user.
// Baton counts that as the review resolved and starts a new SLA. Other reject reasons stay in review.
import { SF_FIELDS } from '../../src/crm/salesforce/batonFields.ts';
import { afterBusinessHours } from './businessTime.ts';
import { batonStage, leadText, type OrgRep, type SalesforceSimulationContext } from './salesforceContext.ts';

/** The next rep in rotation who has not sent this lead back already. */
function nextOrgRep(ctx: SalesforceSimulationContext, leadId: string, turn: number): OrgRep | undefined {
  const excluded = ctx.returnedBy.get(leadId) ?? new Set<string>();
  const n = ctx.reps.length;
  return Array.from({ length: n }, (_, i) => ctx.reps[(turn + i) % n]).find(
    (r): r is OrgRep => r !== undefined && !excluded.has(r.userId),
  );
}

export function salesforceOpsReview(ctx: SalesforceSimulationContext) {
  const seen = new Set<string>();
  let turn = 1;
  const withRep = (leadId: string) =>
    ctx.reps.some((r) => r.userId === ctx.org.lead(leadId)?.values['OwnerId']);
  return {
    observe(nowMs: number): void {
      for (const lead of ctx.org.leads()) {
        const v = lead.values;
        if (v[SF_FIELDS.stage] !== 'returned' || v[SF_FIELDS.lastReason] !== 'wrong_owner') continue;
        const key = `${lead.id}:${leadText(ctx, lead.id, SF_FIELDS.returnedAt)}`;
        if (seen.has(key)) continue;
        seen.add(key);
        ctx.scheduler.schedule({
          at: afterBusinessHours(nowMs, ctx.scenario.reviewRerouteHours),
          kind: 'assign',
          label: 'ops re-routes',
          run: () => {
            const rep = nextOrgRep(ctx, lead.id, turn++);
            if (batonStage(ctx, lead.id) !== 'returned' || withRep(lead.id) || !rep) {
              ctx.stats.skipped++;
              return;
            }
            ctx.org.updateLead(lead.id, { OwnerId: rep.userId }, { userId: ctx.marketingUserId });
            ctx.stats.reroutes++;
          },
        });
      }
    },
  };
}
