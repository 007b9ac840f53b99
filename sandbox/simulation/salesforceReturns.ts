// "Return to marketing" as the rep's quick action on the Lead record saves it: the reason, a note where the
// reason needs one, sometimes a re-engage date, and when it was requested, written as the rep (the LWC's
// lightning/uiRecordApi updateRecord). Baton picks the request up from the change event, then clears it.
// The rep goes through the quick action's own rules, the package's module (c/batonReturnRules) with its generated
// data (c/batonReasons): the action refuses a lead it cannot return now and a return its reason does not allow.
import { SF_RETURN_REQUEST } from '../../src/crm/salesforce/batonFields.ts';
import {
  NOT_RETURNABLE_WHY,
  REP_REASONS,
  RETURNABLE_STAGES,
} from '../../extensions/salesforce/force-app/main/default/lwc/batonReasons/batonReasons.js';
import {
  blockedReason,
  checkReturn,
} from '../../extensions/salesforce/force-app/main/default/lwc/batonReturnRules/batonReturnRules.js';
import { DAY } from './businessTime.ts';
import type { ReturnChoice } from './returnReasons.ts';
import {
  batonStage,
  leadText,
  stillTheirs,
  type OrgRep,
  type SalesforceSimulationContext,
} from './salesforceContext.ts';

/** A date as YYYY-MM-DD (the simulated reps' calendar is UTC). */
const dateOf = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

/** Why the quick action would not let the rep return the lead now, or null when it would. */
function whyNot(ctx: SalesforceSimulationContext, leadId: string): string | null {
  const lead = ctx.org.lead(leadId);
  return blockedReason(
    {
      // The org's reps have the "Baton" permission set, so they see Baton's fields.
      hasPermission: true,
      lead: lead && {
        converted: lead.values['IsConverted'] === true,
        batonFieldsVisible: true,
        stage: batonStage(ctx, leadId),
        requestedAt: leadText(ctx, leadId, SF_RETURN_REQUEST.requestedAt),
      },
    },
    { returnableStages: RETURNABLE_STAGES, notReturnableWhy: NOT_RETURNABLE_WHY },
  );
}

export function saveReturn(
  ctx: SalesforceSimulationContext,
  r: { leadId: string; rep: OrgRep; choice: ReturnChoice },
  atMs: number,
): void {
  const { leadId, rep, choice } = r;
  const reengageOn = choice.reengageInDays === undefined ? null : dateOf(atMs + choice.reengageInDays * DAY);
  const input = { reason: choice.reason, note: choice.note ?? '', reengageAt: reengageOn ?? '' };
  if (
    !stillTheirs(ctx, leadId, rep) ||
    whyNot(ctx, leadId) !== null ||
    checkReturn(input, dateOf(atMs), REP_REASONS).length > 0
  ) {
    ctx.stats.skipped++;
    return;
  }
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
