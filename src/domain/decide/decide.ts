// The decision function: (lead state, event, policy, now) → next state + ledger rows + effects.
import type { Actor } from '../ledger.ts';
import { checkReturnInput, findReason, type ReturnInputProblem } from '../reasons.ts';
import { reMqlCheck } from '../recycleGuard.ts';
import { addBusinessMinutes } from '../sla/businessCalendar.ts';
import { latencies } from '../sla/slaClock.ts';
import { canMove, RETURNABLE_STAGES, type Stage } from '../stages.ts';
import { Draft, type Decision, type DecisionContext } from './draft.ts';
import type { LeadEvent } from './leadEvent.ts';
import type { LeadState } from './leadState.ts';
import {
  assign,
  calendarFor,
  disqualify,
  holdForReview,
  leaveLists,
  qualify,
  recycle,
  rescore,
  verdict,
} from './moves.ts';
import { tick } from './tick.ts';
import { mergeEngagement, mergeProfile } from './observations.ts';

export type DecisionProblem =
  | { kind: 'not_returnable'; stage: Stage; message: string }
  | { kind: 'invalid_return'; problems: ReturnInputProblem[] };

export type DecisionResult = { ok: true; decision: Decision } | { ok: false; problem: DecisionProblem };

const ok = (d: Draft): DecisionResult => ({ ok: true, decision: d.finish() });

export function decide(state: LeadState, event: LeadEvent, ctx: DecisionContext): DecisionResult {
  const d = new Draft(state, ctx, event.at);
  const s = d.state;
  switch (event.kind) {
    case 'observed': {
      if (event.profile) s.profile = mergeProfile(s.profile, event.profile);
      if (event.engagement) s.engagement = mergeEngagement(s.engagement, event.engagement, ctx);
      const card = rescore(d);
      const v = verdict(d, card);
      if (s.stage === 'inquiry' && v.qualified)
        qualify(d, v.via === 'hand_raise' ? 'hand_raise' : 'score_qualified');
      if (
        s.stage === 'recycled' &&
        s.recycledAt &&
        v.qualified &&
        reMqlCheck(
          { recycledAt: s.recycledAt, reengageAt: s.reengageAt },
          s.engagement,
          ctx.policy.recycle,
          ctx.now,
        ).allowed
      ) {
        qualify(d, 're_engaged');
      }
      return ok(d);
    }
    case 'owner_changed':
      ownerChanged(d, event);
      return ok(d);
    case 'touched':
      touched(d, event.at, event.byUserId ? { kind: 'user', userId: event.byUserId } : { kind: 'crm' });
      return ok(d);
    case 'returned':
      return returned(d, event);
    case 'opportunity_created':
      if (s.stage === 'assigned') touched(d, event.at, { kind: 'crm' });
      if (s.stage === 'accepted') d.move('qualified', 'opportunity', { kind: 'crm' });
      return ok(d);
    case 'closed':
      if (event.won) {
        if (canMove(s.stage, 'won')) d.move('won', 'closed_won', { kind: 'crm' });
      } else if (canMove(s.stage, 'lost')) {
        d.move('lost', 'closed_lost', { kind: 'crm' });
        recycle(d, 'closed_lost', 'closed_lost', { kind: 'crm' });
      }
      return ok(d);
    case 'adopted':
      adopt(d);
      return ok(d);
    case 'tick':
      tick(d);
      return ok(d);
  }
}

/** Leads already overdue when Baton arrives get the grace period before reminders, breaches and recycling. */
function adopt(d: Draft): void {
  const sla = d.state.sla;
  if (!sla || sla.firstTouchAt || sla.graceUntil) return;
  if (d.ctx.now.getTime() < sla.remindAt.getTime()) return;
  sla.graceUntil = addBusinessMinutes(d.ctx.now, d.policy.sla.installGraceHours * 60, calendarFor(d));
}

function ownerChanged(d: Draft, event: Extract<LeadEvent, { kind: 'owner_changed' }>): void {
  const s = d.state;
  if (event.ownerTimeZone !== undefined) s.ownerTimeZone = event.ownerTimeZone;
  if (event.managerId !== undefined) s.managerId = event.managerId;
  const isMarketing = (ownerId: string | null) => ownerId === null || ownerId === d.policy.marketingOwnerId;
  // Unchanged, or the echo of Baton's own write. No owner and marketing's owner are the same holder: nobody in
  // sales (a CRM may report a queue as no owner).
  if (event.ownerId === s.ownerId || (isMarketing(event.ownerId) && isMarketing(s.ownerId))) return;
  const toMarketing = isMarketing(event.ownerId);
  if (toMarketing || !event.ownerId) {
    s.ownerId = event.ownerId;
    if (s.stage === 'assigned') {
      // Nobody holds it any more: back in marketing's queue, the clock stops.
      s.sla = null;
      // Back in marketing's queue: the next hand-off's system latency counts from here.
      s.mqlAt = d.at;
      d.move('mql', 'unassigned', event.actor);
      d.write({ slaDueAt: null, slaStatus: null });
    }
    return;
  }
  switch (s.stage) {
    case 'mql':
      assign(d, event.ownerId, event.actor, 'assigned');
      return;
    case 'assigned':
      assign(d, event.ownerId, event.actor, 'reassigned');
      return;
    case 'returned':
      leaveLists(d);
      assign(d, event.ownerId, event.actor, 'review_resolved');
      return;
    default:
      s.ownerId = event.ownerId;
  }
}

/** A sales activity: the first one after assignment accepts the lead and settles the SLA. */
function touched(d: Draft, at: Date, actor: Actor): void {
  const s = d.state;
  if (!s.lastActivityAt || at.getTime() > s.lastActivityAt.getTime()) s.lastActivityAt = at;
  const sla = s.sla;
  if (s.stage !== 'assigned' || !sla || sla.firstTouchAt || at.getTime() < sla.assignedAt.getTime()) return;
  sla.firstTouchAt = at;
  const slaMet = at.getTime() <= sla.dueAt.getTime();
  const human = latencies({ mqlAt: s.mqlAt, assignedAt: sla.assignedAt, firstTouchAt: at }, calendarFor(d));
  d.move('accepted', 'first_touch', actor, {
    context: { slaMet, humanLatencyMinutes: Math.round(human.humanBusinessMinutes ?? 0) },
  });
  d.write({ slaStatus: slaMet ? 'met' : 'missed' });
}

function returned(d: Draft, event: Extract<LeadEvent, { kind: 'returned' }>): DecisionResult {
  const s = d.state;
  if (!RETURNABLE_STAGES.includes(s.stage)) {
    return {
      ok: false,
      problem: {
        kind: 'not_returnable',
        stage: s.stage,
        message: `A lead in stage "${s.stage}" cannot be returned to marketing`,
      },
    };
  }
  const problems = checkReturnInput(d.policy.reasons, event, d.ctx.now);
  const reason = findReason(d.policy.reasons, event.reason);
  if (problems.length > 0 || !reason) return { ok: false, problem: { kind: 'invalid_return', problems } };
  const actor: Actor = {
    kind: 'user',
    userId: event.byUserId,
    ...(event.byOwnerId !== undefined && event.byOwnerId !== event.byUserId && { ownerId: event.byOwnerId }),
  };
  const note = event.note?.trim() || undefined;
  // A return answers the SLA as a first touch would (accept or reject within the deadline).
  const sla = s.sla;
  const context =
    sla && !sla.firstTouchAt
      ? {
          slaMet: event.at.getTime() <= sla.dueAt.getTime(),
          humanLatencyMinutes: Math.round(
            latencies({ mqlAt: s.mqlAt, assignedAt: sla.assignedAt, firstTouchAt: event.at }, calendarFor(d))
              .humanBusinessMinutes ?? 0,
          ),
        }
      : {};
  d.move('returned', 'rep_returned', actor, { reason: reason.code, ...(note && { note }), context });
  // The rep it was handed to gave it back (CRM users and owners are different ids; routing uses owners).
  const holder = s.ownerId ?? event.byUserId;
  if (!s.returnedBy.includes(holder)) s.returnedBy.push(holder);
  s.returnedAt = event.at;
  d.write({ returnedAt: event.at });
  switch (reason.bucket) {
    case 'recycle':
      recycle(d, reason.code, 'rep_returned', actor, { note, reengageAt: event.reengageAt });
      break;
    case 'disqualify':
      disqualify(d, reason.code, 'rep_returned', actor, note);
      break;
    case 'reject':
      holdForReview(d, reason.code, note);
      break;
  }
  return ok(d);
}
