// When a lead next needs a tick: the earliest pending SLA threshold, hygiene deadline or cooldown end.
// The store indexes it so a sweep reads only leads that are due.
import { stalledAt, wentDarkAt, type MeasuredCycle } from '../hygiene.ts';
import type { Policy } from '../policy/schema.ts';
import { reMqlNotBefore } from '../recycleGuard.ts';
import type { LeadState } from './leadState.ts';

export function nextTimerAt(
  state: LeadState,
  policy: Policy,
  now: Date,
  measured: MeasuredCycle,
): Date | null {
  switch (state.stage) {
    case 'assigned': {
      const sla = state.sla;
      if (!sla || sla.firstTouchAt) return null;
      const pending = [
        ...(sla.reminded ? [] : [sla.remindAt]),
        ...(sla.breached ? [] : [sla.dueAt]),
        ...(sla.escalated ? [] : [sla.escalateAt]),
        sla.autoRecycleAt,
      ].map((t) => Math.max(t.getTime(), sla.graceUntil?.getTime() ?? 0));
      return new Date(Math.min(...pending));
    }
    case 'accepted':
    case 'qualified': {
      const dark = wentDarkAt(state.lastActivityAt ?? state.stageEnteredAt, policy.hygiene);
      const stalled = stalledAt(state.stage, state.stageEnteredAt, policy.hygiene, measured);
      return new Date(Math.min(dark.getTime(), stalled.getTime()));
    }
    case 'recycled': {
      // After the cooldown, new engagement (an 'observed' event) can re-qualify it; one tick at the end of
      // the cooldown catches engagement that arrived while it was running. Past that, nothing is pending.
      if (!state.recycledAt) return null;
      const end = reMqlNotBefore(
        { recycledAt: state.recycledAt, reengageAt: state.reengageAt },
        policy.recycle,
      );
      return end.getTime() > now.getTime() ? end : null;
    }
    default:
      return null;
  }
}
