import { describe, expect, it } from 'vitest';
import { calendar, DEFAULT, local } from '../testing/leads.ts';
import { inTimeZone } from './businessCalendar.ts';
import { businessMinutesLeft, latencies, slaStatus, slaTimeline, type SlaTerms } from './slaClock.ts';

const ny = calendar();
const terms: SlaTerms = {
  firstTouchHours: 24,
  reminderAtPercent: 50,
  escalateAtPercent: 100,
  autoRecycleHours: 72,
};

describe('slaTimeline', () => {
  it('the default terms are the ones in the policy (24 h, 50 %, 100 %, 72 h)', () => {
    const { firstTouchHours, reminderAtPercent, escalateAtPercent, autoRecycleHours } = DEFAULT.sla;
    expect({ firstTouchHours, reminderAtPercent, escalateAtPercent, autoRecycleHours }).toEqual(terms);
  });

  it('a lead assigned Friday 15:00: remind Tuesday 11:00, due and escalate Wednesday 15:00, recycle Thursday week', () => {
    // 12 h: Fri 2 + Mon 8 + Tue 2. 24 h: three working days. 72 h: nine working days.
    expect(slaTimeline(local('2026-01-09T15:00'), terms, ny)).toEqual({
      remindAt: local('2026-01-13T11:00'),
      dueAt: local('2026-01-14T15:00'),
      escalateAt: local('2026-01-14T15:00'),
      autoRecycleAt: local('2026-01-22T15:00'),
    });
  });

  it('a lead assigned on Saturday: the clock starts Monday 09:00', () => {
    expect(slaTimeline(local('2026-01-10T10:00'), terms, ny)).toEqual({
      remindAt: local('2026-01-13T13:00'),
      dueAt: local('2026-01-14T17:00'),
      escalateAt: local('2026-01-14T17:00'),
      autoRecycleAt: local('2026-01-22T17:00'),
    });
  });

  it.each([
    ['reminder at 25 % of 24 h = 6 h', { reminderAtPercent: 25 }, 'remindAt', '2026-01-12T13:00'],
    ['escalation at 150 % of 24 h = 36 h', { escalateAtPercent: 150 }, 'escalateAt', '2026-01-16T11:00'],
    ['first touch within 4 h', { firstTouchHours: 4 }, 'dueAt', '2026-01-12T11:00'],
    ['auto-recycle at 40 h', { autoRecycleHours: 40 }, 'autoRecycleAt', '2026-01-16T15:00'],
  ] as const)('%s', (_label, change, field, expected) => {
    expect(slaTimeline(local('2026-01-09T15:00'), { ...terms, ...change }, ny)[field]).toEqual(
      local(expected),
    );
  });

  it("counts in the owner's zone when the calendar is moved there", () => {
    // Assigned Mon 12 Jan 12:00 London = 07:00 New York. London day: 12:00–17:00 then full days.
    const assigned = local('2026-01-12T12:00', 'Europe/London');
    const london = inTimeZone(ny, 'Europe/London');
    expect(slaTimeline(assigned, terms, london).dueAt).toEqual(local('2026-01-15T12:00', 'Europe/London'));
    expect(slaTimeline(assigned, terms, ny).dueAt).toEqual(local('2026-01-14T17:00'));
  });
});

describe('slaStatus', () => {
  const timeline = { remindAt: local('2026-01-13T11:00'), dueAt: local('2026-01-14T15:00') };
  it.each([
    ['untouched, before the reminder', null, '2026-01-12T10:00', 'on_time'],
    ['untouched, a minute before the reminder', null, '2026-01-13T10:59', 'on_time'],
    ['untouched, at the reminder', null, '2026-01-13T11:00', 'due_soon'],
    ['untouched, a minute before due', null, '2026-01-14T14:59', 'due_soon'],
    ['untouched, at the deadline', null, '2026-01-14T15:00', 'breached'],
    ['untouched, days later', null, '2026-01-20T10:00', 'breached'],
    ['touched before the reminder', '2026-01-12T10:00', '2026-01-20T10:00', 'met'],
    ['touched exactly at the deadline', '2026-01-14T15:00', '2026-01-20T10:00', 'met'],
    ['touched a minute late', '2026-01-14T15:01', '2026-01-20T10:00', 'missed'],
  ] as const)('%s → %s', (_label, touch, now, status) => {
    expect(slaStatus(timeline, touch ? local(touch) : null, local(now))).toBe(status);
  });
});

describe('businessMinutesLeft', () => {
  const due = local('2026-01-14T15:00');
  it.each([
    ['a working day before', '2026-01-13T15:00', 480],
    ['over the night', '2026-01-13T20:00', 360],
    ['at the deadline', '2026-01-14T15:00', 0],
    // Wed 15:00–17:00 and Thu 09:00–10:00 overdue.
    ['overdue', '2026-01-15T10:00', -180],
  ])('%s → %s', (_label, now, minutes) => {
    expect(businessMinutesLeft(due, local(now), ny)).toBe(minutes);
  });
});

describe('latencies: system (wall clock) vs human (business time)', () => {
  it('an MQL at Friday 16:00 assigned Friday 18:00 and touched Monday 10:00', () => {
    expect(
      latencies(
        {
          mqlAt: local('2026-01-09T16:00'),
          assignedAt: local('2026-01-09T18:00'),
          firstTouchAt: local('2026-01-12T10:00'),
        },
        ny,
      ),
    ).toEqual({ systemMinutes: 120, humanBusinessMinutes: 60 });
  });

  it('a weekend of routing delay is system latency in full', () => {
    const t = latencies(
      { mqlAt: local('2026-01-09T17:00'), assignedAt: local('2026-01-12T09:00'), firstTouchAt: null },
      ny,
    );
    expect(t).toEqual({ systemMinutes: 64 * 60, humanBusinessMinutes: null });
  });

  it('unknown MQL time → no system latency; owner set before the MQL → 0', () => {
    const assignedAt = local('2026-01-12T10:00');
    expect(latencies({ mqlAt: null, assignedAt, firstTouchAt: null }, ny).systemMinutes).toBeNull();
    expect(
      latencies({ mqlAt: local('2026-01-12T11:00'), assignedAt, firstTouchAt: null }, ny).systemMinutes,
    ).toBe(0);
  });
});
