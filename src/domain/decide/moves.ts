// The moves several events share: rescoring, qualifying, assigning, recycling, disqualifying.
import type { Actor, LedgerCause } from '../ledger.ts';
import { findReason } from '../reasons.ts';
import { recycleExhausts } from '../recycleGuard.ts';
import { pickRep } from '../routing.ts';
import { mqlVerdict, type MqlVerdict } from '../scoring/mqlRule.ts';
import { reasonsText, scoreCard, scoreCardChanged, type ScoreCard } from '../scoring/scoreCard.ts';
import { inTimeZone, type BusinessCalendar } from '../sla/businessCalendar.ts';
import { latencies, slaTimeline } from '../sla/slaClock.ts';
import type { Draft } from './draft.ts';

export const SYSTEM: Actor = { kind: 'system' };

export function calendarFor(d: Draft): BusinessCalendar {
  const p = d.policy;
  const base: BusinessCalendar = { timeZone: p.timeZone, week: p.businessHours, holidays: p.holidays };
  return p.sla.useOwnerTimeZone ? inTimeZone(base, d.state.ownerTimeZone) : base;
}

/** Recomputes scores at `now`; writes them only when what the CRM shows would change. */
export function rescore(d: Draft): ScoreCard {
  const s = d.state;
  const card = scoreCard(
    { profile: s.profile, events: s.engagement, engagementSince: s.engagementSince },
    d.policy.scoring,
    d.ctx.now,
  );
  if (scoreCardChanged(s.scores, card)) {
    d.write({
      fit: card.fit,
      engagement: card.engagement,
      grade: card.grade,
      scoreReasons: reasonsText(card),
    });
    s.scores = card;
  }
  return card;
}

export function verdict(d: Draft, card: ScoreCard): MqlVerdict {
  return mqlVerdict(card, d.state.engagement, d.policy.mql, {
    now: d.ctx.now,
    since: d.state.engagementSince,
  });
}

/** inquiry/recycled → mql; then straight on to a rep when the CRM already set one or Baton routes. */
export function qualify(d: Draft, cause: LedgerCause): void {
  const s = d.state;
  leaveLists(d);
  d.move('mql', cause, SYSTEM);
  s.mqlAt = d.at;
  d.write({ lifecycle: 'mql' });
  if (s.ownerId && s.ownerId !== d.policy.marketingOwnerId) {
    assign(d, s.ownerId, { kind: 'crm' }, 'assigned');
  } else {
    route(d);
  }
}

/**
 * Baton routes only when the policy says so; otherwise the CRM's own assignment is awaited. A re-route (an SLA
 * breached) never picks the rep who has the lead now. Returns whether a rep took it.
 */
export function route(d: Draft, cause: 'assigned' | 'reassigned' = 'assigned'): boolean {
  const routing = d.policy.routing;
  if (routing.mode !== 'round_robin') return false;
  const returnedBy = d.policy.recycle.neverBackToReturningRep ? d.state.returnedBy : [];
  const current = cause === 'reassigned' && d.state.ownerId ? [d.state.ownerId] : [];
  const pick = pickRep({
    reps: routing.reps,
    openLeads: d.ctx.routing?.openLeads ?? {},
    defaultCapacity: d.policy.capacity.openLeadsPerRep,
    exclude: [...returnedBy, ...current],
    lastAssigned: d.ctx.routing?.lastAssigned ?? null,
  });
  if (!pick.ownerId) return false; // stays where it is; the ops view shows why nobody could take it
  d.effect({ kind: 'set_owner', ownerId: pick.ownerId, why: 'routing' }, pick.ownerId);
  d.state.ownerId = pick.ownerId;
  assign(d, pick.ownerId, SYSTEM, cause);
  return true;
}

/** Hands the lead to a rep and starts the SLA clock. */
export function assign(
  d: Draft,
  ownerId: string,
  actor: Actor,
  cause: 'assigned' | 'reassigned' | 'review_resolved',
): void {
  const s = d.state;
  s.ownerId = ownerId;
  const timeline = slaTimeline(d.at, d.policy.sla, calendarFor(d));
  s.sla = {
    assignedAt: d.at,
    ...timeline,
    firstTouchAt: null,
    reminded: false,
    breached: false,
    escalated: false,
    graceUntil: null,
  };
  // System latency belongs to the hand-off from marketing; a reassignment or re-route is not that hand-off.
  const system =
    cause === 'assigned'
      ? latencies({ mqlAt: s.mqlAt, assignedAt: d.at, firstTouchAt: null }, calendarFor(d)).systemMinutes
      : null;
  const context = system === null ? {} : { systemLatencyMinutes: Math.round(system) };
  if (s.stage === 'assigned') d.mark('reassigned', actor, { context });
  else d.move('assigned', cause, actor, { context });
  d.write({ slaDueAt: timeline.dueAt, slaStatus: 'on_time' });
}

/** The owner goes back to marketing and the SLA clock stops. */
function releaseToMarketing(d: Draft): void {
  const s = d.state;
  const marketing = d.policy.marketingOwnerId;
  if (s.ownerId !== marketing) {
    d.effect({ kind: 'set_owner', ownerId: marketing, why: 'marketing' }, marketing ?? 'none');
    s.ownerId = marketing;
  }
  s.sla = null;
  d.write({ slaDueAt: null, slaStatus: null });
}

export function leaveLists(d: Draft, keep: string | null = null): void {
  for (const list of d.state.lists.filter((l) => l !== keep))
    d.effect({ kind: 'remove_from_list', list }, list);
  d.state.lists = d.state.lists.filter((l) => l === keep);
}

function joinList(d: Draft, list: string | null): void {
  leaveLists(d, list);
  if (list && !d.state.lists.includes(list)) {
    d.effect({ kind: 'add_to_list', list }, list);
    d.state.lists.push(list);
  }
}

function noteReason(d: Draft, reason: string, note: string | null): void {
  d.state.lastReason = reason;
  d.state.lastNote = note;
  d.write({ lastReason: reason, lastNote: note });
}

/** Out of the funnel for good: no nurture, owner back to marketing. */
export function disqualify(d: Draft, reason: string, cause: LedgerCause, actor: Actor, note?: string): void {
  d.move('disqualified', cause, actor, { reason, ...(note !== undefined && { note }) });
  noteReason(d, reason, note ?? null);
  joinList(d, null);
  releaseToMarketing(d);
}

/**
 * Back to nurture: owner to marketing, engagement reset (fit stays), into the reason's list and out of
 * Baton's others, recycle count +1 — or disqualified as exhausted when that would pass the maximum.
 */
export function recycle(
  d: Draft,
  reasonCode: string,
  cause: LedgerCause,
  actor: Actor,
  opts: { note?: string | undefined; reengageAt?: Date | undefined } = {},
): void {
  const s = d.state;
  if (recycleExhausts(s.recycleCount, d.policy.recycle)) {
    disqualify(d, 'exhausted', 'exhausted', SYSTEM, `would have been recycled: ${reasonCode}`);
    return;
  }
  d.move('recycled', cause, actor, {
    reason: reasonCode,
    ...(opts.note !== undefined && { note: opts.note }),
  });
  s.recycleCount += 1;
  s.recycledAt = d.at;
  s.reengageAt = opts.reengageAt ?? null;
  s.engagementSince = d.at;
  d.write({ recycleCount: s.recycleCount, lifecycle: 'lead' });
  noteReason(d, reasonCode, opts.note ?? null);
  joinList(d, findReason(d.policy.reasons, reasonCode)?.nurtureList ?? null);
  releaseToMarketing(d);
  rescore(d);
}

/** Returned for review (reject reasons): waits in marketing ops' list until re-routed or disqualified. */
export function holdForReview(d: Draft, reasonCode: string, note: string | undefined): void {
  noteReason(d, reasonCode, note ?? null);
  joinList(d, findReason(d.policy.reasons, reasonCode)?.nurtureList ?? null);
  releaseToMarketing(d);
}
