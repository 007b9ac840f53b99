// Time passing: SLA reminder → escalation → auto-recycle, pipeline hygiene, re-MQL after cooldown, decay.
import { hygieneVerdict } from '../hygiene.ts';
import { reMqlCheck } from '../recycleGuard.ts';
import type { Draft } from './draft.ts';
import { qualify, recycle, rescore, route, SYSTEM, verdict } from './moves.ts';

const notBefore = (t: Date, grace: Date | null) => Math.max(t.getTime(), grace?.getTime() ?? 0);

function slaTick(d: Draft): void {
  const s = d.state;
  const sla = s.sla;
  if (!sla || sla.firstTouchAt) return;
  const now = d.ctx.now.getTime();
  const passed = (t: Date) => now >= notBefore(t, sla.graceUntil);
  if (passed(sla.autoRecycleAt)) {
    recycle(d, 'untouched', 'sla_untouched', SYSTEM);
    return;
  }
  const escalateNow = !sla.escalated && passed(sla.escalateAt);
  if (!sla.reminded && passed(sla.remindAt)) {
    sla.reminded = true;
    d.mark('sla_reminder', SYSTEM);
    // A late sweep that finds the escalation due too escalates only: the reminder would say nothing new.
    if (!escalateNow && s.ownerId)
      d.effect({ kind: 'remind_owner', ownerId: s.ownerId, dueAt: sla.dueAt }, s.ownerId);
    d.write({ slaStatus: 'due_soon' });
  }
  if (!sla.breached && passed(sla.dueAt)) {
    sla.breached = true;
    d.mark('sla_breach', SYSTEM);
    d.write({ slaStatus: 'breached' });
    // The policy may hand a breached lead to the next available rep: a fresh clock instead of an escalation.
    if (rerouteOnBreach(d)) return;
  }
  if (escalateNow) {
    sla.escalated = true;
    d.mark('sla_escalated', SYSTEM);
    if (s.ownerId) {
      const manager = managerOf(d, s.ownerId);
      d.effect({ kind: 'escalate', ownerId: s.ownerId, managerId: manager, dueAt: sla.dueAt }, s.ownerId);
    }
  }
}

function rerouteOnBreach(d: Draft): boolean {
  const routing = d.policy.routing;
  return routing.mode === 'round_robin' && routing.reassignOnBreach && route(d, 'reassigned');
}

/** The owner's manager: known from the CRM, else the policy's mapping, else its fallback. */
function managerOf(d: Draft, ownerId: string): string | null {
  const e = d.policy.escalation;
  return d.state.managerId ?? e.managers[ownerId] ?? e.fallbackManagerId;
}

export function tick(d: Draft): void {
  const s = d.state;
  const card = rescore(d);
  switch (s.stage) {
    case 'assigned':
      slaTick(d);
      return;
    case 'accepted':
    case 'qualified': {
      const v = hygieneVerdict(s, d.policy.hygiene, d.ctx.measuredCycle, d.ctx.now);
      if (v) recycle(d, v, v, SYSTEM);
      return;
    }
    case 'recycled':
      if (
        s.recycledAt &&
        reMqlCheck(
          { recycledAt: s.recycledAt, reengageAt: s.reengageAt },
          s.engagement,
          d.policy.recycle,
          d.ctx.now,
        ).allowed &&
        verdict(d, card).qualified
      ) {
        qualify(d, 're_engaged');
      }
      return;
    case 'inquiry': {
      const v = verdict(d, card);
      if (v.qualified) qualify(d, v.via === 'hand_raise' ? 'hand_raise' : 'score_qualified');
      return;
    }
    default:
      return;
  }
}
