// "Return to marketing" as the rep's quick action on the Lead record saves it: the reason, a note where the
// reason needs one, sometimes a re-engage date, and when it was requested, written as the rep (the LWC's
// lightning/uiRecordApi updateRecord). Baton picks the request up from the change event, then clears it.
import { SF_RETURN_REQUEST } from '../../src/crm/salesforce/batonFields.ts';
import { DAY } from './businessTime.ts';
import type { ReturnChoice } from './returnReasons.ts';
import {
  batonStage,
  stillTheirs,
  type OrgRep,
  type SalesforceSimulationContext,
} from './salesforceContext.ts';

/** Where the quick action is offered: while sales holds the lead and before it is converted. */
const RETURNABLE = new Set(['assigned', 'accepted']);

export function saveReturn(
  ctx: SalesforceSimulationContext,
  r: { leadId: string; rep: OrgRep; choice: ReturnChoice },
  atMs: number,
): void {
  const { leadId, rep, choice } = r;
  if (!stillTheirs(ctx, leadId, rep) || !RETURNABLE.has(batonStage(ctx, leadId))) {
    ctx.stats.skipped++;
    return;
  }
  const reengageOn =
    choice.reengageInDays === undefined
      ? null
      : new Date(atMs + choice.reengageInDays * DAY).toISOString().slice(0, 10);
  ctx.org.updateAsUser(
    leadId,
    {
      [SF_RETURN_REQUEST.reason]: choice.reason,
      [SF_RETURN_REQUEST.note]: choice.note ?? null,
      [SF_RETURN_REQUEST.reengageAt]: reengageOn,
      [SF_RETURN_REQUEST.requestedAt]: new Date(atMs).toISOString(),
    },
    rep.userId,
  );
  ctx.stats.returns.sent++;
  const by = ctx.returnedBy.get(leadId) ?? new Set<string>();
  ctx.returnedBy.set(leadId, by.add(rep.userId));
}
