// The first-touch SLA of an assigned lead: when to remind, when it is due (escalate), when to auto-recycle.
import { addBusinessMinutes, businessMinutesBetween, type BusinessCalendar } from './businessCalendar.ts';

export interface SlaTerms {
  firstTouchHours: number;
  reminderAtPercent: number;
  escalateAtPercent: number;
  autoRecycleHours: number;
}

export interface SlaTimeline {
  remindAt: Date;
  dueAt: Date;
  escalateAt: Date;
  autoRecycleAt: Date;
}

export type SlaStatus = 'on_time' | 'due_soon' | 'breached' | 'met' | 'missed';

export function slaTimeline(assignedAt: Date, terms: SlaTerms, cal: BusinessCalendar): SlaTimeline {
  const at = (hours: number) => addBusinessMinutes(assignedAt, Math.round(hours * 60), cal);
  return {
    remindAt: at((terms.firstTouchHours * terms.reminderAtPercent) / 100),
    dueAt: at(terms.firstTouchHours),
    escalateAt: at((terms.firstTouchHours * terms.escalateAtPercent) / 100),
    autoRecycleAt: at(terms.autoRecycleHours),
  };
}

/** SLA status at `now`: due soon once the reminder threshold is passed; met or missed once touched. */
export function slaStatus(
  timeline: Pick<SlaTimeline, 'remindAt' | 'dueAt'>,
  firstTouchAt: Date | null,
  now: Date,
): SlaStatus {
  if (firstTouchAt) return firstTouchAt.getTime() <= timeline.dueAt.getTime() ? 'met' : 'missed';
  if (now.getTime() >= timeline.dueAt.getTime()) return 'breached';
  if (now.getTime() >= timeline.remindAt.getTime()) return 'due_soon';
  return 'on_time';
}

/** Business minutes left until due (negative once breached), for countdowns and the SLA board. */
export function businessMinutesLeft(dueAt: Date, now: Date, cal: BusinessCalendar): number {
  return now.getTime() <= dueAt.getTime()
    ? businessMinutesBetween(now, dueAt, cal)
    : -businessMinutesBetween(dueAt, now, cal);
}

/**
 * Time lost before the lead reached a rep is system latency (scoring, sync, routing: wall-clock);
 * time after assignment until the first touch is human latency (business time, as the SLA counts it).
 */
export function latencies(
  times: { mqlAt: Date | null; assignedAt: Date; firstTouchAt: Date | null },
  cal: BusinessCalendar,
): { systemMinutes: number | null; humanBusinessMinutes: number | null } {
  return {
    systemMinutes: times.mqlAt
      ? Math.max(0, (times.assignedAt.getTime() - times.mqlAt.getTime()) / 60_000)
      : null,
    humanBusinessMinutes: times.firstTouchAt
      ? businessMinutesBetween(times.assignedAt, times.firstTouchAt, cal)
      : null,
  };
}
