// POST /api/hubspot/leads/:leadId/return — "Return to marketing" from the card. Responds with the lead's new
// stage, or field problems in words. Only the lead's owner, their manager or a Baton admin of the portal may
// return it: anyone else gets a 403 whose message the card shows as it is.
import type { RequestHandler } from 'express';
import { startOfDayIn } from '../../domain/sla/calendarDay.ts';
import { z } from 'zod';
import { passportOf, peopleIn } from '../../app/leadPassport.ts';
import { ledgerOfLead } from '../../store/ledger.ts';
import { BatonError } from '../../errors.ts';
import { storableText } from '../../domain/storableText.ts';
import { returnToMarketing, type ReturnDeps } from '../../app/returnToMarketing.ts';
import { callerOf } from '../hubspotSignedRequest.ts';

export const returnBody = z.strictObject({
  reason: storableText().min(1).max(40),
  note: storableText().max(2000).optional(),
  reengageAt: z.iso.date('reengageAt must be a date as YYYY-MM-DD').optional(),
  requestId: storableText().min(8).max(100),
});

const params = z.object({ leadId: z.string().regex(/^\d{1,20}$/, 'leadId must be a HubSpot record id') });

export function postLeadReturn(deps: ReturnDeps): RequestHandler {
  return async (req, res) => {
    const caller = callerOf(res);
    const { leadId } = params.parse(req.params);
    const body = returnBody.parse(caller.body);
    const outcome = await returnToMarketing(deps, caller.tenant, {
      leadId,
      userId: caller.userId,
      reason: body.reason,
      note: body.note,
      // A date the rep picks is the start of that day in the portal's time zone.
      reengageAt: body.reengageAt ? startOfDayIn(body.reengageAt, caller.tenant.policy.timeZone) : undefined,
      requestId: body.requestId,
    });
    if (!outcome.ok) {
      const p = outcome.problem;
      if (p.kind === 'invalid_return')
        throw new BatonError('invalid_input', 'The return is not complete', { problems: p.problems });
      if (p.kind === 'forbidden') throw new BatonError('forbidden', p.message);
      if (p.kind === 'crm_unavailable') throw new BatonError('unavailable', p.message);
      if (p.kind === 'unknown_lead') throw new BatonError('not_found', p.message);
      throw new BatonError('conflict', p.message);
    }
    // The card shows the lead's new passport at once (the CRM's own properties follow with the next flush).
    const history = await ledgerOfLead(deps.db, caller.tenant.id, leadId);
    const names =
      (await deps.userNames?.(caller.tenant, peopleIn(outcome.state, history))) ?? new Map<string, string>();
    res.json({
      leadId,
      stage: outcome.state.stage,
      recycleCount: outcome.state.recycleCount,
      lastReason: outcome.state.lastReason,
      duplicate: outcome.duplicate,
      passport: passportOf(outcome.state, history, caller.tenant.policy, deps.now(), names),
    });
  };
}
