// A rep's disqualification in the CRM's own lead workspace (HubSpot's Lead object) as Baton sees it: a "Return to
// marketing" with the reason the policy maps it to — or, when it cannot be one yet, a held return the rep and ops
// see. HubSpot's own pipeline rules cannot require a reason reliably (workflows, most APIs and super admins bypass
// them: knowledge.hubspot.com pipeline rules); Baton does not recycle on a guess.
import type { LeadEvent } from './decide/leadEvent.ts';
import type { LeadState } from './decide/leadState.ts';
import { mappedReason } from './policy/leadObjects.ts';
import type { Policy } from './policy/schema.ts';
import { findReason } from './reasons.ts';
import { RETURNABLE_STAGES } from './stages.ts';

/** The disqualification in the CRM's words. */
export interface CrmDisqualification {
  /** The CRM's record that was disqualified (HubSpot Lead record id). */
  recordId: string;
  /** The reason option's internal value; null when the rep gave none. */
  reason: string | null;
  /** Its label in the portal, when known. */
  reasonLabel: string | null;
  note: string | null;
  at: Date;
  /** The CRM user who moved it, when the CRM says. */
  byUserId: string | null;
}

export type LeadObjectVerdict =
  | { kind: 'return'; event: Extract<LeadEvent, { kind: 'returned' }> }
  /** Would be a return, but Baton needs something first: `why` says what, in words for the rep and ops. */
  | { kind: 'held'; why: string }
  /** Not a return of the current hand-off (an old record, a lead Baton does not hold in sales). */
  | { kind: 'not_news' };

export function leadObjectVerdict(
  state: LeadState | null,
  d: CrmDisqualification,
  policy: Policy,
): LeadObjectVerdict {
  if (!state || !RETURNABLE_STAGES.includes(state.stage)) return { kind: 'not_news' };
  // A record closed before this hand-off began, or a disqualification Baton already acted on.
  const handedAt = state.sla?.assignedAt ?? state.stageEnteredAt;
  if (d.at.getTime() < handedAt.getTime()) return { kind: 'not_news' };
  if (state.returnedAt && d.at.getTime() <= state.returnedAt.getTime()) return { kind: 'not_news' };
  const note = d.note?.trim() || null;
  if (!d.reason) {
    return {
      kind: 'held',
      why: "Disqualified without a reason: pick one on the lead, or return it from Baton's card",
    };
  }
  const shown = d.reasonLabel ?? d.reason;
  const code = mappedReason(policy.leadObjects, { value: d.reason, label: d.reasonLabel });
  const reason = code ? findReason(policy.reasons, code) : undefined;
  if (!reason) {
    return {
      kind: 'held',
      why: `The reason "${shown}" has no Baton reason yet: an admin maps it in the policy (leadObjects.reasonMap)`,
    };
  }
  if (reason.noteRequired && !note) {
    return {
      kind: 'held',
      why: `"${shown}" (Baton: ${reason.label}) needs a note: add a disqualification note on the lead, or return it from Baton's card`,
    };
  }
  return {
    kind: 'return',
    event: {
      kind: 'returned',
      at: d.at,
      byUserId: d.byUserId ?? 'unknown',
      reason: reason.code,
      ...(note && { note }),
    },
  };
}
