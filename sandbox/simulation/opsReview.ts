// Marketing ops working the "Returned for review" list: a lead sent back as "wrong owner" goes to another rep
// the next working day (Baton counts that as the review resolved and starts a new SLA). Other reject reasons
// (duplicate, bad data, existing customer, already in pipeline) stay in review: fixing data is not simulated.
import { afterBusinessHours } from './businessTime.ts';
import { nextRep } from './assignmentWorkflow.ts';
import { handOverLeadRecord } from './leadRecords.ts';
import { onAssigned } from './reps.ts';
import { prop, type SimulationContext } from './simulationContext.ts';

export function opsReview(ctx: SimulationContext) {
  const seen = new Set<string>();
  let turn = 2;
  return {
    observe(nowMs: number): void {
      for (const c of ctx.portal.contacts()) {
        const p = c.properties;
        if (p['baton_stage'] !== 'returned' || p['baton_last_reason'] !== 'wrong_owner') continue;
        const key = `${c.id}:${p['baton_returned_at'] ?? ''}`;
        if (seen.has(key)) continue;
        seen.add(key);
        ctx.scheduler.schedule({
          at: afterBusinessHours(nowMs, ctx.scenario.reviewRerouteHours),
          kind: 'assign',
          label: 'ops re-routes',
          run: (stampAt) => {
            if (prop(ctx, c.id, 'baton_stage') !== 'returned' || prop(ctx, c.id, 'hubspot_owner_id')) {
              ctx.stats.skipped++;
              return;
            }
            const rep = nextRep(ctx, c.id, turn++);
            ctx.portal.setProperties(c.id, { hubspot_owner_id: rep.ownerId }, { at: stampAt });
            // Ops (the admin in the UI) creates the new rep's Lead record where they work Lead records.
            const admin = ctx.portal.installingUserId;
            handOverLeadRecord(ctx, c.id, rep, {
              at: stampAt,
              ...(admin !== undefined && { userId: admin }),
            });
            ctx.stats.reroutes++;
            onAssigned(ctx, c.id, rep, stampAt);
          },
        });
      }
    },
  };
}
