// The reps' view of Baton in Salesforce: a lead Baton marks "assigned" with an SLA due date (its funnel card
// counts down) is a new hand-off for the rep who owns it, who then plans what to do with it. A new due date on
// the same lead (re-routed after a review) is another hand-off.
import { SF_FIELDS } from '../../src/crm/salesforce/batonFields.ts';
import { leadText, type SalesforceSimulationContext } from './salesforceContext.ts';
import { onOrgHandoff } from './salesforceReps.ts';

export function handoffWatch(ctx: SalesforceSimulationContext) {
  const seen = new Set<string>();
  return {
    observe(nowMs: number): void {
      for (const lead of ctx.org.leads()) {
        const v = lead.values;
        if (v[SF_FIELDS.stage] !== 'assigned' || !v[SF_FIELDS.slaDueAt]) continue;
        const key = `${lead.id}:${leadText(ctx, lead.id, SF_FIELDS.slaDueAt)}`;
        if (seen.has(key)) continue;
        seen.add(key);
        const rep = ctx.reps.find((r) => r.userId === v['OwnerId']);
        if (rep) onOrgHandoff(ctx, lead.id, rep, nowMs);
      }
    },
  };
}
