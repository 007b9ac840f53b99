// Recycled leads come back only with new engagement after the cooldown, and never to the rep who returned them.
import { describe, expect, it } from 'vitest';
import {
  assignedLead,
  causes,
  DAY,
  ev,
  effectsOf,
  HOUR,
  leadAt,
  local,
  moves,
  play,
  plus,
  policyWith,
  scoresAt,
  STRONG_FIT,
  writtenFields,
} from '../testing/leads.ts';
import type { LeadEvent } from './leadEvent.ts';
import type { LeadState } from './leadState.ts';

const recycledAt = local('2026-01-23T10:00'); // a Friday; the 30-day cooldown ends Sunday 22 Feb 10:00
const day = (n: number) => plus(recycledAt, n * DAY);
const recycled = (init: Partial<LeadState> = {}): LeadState =>
  leadAt('recycled', recycledAt, {
    profile: STRONG_FIT,
    recycleCount: 1,
    recycledAt,
    engagementSince: recycledAt,
    lists: ['nurture_untouched'],
    returnedBy: ['rep-b'],
    scores: scoresAt(STRONG_FIT, [], recycledAt),
    ...init,
  });
const meeting = (at: Date): LeadEvent => ({ kind: 'observed', at, engagement: [ev('meeting_booked', at)] });
const tick = (at: Date): LeadEvent => ({ kind: 'tick', at });

describe('re-MQL of a recycled lead', () => {
  it('does not happen inside the cooldown, even with engagement that would qualify', () => {
    const story = play(recycled(), [meeting(day(10)), tick(day(20))]);
    expect(story.state.stage).toBe('recycled');
    expect(story.ledger).toEqual([]);
    // The meeting made it A2, which would qualify an inquiry.
    expect(story.decisions[0]?.state.scores?.grade).toBe('A2');
  });

  it('happens after the cooldown with new engagement: cause re_engaged, out of the nurture lists', () => {
    const at = plus(day(30), HOUR);
    const story = play(recycled(), [meeting(at)]);
    expect(moves(story.ledger)).toEqual(['recycled→mql']);
    expect(causes(story.ledger)).toEqual(['re_engaged']);
    expect(story.state).toMatchObject({ stage: 'mql', mqlAt: at, lists: [] });
    expect(effectsOf(story.effects, 'remove_from_list').map((e) => e.list)).toEqual(['nurture_untouched']);
  });

  it('happens on the tick that ends the cooldown when the engagement came during it', () => {
    // A demo request 10 days before: 45 × 0.5^(10/30) ≈ 35.7 → level 2, and a hand-raise within 30 days.
    const story = play(recycled(), [
      { kind: 'observed', at: day(20), engagement: [ev('demo_request', day(20))] },
      tick(day(30)),
    ]);
    expect(story.decisions[0]?.ledger).toEqual([]);
    expect(causes(story.decisions[1]?.ledger ?? [])).toEqual(['re_engaged']);
  });

  it('does not happen after the cooldown without new engagement', () => {
    const old = [ev('meeting_booked', plus(recycledAt, -DAY)), ev('demo_request', recycledAt)];
    const story = play(recycled({ engagement: old }), [tick(day(31)), tick(day(45))]);
    expect(story.state.stage).toBe('recycled');
    expect(story.ledger).toEqual([]);
  });

  it('waits for a re-engage date later than the cooldown', () => {
    const story = play(recycled({ reengageAt: day(60) }), [
      meeting(day(45)),
      tick(day(59)),
      meeting(day(61)),
    ]);
    expect(story.decisions.map((d) => d.state.stage)).toEqual(['recycled', 'recycled', 'mql']);
  });

  it('follows the tenant cooldown', () => {
    const policy = policyWith({ recycle: { cooldownDays: 7 } });
    expect(play(recycled(), [meeting(day(8))], { policy }).state.stage).toBe('mql');
    expect(play(recycled(), [meeting(day(6))], { policy }).state.stage).toBe('recycled');
  });
});

describe('routing a re-MQL (round robin)', () => {
  const policy = policyWith({
    routing: { mode: 'round_robin', reps: [{ id: 'rep-a' }, { id: 'rep-b' }, { id: 'rep-c' }] },
  });
  const at = day(31);

  it('never hands the lead back to the rep who returned it', () => {
    const story = play(recycled(), [meeting(at)], {
      policy,
      routing: { openLeads: {}, lastAssigned: 'rep-a' },
    });
    expect(effectsOf(story.effects, 'set_owner')).toEqual([
      expect.objectContaining({ ownerId: 'rep-c', why: 'routing' }),
    ]);
    expect(moves(story.ledger)).toEqual(['recycled→mql', 'mql→assigned']);
    expect(story.state).toMatchObject({ stage: 'assigned', ownerId: 'rep-c' });
  });

  it('skips the rep who returned it and a rep over capacity', () => {
    const story = play(recycled(), [meeting(at)], {
      policy,
      routing: { openLeads: { 'rep-c': 40 }, lastAssigned: 'rep-a' },
    });
    expect(story.state.ownerId).toBe('rep-a');
  });

  it('leaves it an MQL when only the returning rep could take it', () => {
    const story = play(recycled({ returnedBy: ['rep-b', 'rep-c'] }), [meeting(at)], {
      policy,
      routing: { openLeads: { 'rep-a': 40 }, lastAssigned: null },
    });
    expect(story.state).toMatchObject({ stage: 'mql', ownerId: null });
  });

  it('may go back to the same rep when the tenant allows it', () => {
    const lenient = policyWith({
      routing: { mode: 'round_robin', reps: [{ id: 'rep-a' }, { id: 'rep-b' }] },
      recycle: { neverBackToReturningRep: false },
    });
    const story = play(recycled(), [meeting(at)], {
      policy: lenient,
      routing: { openLeads: {}, lastAssigned: 'rep-a' },
    });
    expect(story.state.ownerId).toBe('rep-b');
  });
});

describe('after the pipeline: opportunity, won, lost', () => {
  const entered = local('2026-02-02T10:00');
  const policy = policyWith({ marketingOwnerId: 'queue-mkt' });

  it('an opportunity on an accepted lead qualifies it', () => {
    const story = play(leadAt('accepted', entered, { ownerId: 'rep-a' }), [
      { kind: 'opportunity_created', at: plus(entered, DAY) },
    ]);
    expect(moves(story.ledger)).toEqual(['accepted→qualified']);
    expect(causes(story.ledger)).toEqual(['opportunity']);
  });

  it('an opportunity on an assigned lead implies the first touch', () => {
    const assigned = play(leadAt('mql', entered, { profile: STRONG_FIT, mqlAt: entered }), [
      { kind: 'owner_changed', at: entered, ownerId: 'rep-a', actor: { kind: 'crm' } },
    ]).state;
    const story = play(assigned, [{ kind: 'opportunity_created', at: plus(entered, HOUR) }]);
    expect(moves(story.ledger)).toEqual(['assigned→accepted', 'accepted→qualified']);
    expect(story.ledger[0]?.context).toMatchObject({ slaMet: true, humanLatencyMinutes: 60 });
    expect(story.state.stage).toBe('qualified');
  });

  it('closed won', () => {
    const story = play(leadAt('qualified', entered, { ownerId: 'rep-a' }), [
      { kind: 'closed', at: plus(entered, DAY), won: true },
    ]);
    expect(moves(story.ledger)).toEqual(['qualified→won']);
    expect(causes(story.ledger)).toEqual(['closed_won']);
    expect(story.effects.map((e) => e.kind)).toEqual(['write_fields']);
  });

  it('closed lost: lost, then recycled into re-engagement nurture with marketing', () => {
    const story = play(
      leadAt('qualified', entered, { ownerId: 'rep-a', profile: STRONG_FIT }),
      [{ kind: 'closed', at: plus(entered, DAY), won: false }],
      { policy },
    );
    expect(moves(story.ledger)).toEqual(['qualified→lost', 'lost→recycled']);
    expect(causes(story.ledger)).toEqual(['closed_lost', 'closed_lost']);
    expect(story.ledger[1]).toMatchObject({ reason: 'closed_lost', actor: { kind: 'crm' } });
    expect(story.state).toMatchObject({
      stage: 'recycled',
      lists: ['nurture_reengage'],
      recycleCount: 1,
      ownerId: 'queue-mkt',
    });
  });

  it('closing an inquiry does nothing', () => {
    const story = play(leadAt('inquiry', entered), [{ kind: 'closed', at: plus(entered, DAY), won: true }]);
    expect(story.ledger).toEqual([]);
    expect(story.state.stage).toBe('inquiry');
  });
});

describe('pipeline hygiene on ticks', () => {
  const entered = local('2026-02-02T10:00');
  const at = (n: number) => plus(entered, n * DAY);
  const policy = policyWith({ marketingOwnerId: 'queue-mkt' });

  it('stalled: an accepted lead busy but sitting 2 × the measured median (10 days)', () => {
    const state = leadAt('accepted', entered, {
      ownerId: 'rep-a',
      profile: STRONG_FIT,
      lastActivityAt: at(15),
    });
    const measuredCycle = { accepted: 10 };
    expect(play(state, [tick(at(19))], { policy, measuredCycle }).ledger).toEqual([]);
    const story = play(state, [tick(at(20))], { policy, measuredCycle });
    expect(moves(story.ledger)).toEqual(['accepted→recycled']);
    expect(story.ledger[0]).toMatchObject({ cause: 'stalled', reason: 'stalled', actor: { kind: 'system' } });
    expect(story.state).toMatchObject({
      stage: 'recycled',
      lists: ['nurture_reengage'],
      ownerId: 'queue-mkt',
      recycleCount: 1,
    });
  });

  it('went dark: a qualified lead with no activity for 30 days', () => {
    const state = leadAt('qualified', entered, {
      ownerId: 'rep-a',
      profile: STRONG_FIT,
      lastActivityAt: entered,
    });
    expect(play(state, [tick(plus(at(30), -1))], { policy }).ledger).toEqual([]);
    const story = play(state, [tick(at(30))], { policy });
    expect(moves(story.ledger)).toEqual(['qualified→recycled']);
    expect(story.ledger[0]).toMatchObject({ cause: 'went_dark', reason: 'went_dark' });
    expect(story.state.lists).toEqual(['nurture_reengage']);
  });

  it('a sales activity keeps a worked lead from going dark', () => {
    const state = leadAt('accepted', entered, { ownerId: 'rep-a', lastActivityAt: entered });
    const story = play(state, [{ kind: 'touched', at: at(20), activity: 'meeting' }, tick(at(30))], {
      policy,
    });
    expect(story.ledger).toEqual([]);
    expect(story.state).toMatchObject({ stage: 'accepted', lastActivityAt: at(20) });
  });

  it('unmeasured: stalled only after the fallback days', () => {
    const busy = (n: number) => leadAt('qualified', entered, { ownerId: 'rep-a', lastActivityAt: at(n - 1) });
    expect(play(busy(89), [tick(at(89))], { policy }).ledger).toEqual([]);
    expect(causes(play(busy(90), [tick(at(90))], { policy }).ledger)).toEqual(['stalled']);
  });
});

describe("the CRM's own lifecycle follows", () => {
  it('a recycle sets it back to lead; a re-MQL sets it to MQL', () => {
    const l = assignedLead('rep-a', recycledAt);
    const back = play(l, [{ kind: 'returned', at: day(1), byUserId: 'rep-a', reason: 'not_ready' }]);
    expect(writtenFields(back.effects)).toEqual([
      expect.objectContaining({ stage: 'recycled', lifecycle: 'lead' }),
    ]);
    const again = play(recycled(), [meeting(day(31))]);
    expect(writtenFields(again.effects)).toEqual([
      expect.objectContaining({ stage: 'mql', lifecycle: 'mql' }),
    ]);
  });
});
