// "Return to marketing" as the rep's quick action on the Lead record saves it: the reason, a note where the
// reason needs one, sometimes a re-engage date, and when it was requested, written as the rep (the LWC's
// lightning/uiRecordApi updateRecord). Baton picks the request up from the change event and clears it in the write
// that carries its effect. The rep goes through the quick action itself (sandbox/salesforce/quickActionReturn.ts):
// it refuses a lead it cannot return now and a return its reason does not allow.
import { quickActionReturn } from '../salesforce/quickActionReturn.ts';
import { DAY } from './businessTime.ts';
import type { ReturnChoice } from './returnReasons.ts';
import { stillTheirs, type OrgRep, type SalesforceSimulationContext } from './salesforceContext.ts';

/** A date as YYYY-MM-DD (the simulated reps' calendar is UTC). */
const dateOf = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

export function saveReturn(
  ctx: SalesforceSimulationContext,
  r: { leadId: string; rep: OrgRep; choice: ReturnChoice },
  atMs: number,
): void {
  const { leadId, rep, choice } = r;
  const reengageOn = choice.reengageInDays === undefined ? null : dateOf(atMs + choice.reengageInDays * DAY);
  const saved =
    stillTheirs(ctx, leadId, rep) &&
    quickActionReturn(
      ctx.org,
      leadId,
      rep.userId,
      { reason: choice.reason, note: choice.note ?? null, reengageOn },
      atMs,
    ).saved;
  if (!saved) {
    ctx.stats.skipped++;
    return;
  }
  ctx.stats.returns.sent++;
  const by = ctx.returnedBy.get(leadId) ?? new Set<string>();
  ctx.returnedBy.set(leadId, by.add(rep.userId));
}
