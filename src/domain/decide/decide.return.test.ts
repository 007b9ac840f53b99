// "Return to marketing": a rep hands the lead back with a reason; the reason's bucket decides what follows.
import { describe, expect, it } from 'vitest';
import {
  assignedLead,
  causes,
  DAY,
  effectsOf,
  leadAt,
  local,
  moves,
  plus,
  policyWith,
  STRONG_FIT,
  writtenFields,
} from '../testing/leads.ts';
import { decide } from './decide.ts';
import type { LeadEvent } from './leadEvent.ts';
import type { LeadState } from './leadState.ts';
import type { Stage } from '../stages.ts';

const t0 = local('2026-01-12T10:00'); // assigned Monday 10:00, due Thursday 10:00
const returnedAt = local('2026-01-13T11:00'); // Tuesday: 7 + 2 = 9 business hours later
const policy = policyWith({ marketingOwnerId: 'queue-mkt' });
const ctx = { policy, now: returnedAt, measuredCycle: {} };
const lead = (after: Partial<LeadState> = {}) => assignedLead('rep-a', t0, { policy }, after);
const giveBack = (
  reason: string,
  extra: Partial<Extract<LeadEvent, { kind: 'returned' }>> = {},
): LeadEvent => ({
  kind: 'returned',
  at: returnedAt,
  byUserId: 'rep-a',
  reason,
  ...extra,
});
const ok = (state: LeadState, event: LeadEvent) => {
  const result = decide(state, event, ctx);
  if (!result.ok) throw new Error(JSON.stringify(result.problem));
  return result.decision;
};

describe('a recycle reason (timing)', () => {
  const reengageAt = local('2026-05-01T09:00');
  const d = ok(
    lead({ lists: ['nurture_untouched', 'nurture_education'] }),
    giveBack('not_ready', { note: '  call again in Q2  ', reengageAt }),
  );

  it('writes a returned row then a recycled row, both by the rep, with the reason and the trimmed note', () => {
    expect(moves(d.ledger)).toEqual(['assigned→returned', 'returned→recycled']);
    expect(causes(d.ledger)).toEqual(['rep_returned', 'rep_returned']);
    for (const row of d.ledger) {
      expect(row).toMatchObject({
        actor: { kind: 'user', userId: 'rep-a' },
        reason: 'not_ready',
        note: 'call again in Q2',
        ownerId: 'rep-a',
        at: returnedAt,
      });
    }
  });

  it('answers the SLA like a first touch: returned within the deadline, 9 business hours', () => {
    expect(d.ledger[0]?.context).toMatchObject({ slaMet: true, humanLatencyMinutes: 9 * 60 });
  });

  it("joins the reason's nurture list and leaves Baton's other lists", () => {
    expect(effectsOf(d.effects, 'add_to_list').map((e) => e.list)).toEqual(['nurture_timing']);
    expect(effectsOf(d.effects, 'remove_from_list').map((e) => e.list)).toEqual([
      'nurture_untouched',
      'nurture_education',
    ]);
    expect(d.state.lists).toEqual(['nurture_timing']);
  });

  it('gives the lead back to marketing, remembers the rep and the re-engage date, counts the recycle', () => {
    expect(d.state).toMatchObject({
      stage: 'recycled',
      ownerId: 'queue-mkt',
      sla: null,
      returnedBy: ['rep-a'],
      returnedAt,
      reengageAt,
      recycledAt: returnedAt,
      recycleCount: 1,
      lastReason: 'not_ready',
      lastNote: 'call again in Q2',
      engagementSince: returnedAt,
    });
    expect(d.state.scores).toMatchObject({ fit: 90, engagement: 0 });
    expect(effectsOf(d.effects, 'set_owner')).toEqual([
      expect.objectContaining({ ownerId: 'queue-mkt', why: 'marketing' }),
    ]);
    expect(writtenFields(d.effects)).toEqual([
      expect.objectContaining({
        stage: 'recycled',
        returnedAt,
        recycleCount: 1,
        lastReason: 'not_ready',
        lastNote: 'call again in Q2',
        slaDueAt: null,
        slaStatus: null,
      }),
    ]);
  });

  it('an accepted lead can be returned too', () => {
    const accepted = ok(lead(), { kind: 'touched', at: local('2026-01-12T11:00'), activity: 'call' }).state;
    const back = ok(accepted, giveBack('no_budget'));
    expect(moves(back.ledger)).toEqual(['accepted→returned', 'returned→recycled']);
    // Already touched: the return is not an SLA answer.
    expect(back.ledger[0]?.context).not.toHaveProperty('slaMet');
  });

  it('a rep who returns it twice is remembered once', () => {
    const again = ok(lead({ returnedBy: ['rep-a', 'rep-z'] }), giveBack('no_budget'));
    expect(again.state.returnedBy).toEqual(['rep-a', 'rep-z']);
  });

  it('remembers the owner it was handed to, also when another user (a manager) returns it', () => {
    const back = ok(lead(), giveBack('not_ready', { byUserId: 'user-mgr-9' }));
    expect(back.state.returnedBy).toEqual(['rep-a']);
    expect(back.ledger[0]?.actor).toEqual({ kind: 'user', userId: 'user-mgr-9' });
  });
});

describe('a reject reason (procedural: marketing ops fixes it)', () => {
  const d = ok(lead(), giveBack('wrong_owner'));

  it('stays returned, in the ops review list, with marketing', () => {
    expect(moves(d.ledger)).toEqual(['assigned→returned']);
    expect(d.ledger[0]).toMatchObject({ reason: 'wrong_owner', cause: 'rep_returned' });
    expect(d.state).toMatchObject({
      stage: 'returned',
      lists: ['ops_review'],
      ownerId: 'queue-mkt',
      sla: null,
      recycleCount: 0,
      returnedBy: ['rep-a'],
    });
    expect(effectsOf(d.effects, 'add_to_list').map((e) => e.list)).toEqual(['ops_review']);
  });

  it('when ops re-route it to another rep, it leaves the review list and the clock starts again', () => {
    const at = local('2026-01-13T15:00');
    const r = decide(
      d.state,
      { kind: 'owner_changed', at, ownerId: 'rep-b', actor: { kind: 'user', userId: 'ops-1' } },
      { policy, now: at, measuredCycle: {} },
    );
    const next = r.ok ? r.decision : expect.fail('refused');
    expect(moves(next.ledger)).toEqual(['returned→assigned']);
    expect(causes(next.ledger)).toEqual(['review_resolved']);
    expect(effectsOf(next.effects, 'remove_from_list').map((e) => e.list)).toEqual(['ops_review']);
    expect(next.state).toMatchObject({ stage: 'assigned', ownerId: 'rep-b', lists: [] });
    expect(next.state.sla?.assignedAt).toEqual(at);
  });
});

describe('a disqualify reason (permanent)', () => {
  it('disqualifies, with no nurture list', () => {
    const d = ok(lead({ lists: ['nurture_timing'] }), giveBack('competitor'));
    expect(moves(d.ledger)).toEqual(['assigned→returned', 'returned→disqualified']);
    expect(d.ledger[1]).toMatchObject({ reason: 'competitor', actor: { kind: 'user', userId: 'rep-a' } });
    expect(d.state).toMatchObject({
      stage: 'disqualified',
      lists: [],
      ownerId: 'queue-mkt',
      recycleCount: 0,
    });
    expect(effectsOf(d.effects, 'add_to_list')).toEqual([]);
    expect(effectsOf(d.effects, 'remove_from_list').map((e) => e.list)).toEqual(['nurture_timing']);
  });
});

describe('refused returns change nothing', () => {
  it.each<[string, Stage]>([
    ['an MQL nobody holds', 'mql'],
    ['an opportunity', 'qualified'],
    ['a lead already in nurture', 'recycled'],
    ['a lead waiting for review', 'returned'],
    ['a won deal', 'won'],
    ['an inquiry', 'inquiry'],
  ])('%s (%s) is not returnable', (_label, stage) => {
    const state = leadAt(stage, t0, { ownerId: 'rep-a', profile: STRONG_FIT });
    expect(decide(state, giveBack('not_ready'), ctx)).toEqual({
      ok: false,
      problem: {
        kind: 'not_returnable',
        stage,
        message: `A lead in stage "${stage}" cannot be returned to marketing`,
      },
    });
  });

  it.each([
    ['a reason that needs a note, without one', giveBack('duplicate'), ['note']],
    ['a reason that needs a note, with only spaces', giveBack('bad_data', { note: '   ' }), ['note']],
    [
      'a re-engage date on a reason that takes none',
      giveBack('spam', { reengageAt: plus(returnedAt, 30 * DAY) }),
      ['reengageAt'],
    ],
    [
      'a re-engage date in the past',
      giveBack('not_ready', { reengageAt: plus(returnedAt, -DAY) }),
      ['reengageAt'],
    ],
    ["a reason only Baton's rules use", giveBack('untouched'), ['reason']],
    ['an unknown reason', giveBack('meh'), ['reason']],
  ])('%s → invalid_return', (_label, event, fields) => {
    const state = lead();
    const before = structuredClone(state);
    const result = decide(state, event, ctx);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problem.kind).toBe('invalid_return');
    if (result.problem.kind === 'invalid_return')
      expect(result.problem.problems.map((p) => p.field)).toEqual(fields);
    expect(state).toEqual(before);
  });
});

describe('the recycle that would pass the maximum (3) disqualifies as exhausted', () => {
  it('the 3rd recycle is still a recycle', () => {
    const d = ok(lead({ recycleCount: 2 }), giveBack('not_ready'));
    expect(d.state).toMatchObject({ stage: 'recycled', recycleCount: 3 });
  });

  it('the 4th, from a rep return', () => {
    const d = ok(lead({ recycleCount: 3, lists: ['nurture_timing'] }), giveBack('not_ready'));
    expect(moves(d.ledger)).toEqual(['assigned→returned', 'returned→disqualified']);
    expect(d.ledger[1]).toMatchObject({
      cause: 'exhausted',
      reason: 'exhausted',
      actor: { kind: 'system' },
      note: 'would have been recycled: not_ready',
    });
    expect(d.state).toMatchObject({
      stage: 'disqualified',
      recycleCount: 3,
      lists: [],
      ownerId: 'queue-mkt',
    });
    expect(effectsOf(d.effects, 'add_to_list')).toEqual([]);
  });

  it('the 4th, from the untouched auto-recycle', () => {
    const state = lead({ recycleCount: 3 });
    const at = local('2026-01-23T10:00');
    const r = decide(state, { kind: 'tick', at }, { policy, now: at, measuredCycle: {} });
    const d = r.ok ? r.decision : expect.fail('refused');
    expect(moves(d.ledger)).toEqual(['assigned→disqualified']);
    expect(d.ledger[0]).toMatchObject({
      cause: 'exhausted',
      reason: 'exhausted',
      note: 'would have been recycled: untouched',
    });
    expect(writtenFields(d.effects)[0]).toMatchObject({ stage: 'disqualified', lastReason: 'exhausted' });
  });

  it('follows the tenant maximum', () => {
    const strict = policyWith({ marketingOwnerId: 'queue-mkt', recycle: { maxRecycles: 1 } });
    const r = decide(lead({ recycleCount: 1 }), giveBack('not_ready'), {
      policy: strict,
      now: returnedAt,
      measuredCycle: {},
    });
    expect(r.ok && r.decision.state.stage).toBe('disqualified');
  });
});
