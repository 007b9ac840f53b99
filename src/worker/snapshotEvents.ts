// What a fresh read of a CRM record means for the lead: the domain events that bring Baton's state in line
// with it. Reading the record (not trusting one webhook's value) makes processing order-independent and
// idempotent: an event that is already reflected in the state decides nothing.
import type { LeadEvent } from '../domain/decide/leadEvent.ts';
import type { LeadState } from '../domain/decide/leadState.ts';
import type { CrmLead } from '../crm/port.ts';
import type { Policy } from '../domain/policy/schema.ts';
import { startOfDayIn } from '../domain/sla/calendarDay.ts';

export function eventsFromSnapshot(
  state: LeadState | null,
  lead: CrmLead,
  now: Date,
  policy: Policy,
): LeadEvent[] {
  const events: LeadEvent[] = [];
  // A lead Baton has never seen that already has an owner was handed over when the owner was set.
  const firstSeenAt = !state && lead.ownerId && lead.ownerAssignedAt ? lead.ownerAssignedAt : now;
  events.push({ kind: 'observed', at: firstSeenAt, profile: lead.profile, engagement: lead.engagement });
  // An owner set before Baton last took the lead back (a return, a recycle) is the holder it was taken from — a
  // Lead record left with its owner in the rep's workspace, a write still on its way — not a new hand-off.
  const takenBackAt = Math.max(state?.recycledAt?.getTime() ?? 0, state?.returnedAt?.getTime() ?? 0);
  const stale =
    lead.ownerId !== null &&
    lead.ownerAssignedAt !== null &&
    takenBackAt > 0 &&
    lead.ownerAssignedAt.getTime() <= takenBackAt;
  if (!stale && lead.ownerId !== (state?.ownerId ?? null)) {
    events.push({
      kind: 'owner_changed',
      at: lead.ownerAssignedAt && lead.ownerAssignedAt <= now ? lead.ownerAssignedAt : now,
      ownerId: lead.ownerId,
      actor: { kind: 'crm' },
    });
  }
  const lastActivity = state?.lastActivityAt ?? null;
  if (lead.lastTouchAt && (!lastActivity || lead.lastTouchAt > lastActivity)) {
    events.push({ kind: 'touched', at: lead.lastTouchAt, activity: 'other' });
  }
  if (lead.lifecycle === 'opportunity' || lead.lifecycle === 'sql') {
    events.push({ kind: 'opportunity_created', at: lead.modifiedAt });
  }
  if (lead.lifecycle === 'customer') events.push({ kind: 'closed', at: lead.modifiedAt, won: true });
  const request = lead.returnRequest;
  if (request && (!state?.returnedAt || request.requestedAt > state.returnedAt)) {
    events.push({
      kind: 'returned',
      at: request.requestedAt,
      byUserId: request.byUserId ?? 'unknown',
      reason: request.reason,
      ...(request.note && { note: request.note }),
      ...(request.reengageOn && { reengageAt: startOfDayIn(request.reengageOn, policy.timeZone) }),
    });
  }

  if (!state) events.push({ kind: 'adopted', at: now });
  return events;
}
