// The portal's lead-assignment workflow, as a HubSpot workflow would run it: enrolled when Baton marks a
// contact MQL (baton_stage becomes "mql") and it has no owner, it sets hubspot_owner_id to the next rep in
// rotation after a short delay. Baton hears of it by webhook, like any owner change. The rotation skips reps
// who already sent this contact back. A rep who works Lead records also gets a Lead record for the contact (the
// workflow's "create lead" action, leadRecords.ts).
import { handOverLeadRecord } from './leadRecords.ts';
import { dice } from './randomness.ts';
import { onAssigned } from './reps.ts';
import { prop, type Rep, type SimulationContext } from './simulationContext.ts';

/** How the workflow's change shows in HubSpot's change history (the sandbox has no AUTOMATION_PLATFORM source). */
export const WORKFLOW_SOURCE = { source: 'API', sourceId: 'workflow:lead-assignment' } as const;

export function nextRep(ctx: SimulationContext, contactId: string, turn: number): Rep {
  const excluded = ctx.returnedBy.get(contactId) ?? new Set<string>();
  for (let i = 0; i < ctx.reps.length; i++) {
    const rep = ctx.reps[(turn + i) % ctx.reps.length];
    if (rep && !excluded.has(rep.ownerId)) return rep;
  }
  const fallback = ctx.reps[turn % ctx.reps.length];
  if (!fallback) throw new Error('no reps');
  return fallback;
}

export function assignmentWorkflow(ctx: SimulationContext) {
  const enrolled = new Set<string>();
  let turn = 0;
  let enrollments = 0;
  return {
    observe(nowMs: number): void {
      for (const c of ctx.portal.contacts()) {
        if (enrolled.has(c.id) || c.properties['baton_stage'] !== 'mql' || c.properties['hubspot_owner_id'])
          continue;
        enrolled.add(c.id);
        const [lo, hi] = ctx.scenario.workflowDelayMinutes;
        const delay = dice(ctx.seed, 'workflow', c.id, ++enrollments).between(lo, hi) * 60_000;
        ctx.scheduler.schedule({
          at: nowMs + delay,
          kind: 'assign',
          label: 'workflow assigns',
          run: (stampAt) => {
            enrolled.delete(c.id);
            if (prop(ctx, c.id, 'baton_stage') !== 'mql' || prop(ctx, c.id, 'hubspot_owner_id')) {
              ctx.stats.skipped++;
              return;
            }
            const rep = nextRep(ctx, c.id, turn++);
            ctx.portal.setProperties(
              c.id,
              { hubspot_owner_id: rep.ownerId },
              { ...WORKFLOW_SOURCE, at: stampAt },
            );
            handOverLeadRecord(ctx, c.id, rep, { ...WORKFLOW_SOURCE, at: stampAt });
            ctx.stats.assignments++;
            onAssigned(ctx, c.id, rep, stampAt);
          },
        });
      }
    },
  };
}
