// The append-only ledger: one row per stage change (and per SLA milestone), read by analytics and the funnel card.
import type { Stage } from './stages.ts';

/** Why a row was written. Closed set: analytics group by it. */
export const LEDGER_CAUSES = [
  'created', // first seen by Baton
  'score_qualified', // scores crossed the MQL rule
  'hand_raise', // fast track: demo request, contact-sales form
  'assigned', // an owner was set (by the CRM, routing or Baton)
  'reassigned', // a different owner while still assigned
  'unassigned', // the owner was removed before anyone worked the lead
  'first_touch', // the rep worked the lead: SLA met or missed
  'sla_reminder', // reminder sent at the reminder threshold
  'sla_breach', // the first-touch deadline passed untouched
  'sla_escalated', // the manager was told (at the escalation threshold)
  'sla_untouched', // auto-recycled, untouched past the recycle threshold
  'rep_returned', // a rep clicked "Return to marketing" with a reason
  'review_resolved', // marketing ops acted on a returned lead
  're_engaged', // new engagement after the cooldown: back to MQL
  'exhausted', // too many recycles: disqualified
  'stalled', // sat in a sales stage far longer than the measured cycle
  'went_dark', // worked lead, no activity for too long
  'opportunity', // opportunity created (SQL)
  'closed_won',
  'closed_lost',
] as const;

export type LedgerCause = (typeof LEDGER_CAUSES)[number];

export type Actor =
  | { kind: 'system' } // Baton's own rules
  // a person in the CRM (rep, manager, marketer); ownerId: the same person as an owner of records, when known
  // and not the same id (HubSpot's user and owner ids differ; Salesforce's are one)
  | { kind: 'user'; userId: string; ownerId?: string }
  | { kind: 'crm' }; // the CRM changed it (workflow, assignment rule, import)

export interface LedgerEntry {
  leadId: string;
  at: Date;
  from: Stage | null;
  to: Stage;
  cause: LedgerCause;
  actor: Actor;
  reason?: string; // a reason code from the policy's taxonomy
  note?: string;
  /** Owner at the time of the row (for per-rep analytics). */
  ownerId?: string | null;
  /** Facts analytics slice by, frozen at the time of the row. */
  context?: LedgerContext;
}

export interface LedgerContext {
  source?: string | null;
  campaign?: string | null;
  fit?: number;
  engagement?: number;
  grade?: string;
  /** Business minutes from assignment to first touch (first_touch rows). */
  humanLatencyMinutes?: number;
  /** Wall-clock minutes from MQL to assignment (assigned rows). */
  systemLatencyMinutes?: number;
  slaMet?: boolean;
}

export function actorLabel(actor: Actor): string {
  switch (actor.kind) {
    case 'system':
      return 'Baton';
    case 'crm':
      return 'CRM';
    case 'user':
      return `user ${actor.userId}`;
  }
}

export function isLedgerCause(value: string): value is LedgerCause {
  return (LEDGER_CAUSES as readonly string[]).includes(value);
}
