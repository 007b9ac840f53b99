// A rep who works Lead records sends a lead back by disqualifying its Lead record in the prospecting workspace
// (where a card user clicks "Return to marketing"): the record moves to its pipeline's Disqualified stage with the
// reason option and note they pick (leadReasonOptions.ts). Baton learns of it from the portal's webhooks, as any
// rep's edit; whether it recycles or holds the lead shows in the portal afterwards, not here. A rep who left the
// reason empty sees Baton's hold on the card the next working day and picks the reason they meant on the record.
import { localTime, nextWorkingDayAt } from './businessTime.ts';
import { intendedDisqualification, leadDisqualification } from './leadReasonOptions.ts';
import { openLeadOf } from './leadRecords.ts';
import { dice } from './randomness.ts';
import type { ReturnChoice } from './returnReasons.ts';
import { bump } from './simulationStats.ts';
import { prop, type Rep, type SimulationContext } from './simulationContext.ts';

export function disqualifyLeadRecord(
  ctx: SimulationContext,
  r: { contactId: string; rep: Rep; choice: ReturnChoice; at: number },
): void {
  const { contactId, rep } = r;
  const lead = openLeadOf(ctx.portal, contactId, rep);
  // Gone from their workspace (closed, reassigned) or no longer their contact (Baton recycled it, ops moved it).
  if (!lead || prop(ctx, contactId, 'hubspot_owner_id') !== rep.ownerId) {
    ctx.stats.skipped++;
    return;
  }
  // Its own stream per Lead record: the handoff's stream stays as card reps' runs have it.
  const { reason, note } = leadDisqualification(r.choice, dice(ctx.seed, 'lead-disqualify', lead.id));
  ctx.portal.disqualifyLead(lead.id, reason, note, { userId: rep.userId, at: r.at });
  ctx.stats.leadRecords.disqualified++;
  bump(ctx.stats.leadRecords.reasons, reason ?? 'none');
  const by = ctx.returnedBy.get(contactId) ?? new Set<string>();
  ctx.returnedBy.set(contactId, by.add(rep.ownerId));
  if (reason === null) scheduleReasonFollowUp(ctx, { ...r, leadId: lead.id });
}

/** The next working day at 10:00 the rep opens the record, sees the hold, and gives the reason on it. */
function scheduleReasonFollowUp(
  ctx: SimulationContext,
  r: { contactId: string; rep: Rep; choice: ReturnChoice; at: number; leadId: string },
): void {
  ctx.scheduler.schedule({
    at: nextWorkingDayAt(localTime(r.at, 1, 0), 10),
    kind: 'work',
    label: `${r.rep.profile.name} rep gives the reason on a held Lead record`,
    essential: true,
    run: (stampAt) => {
      const record = ctx.portal.leadsOfContact(r.contactId).find((l) => l.id === r.leadId);
      const stillHeld =
        record !== undefined &&
        !record.properties['hs_lead_disqualification_reason'] &&
        ctx.portal.closedLeadStages().includes(record.properties['hs_pipeline_stage'] ?? '') &&
        prop(ctx, r.contactId, 'hubspot_owner_id') === r.rep.ownerId;
      if (!stillHeld) {
        ctx.stats.skipped++;
        return;
      }
      const { reason, note } = intendedDisqualification(r.choice);
      ctx.portal.disqualifyLead(r.leadId, reason, note, { userId: r.rep.userId, at: stampAt });
      ctx.stats.leadRecords.reasonsGivenLater++;
    },
  });
}
