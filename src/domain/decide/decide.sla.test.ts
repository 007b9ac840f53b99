// Assignment starts the first-touch SLA; ticks remind, escalate and auto-recycle; a touch settles it.
import { describe, expect, it } from 'vitest';
import {
  assignedLead,
  causes,
  decided,
  effectsOf,
  leadAt,
  local,
  moves,
  play,
  policyWith,
  STRONG_FIT,
  utc,
  writtenFields,
} from '../testing/leads.ts';
import type { LeadState } from './leadState.ts';

// Assigned Monday 12 Jan 2026 10:00 New York. Default SLA, Mon–Fri 09:00–17:00:
//   reminder at 12 business hours  → Tuesday 14:00 (Mon 7 h + Tue 5 h)
//   due / escalate at 24           → Thursday 10:00 (three working days)
//   auto-recycle at 72             → Friday 23 Jan 10:00 (nine working days)
const t0 = local('2026-01-12T10:00');
const remindAt = local('2026-01-13T14:00');
const dueAt = local('2026-01-15T10:00');
const recycleAt = local('2026-01-23T10:00');
const policy = policyWith({ marketingOwnerId: 'queue-mkt' });
const over = { policy };
const lead = (after: Partial<LeadState> = {}) => assignedLead('rep-a', t0, over, after);
const tick = (at: Date) => ({ kind: 'tick', at }) as const;
const touch = (at: Date) => ({ kind: 'touched', at, activity: 'call', byUserId: 'rep-a' }) as const;

describe('assignment', () => {
  it('starts the SLA clock and writes stage and SLA fields', () => {
    const mql = leadAt('mql', t0, { mqlAt: local('2026-01-12T08:30'), profile: STRONG_FIT });
    const d = decided(
      mql,
      { kind: 'owner_changed', at: t0, ownerId: 'rep-a', managerId: 'mgr-1', actor: { kind: 'crm' } },
      over,
    );
    expect(d.state).toMatchObject({
      stage: 'assigned',
      ownerId: 'rep-a',
      managerId: 'mgr-1',
      stageEnteredAt: t0,
    });
    expect(d.state.sla).toEqual({
      assignedAt: t0,
      remindAt,
      dueAt,
      escalateAt: dueAt,
      autoRecycleAt: recycleAt,
      firstTouchAt: null,
      reminded: false,
      breached: false,
      escalated: false,
      graceUntil: null,
    });
    expect(d.ledger).toEqual([
      expect.objectContaining({
        from: 'mql',
        to: 'assigned',
        cause: 'assigned',
        actor: { kind: 'crm' },
        ownerId: 'rep-a',
        at: t0,
        // MQL at 08:30, assigned at 10:00: 90 wall-clock minutes of system latency.
        context: expect.objectContaining({ systemLatencyMinutes: 90 }),
      }),
    ]);
    expect(writtenFields(d.effects)).toEqual([{ stage: 'assigned', slaDueAt: dueAt, slaStatus: 'on_time' }]);
  });

  it('on a Friday afternoon: due Wednesday at the same hour', () => {
    const fri = local('2026-01-09T15:00');
    expect(assignedLead('rep-a', fri, over).sla?.dueAt).toEqual(local('2026-01-14T15:00'));
  });

  it.each([
    // Mon 12:00Z = 07:00 New York, 12:00 London. London: Mon 5 h, Tue 8, Wed 8, Thu 3 → Thu 12:00 GMT.
    ["in the owner's zone", 'Europe/London', true, utc('2026-01-15T12:00:00Z')],
    // New York: Mon 09:00–Wed 17:00 EST = Wed 22:00Z.
    ["in the portal's zone when the policy says so", 'Europe/London', false, utc('2026-01-14T22:00:00Z')],
    [
      "in the portal's zone when the owner's zone is invalid",
      'Mars/Olympus_Mons',
      true,
      utc('2026-01-14T22:00:00Z'),
    ],
  ])('counts business hours %s', (_label, ownerTimeZone, useOwnerTimeZone, due) => {
    const at = utc('2026-01-12T12:00:00Z');
    const d = decided(
      leadAt('mql', at, { profile: STRONG_FIT }),
      { kind: 'owner_changed', at, ownerId: 'rep-uk', ownerTimeZone, actor: { kind: 'crm' } },
      { policy: policyWith({ sla: { useOwnerTimeZone } }) },
    );
    expect(d.state.sla?.dueAt).toEqual(due);
  });
});

describe('ticks while nobody touches the lead', () => {
  it('before the reminder: nothing happens', () => {
    const d = decided(lead(), tick(local('2026-01-12T10:01')), over);
    expect(d.ledger).toEqual([]);
    expect(d.effects).toEqual([]);
  });

  it('before the reminder: only the decayed engagement score is written (35 → 34)', () => {
    // The meeting is 27 h 59 min old: 35 × 0.5^(1.166/30) ≈ 34.07.
    const d = decided(lead(), tick(local('2026-01-13T13:59')), over);
    expect(d.ledger).toEqual([]);
    expect(d.effects.map((e) => e.kind)).toEqual(['write_fields']);
    expect(writtenFields(d.effects)[0]).toEqual({
      fit: 90,
      engagement: 34,
      grade: 'A2',
      scoreReasons:
        'Fit: 200–5,000 employees (+25), Executive title (+25), Core industry (+20) · Engagement: Meeting booked (+34)',
    });
    expect(d.state.stage).toBe('assigned');
  });

  it('at the reminder threshold: one reminder to the owner, once', () => {
    const story = play(
      lead(),
      [tick(remindAt), tick(local('2026-01-13T16:00')), tick(local('2026-01-14T09:00'))],
      over,
    );
    const [first, ...later] = story.decisions;
    expect(first?.ledger).toEqual([
      expect.objectContaining({
        from: 'assigned',
        to: 'assigned',
        cause: 'sla_reminder',
        actor: { kind: 'system' },
      }),
    ]);
    expect(effectsOf(first?.effects ?? [], 'remind_owner')).toEqual([
      expect.objectContaining({ ownerId: 'rep-a', dueAt, leadId: 'lead-1' }),
    ]);
    expect(writtenFields(first?.effects ?? [])[0]).toMatchObject({ slaStatus: 'due_soon' });
    for (const d of later) {
      expect(d.ledger).toEqual([]);
      expect(effectsOf(d.effects, 'remind_owner')).toEqual([]);
    }
    expect(story.state.sla).toMatchObject({ reminded: true, escalated: false });
  });

  it('at the deadline: escalated to the manager, once', () => {
    const story = play(lead(), [tick(remindAt), tick(dueAt), tick(local('2026-01-15T15:00'))], over);
    const atDeadline = story.decisions[1];
    expect(atDeadline?.ledger.map((r) => r.cause)).toEqual(['sla_breach', 'sla_escalated']);
    expect(effectsOf(atDeadline?.effects ?? [], 'escalate')).toEqual([
      expect.objectContaining({ ownerId: 'rep-a', managerId: 'mgr-1', dueAt }),
    ]);
    expect(writtenFields(atDeadline?.effects ?? [])[0]).toMatchObject({ slaStatus: 'breached' });
    expect(story.decisions[2]?.ledger).toEqual([]);
    expect(effectsOf(story.effects, 'escalate')).toHaveLength(1);
    expect(effectsOf(story.effects, 'remind_owner')).toHaveLength(1);
    expect(story.state.stage).toBe('assigned');
  });

  it('a late sweep past both thresholds records both but only escalates', () => {
    const d = decided(lead(), tick(local('2026-01-15T11:00')), over);
    expect(causes(d.ledger)).toEqual(['sla_reminder', 'sla_breach', 'sla_escalated']);
    expect(d.effects.map((e) => e.kind).filter((k) => k !== 'write_fields')).toEqual(['escalate']);
  });

  it('a minute before 72 business hours the lead is still assigned', () => {
    const d = decided(lead(), tick(local('2026-01-23T09:59')), over);
    expect(d.state.stage).toBe('assigned');
  });

  it('at 72 business hours: recycled as untouched, back to marketing, engagement reset, fit kept', () => {
    const d = decided(lead({ lists: ['nurture_timing'] }), tick(recycleAt), over);
    expect(d.ledger).toEqual([
      expect.objectContaining({
        from: 'assigned',
        to: 'recycled',
        cause: 'sla_untouched',
        reason: 'untouched',
        actor: { kind: 'system' },
        ownerId: 'rep-a',
        at: recycleAt,
      }),
    ]);
    expect(d.state).toMatchObject({
      stage: 'recycled',
      ownerId: 'queue-mkt',
      sla: null,
      recycleCount: 1,
      recycledAt: recycleAt,
      engagementSince: recycleAt,
      lists: ['nurture_untouched'],
      lastReason: 'untouched',
      scores: expect.objectContaining({ fit: 90, engagement: 0, grade: 'A4' }),
    });
    expect(effectsOf(d.effects, 'add_to_list').map((e) => e.list)).toEqual(['nurture_untouched']);
    expect(effectsOf(d.effects, 'remove_from_list').map((e) => e.list)).toEqual(['nurture_timing']);
    expect(effectsOf(d.effects, 'set_owner')).toEqual([
      expect.objectContaining({ ownerId: 'queue-mkt', why: 'marketing' }),
    ]);
    expect(writtenFields(d.effects)).toEqual([
      expect.objectContaining({
        stage: 'recycled',
        slaDueAt: null,
        slaStatus: null,
        recycleCount: 1,
        lastReason: 'untouched',
        fit: 90,
        engagement: 0,
      }),
    ]);
  });

  it('with no marketing owner in the policy, the owner is cleared', () => {
    const d = decided(assignedLead('rep-a', t0), tick(recycleAt));
    expect(effectsOf(d.effects, 'set_owner')).toEqual([
      expect.objectContaining({ ownerId: null, why: 'marketing' }),
    ]);
    expect(d.state.ownerId).toBeNull();
  });
});

describe('a grace period (leads already overdue at install)', () => {
  const graceLead = (graceUntil: Date) => {
    const l = lead();
    return { ...l, sla: l.sla && { ...l.sla, graceUntil } };
  };

  it('delays the reminder and the escalation until it ends', () => {
    const story = play(
      graceLead(dueAt),
      [tick(remindAt), tick(local('2026-01-14T16:00')), tick(dueAt)],
      over,
    );
    expect(story.decisions[0]?.ledger).toEqual([]);
    expect(story.decisions[1]?.ledger).toEqual([]);
    expect(causes(story.decisions[2]?.ledger ?? [])).toEqual(['sla_reminder', 'sla_breach', 'sla_escalated']);
  });

  it('delays the auto-recycle until it ends', () => {
    const graceUntil = local('2026-01-26T09:00');
    const story = play(graceLead(graceUntil), [tick(recycleAt), tick(graceUntil)], over);
    expect(story.decisions[0]?.state.stage).toBe('assigned');
    expect(story.decisions[0]?.ledger).toEqual([]);
    expect(story.state.stage).toBe('recycled');
    expect(causes(story.ledger)).toEqual(['sla_untouched']);
  });
});

describe('the first touch', () => {
  it.each([
    // Mon 10–17 (7 h) + Tue (8 h) + Wed 9–12 (3 h) = 18 business hours.
    ['before the deadline: SLA met', local('2026-01-14T12:00'), true, 'met', 18 * 60],
    ['exactly at the deadline: SLA met', dueAt, true, 'met', 24 * 60],
    ['an hour after the deadline: SLA missed', local('2026-01-15T11:00'), false, 'missed', 25 * 60],
  ])('%s', (_label, at, slaMet, status, humanMinutes) => {
    const d = decided(lead(), touch(at), over);
    expect(d.state).toMatchObject({ stage: 'accepted', lastActivityAt: at, ownerId: 'rep-a' });
    expect(d.state.sla?.firstTouchAt).toEqual(at);
    expect(d.ledger).toEqual([
      expect.objectContaining({
        from: 'assigned',
        to: 'accepted',
        cause: 'first_touch',
        actor: { kind: 'user', userId: 'rep-a' },
        context: expect.objectContaining({ slaMet, humanLatencyMinutes: humanMinutes }),
      }),
    ]);
    expect(writtenFields(d.effects)).toEqual([{ stage: 'accepted', slaStatus: status }]);
  });

  it('a touch dated before the assignment does not count', () => {
    const d = decided(lead(), touch(local('2026-01-12T09:00')), over);
    expect(d.state.stage).toBe('assigned');
    expect(d.state.sla?.firstTouchAt).toBeNull();
    expect(d.ledger).toEqual([]);
  });

  it('a touched lead is no longer reminded, escalated or auto-recycled', () => {
    const story = play(
      lead(),
      [touch(local('2026-01-13T09:30')), tick(remindAt), tick(dueAt), tick(recycleAt)],
      over,
    );
    expect(causes(story.ledger)).toEqual(['first_touch']);
    expect(story.state.stage).toBe('accepted');
  });
});

describe('owner changes while assigned', () => {
  it('a different rep: reassigned, the clock restarts', () => {
    const reassignedAt = local('2026-01-13T15:00');
    const story = play(
      lead(),
      [tick(remindAt), { kind: 'owner_changed', at: reassignedAt, ownerId: 'rep-b', actor: { kind: 'crm' } }],
      over,
    );
    const d = story.decisions[1];
    expect(d?.ledger).toEqual([
      expect.objectContaining({ from: 'assigned', to: 'assigned', cause: 'reassigned', ownerId: 'rep-b' }),
    ]);
    // System latency belongs to the first hand-off only.
    expect(d?.ledger[0]?.context?.systemLatencyMinutes).toBeUndefined();
    // From Tuesday 15:00: reminder Thu 11:00 (2+8+2 h), due Fri 15:00 (2+8+8+6 h), auto-recycle nine
    // working days later, Mon 26 Jan 15:00.
    expect(story.state.sla).toMatchObject({
      assignedAt: reassignedAt,
      remindAt: local('2026-01-15T11:00'),
      dueAt: local('2026-01-16T15:00'),
      autoRecycleAt: local('2026-01-26T15:00'),
      reminded: false,
      escalated: false,
      firstTouchAt: null,
    });
    expect(writtenFields(d?.effects ?? [])).toEqual([
      { slaDueAt: local('2026-01-16T15:00'), slaStatus: 'on_time' },
    ]);
    expect(story.state.ownerId).toBe('rep-b');
  });

  it.each([
    ['removed', null],
    ['set to the marketing queue', 'queue-mkt'],
  ])('owner %s: back to mql, the clock stops', (_label, ownerId) => {
    const at = local('2026-01-13T09:00');
    const d = decided(
      lead(),
      { kind: 'owner_changed', at, ownerId, actor: { kind: 'user', userId: 'mgr-1' } },
      over,
    );
    expect(moves(d.ledger)).toEqual(['assigned→mql']);
    expect(d.ledger[0]?.cause).toBe('unassigned');
    expect(d.ledger[0]?.actor).toEqual({ kind: 'user', userId: 'mgr-1' });
    // Back in marketing's queue: the next hand-off's system latency counts from now.
    expect(d.state.mqlAt).toEqual(at);
    expect(d.state).toMatchObject({ stage: 'mql', ownerId, sla: null });
    expect(writtenFields(d.effects)).toEqual([{ stage: 'mql', slaDueAt: null, slaStatus: null }]);
  });

  it('the echo of the same owner changes nothing', () => {
    const d = decided(
      lead(),
      { kind: 'owner_changed', at: local('2026-01-13T09:00'), ownerId: 'rep-a', actor: { kind: 'crm' } },
      over,
    );
    expect(d.ledger).toEqual([]);
    expect(d.effects).toEqual([]);
  });
});

describe('escalation threshold apart from the deadline', () => {
  it('at 150 %: breached shows at the deadline, the manager hears later', () => {
    const late = { policy: policyWith({ marketingOwnerId: 'queue-mkt', sla: { escalateAtPercent: 150 } }) };
    const l = assignedLead('rep-a', t0, late);
    // 36 business hours after Mon 10:00 → Fri 14:00 (7 + 8 + 8 + 8 + 5 h).
    const escalateAt = local('2026-01-16T14:00');
    expect(l.sla?.escalateAt).toEqual(escalateAt);
    const story = play(l, [tick(dueAt), tick(local('2026-01-16T13:59')), tick(escalateAt)], late);
    expect(causes(story.decisions[0]?.ledger ?? [])).toEqual(['sla_reminder', 'sla_breach']);
    expect(writtenFields(story.decisions[0]?.effects ?? [])[0]).toMatchObject({ slaStatus: 'breached' });
    expect(effectsOf(story.decisions[0]?.effects ?? [], 'escalate')).toEqual([]);
    expect(story.decisions[1]?.ledger).toEqual([]);
    expect(causes(story.decisions[2]?.ledger ?? [])).toEqual(['sla_escalated']);
    expect(effectsOf(story.decisions[2]?.effects ?? [], 'escalate')).toHaveLength(1);
  });

  it('at 80 %: the manager hears before the deadline, the status stays due soon until it passes', () => {
    const early = { policy: policyWith({ marketingOwnerId: 'queue-mkt', sla: { escalateAtPercent: 80 } }) };
    const l = assignedLead('rep-a', t0, early);
    // 19.2 business hours → Wed 14:12 (7 + 8 + 4.2 h).
    const escalateAt = local('2026-01-14T14:12');
    const story = play(l, [tick(escalateAt), tick(dueAt)], early);
    expect(causes(story.decisions[0]?.ledger ?? [])).toEqual(['sla_reminder', 'sla_escalated']);
    expect(writtenFields(story.decisions[0]?.effects ?? [])[0]).toMatchObject({ slaStatus: 'due_soon' });
    expect(causes(story.decisions[1]?.ledger ?? [])).toEqual(['sla_breach']);
    expect(writtenFields(story.decisions[1]?.effects ?? [])[0]).toMatchObject({ slaStatus: 'breached' });
  });

  it('the manager comes from the policy when the CRM does not say', () => {
    const mapped = {
      policy: policyWith({
        escalation: { managers: { 'rep-a': 'mgr-policy' }, fallbackManagerId: 'mgr-fallback' },
      }),
    };
    const l = { ...assignedLead('rep-a', t0, mapped), managerId: null };
    const d = decided(l, tick(dueAt), mapped);
    expect(effectsOf(d.effects, 'escalate')).toEqual([expect.objectContaining({ managerId: 'mgr-policy' })]);
    const other = { ...assignedLead('rep-z', t0, mapped), managerId: null };
    expect(effectsOf(decided(other, tick(dueAt), mapped).effects, 'escalate')).toEqual([
      expect.objectContaining({ managerId: 'mgr-fallback' }),
    ]);
  });
});

describe('a breached lead re-routed (policy: round robin, reassignOnBreach)', () => {
  const routed = (reassignOnBreach: boolean, reps = [{ id: 'rep-a' }, { id: 'rep-b' }, { id: 'rep-c' }]) =>
    policyWith({ marketingOwnerId: 'queue-mkt', routing: { mode: 'round_robin', reps, reassignOnBreach } });
  const breach = (policy: ReturnType<typeof routed>, routing = { openLeads: {}, lastAssigned: 'rep-a' }) =>
    decided(assignedLead('rep-a', t0, { policy }), tick(dueAt), { policy, routing });

  it('goes to the next available rep with a fresh clock: a reassignment, not an escalation', () => {
    const d = breach(routed(true));
    expect(causes(d.ledger)).toEqual(['sla_reminder', 'sla_breach', 'reassigned']);
    expect(d.ledger.at(-1)).toMatchObject({
      cause: 'reassigned',
      actor: { kind: 'system' },
      ownerId: 'rep-b',
    });
    expect(effectsOf(d.effects, 'set_owner')).toEqual([
      expect.objectContaining({ ownerId: 'rep-b', why: 'routing' }),
    ]);
    expect(effectsOf(d.effects, 'escalate')).toEqual([]);
    expect(d.state).toMatchObject({ stage: 'assigned', ownerId: 'rep-b' });
    expect(d.state.sla).toMatchObject({ assignedAt: dueAt, breached: false, escalated: false });
    expect(writtenFields(d.effects)).toEqual([expect.objectContaining({ slaStatus: 'on_time' })]);
  });

  it('never back to the rep who breached it, nor to a rep away or full', () => {
    const reps = [{ id: 'rep-a' }, { id: 'rep-b', away: true }, { id: 'rep-c' }, { id: 'rep-d' }];
    const d = breach(routed(true, reps), { openLeads: { 'rep-c': 40 }, lastAssigned: 'rep-d' });
    expect(d.state.ownerId).toBe('rep-d');
  });

  it('nobody available: it stays with its rep and escalates as usual', () => {
    const reps = [{ id: 'rep-a' }, { id: 'rep-b', away: true }];
    const d = breach(routed(true, reps));
    expect(causes(d.ledger)).toEqual(['sla_reminder', 'sla_breach', 'sla_escalated']);
    expect(d.state.ownerId).toBe('rep-a');
    expect(effectsOf(d.effects, 'escalate')).toHaveLength(1);
  });

  it('off by default: the breach escalates', () => {
    const d = breach(routed(false));
    expect(causes(d.ledger)).toEqual(['sla_reminder', 'sla_breach', 'sla_escalated']);
    expect(effectsOf(d.effects, 'set_owner')).toEqual([]);
  });
});
