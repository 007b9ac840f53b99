// What every decision promises: deterministic output, idempotency keys that identify the intent, and an
// untouched input state.
import { describe, expect, it } from 'vitest';
import {
  assignedLead,
  DAY,
  ev,
  effectsOf,
  leadAt,
  local,
  MINUTE,
  play,
  plus,
  policyWith,
  STRONG_FIT,
} from '../testing/leads.ts';
import { decide } from './decide.ts';
import type { DecisionContext } from './draft.ts';
import type { LeadEvent } from './leadEvent.ts';
import type { LeadState } from './leadState.ts';

const t0 = local('2026-01-12T10:00');
const policy = policyWith({ marketingOwnerId: 'queue-mkt' });
const routed = policyWith({ routing: { mode: 'round_robin', reps: [{ id: 'rep-a' }, { id: 'rep-b' }] } });
const assigned = (after: Partial<LeadState> = {}) => assignedLead('rep-a', t0, { policy }, after);
const recycledAt = local('2026-01-23T10:00');

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

const scenarios: Array<[string, LeadState, LeadEvent, Partial<DecisionContext>]> = [
  [
    'MQL and routing',
    leadAt('inquiry', t0),
    { kind: 'observed', at: t0, profile: STRONG_FIT, engagement: [ev('meeting_booked', t0)] },
    { policy: routed },
  ],
  ['reminder', assigned(), { kind: 'tick', at: local('2026-01-13T14:00') }, { policy }],
  ['late sweep past the deadline', assigned(), { kind: 'tick', at: local('2026-01-15T11:00') }, { policy }],
  [
    'untouched recycle',
    assigned({ lists: ['nurture_timing', 'ops_review'] }),
    { kind: 'tick', at: recycledAt },
    { policy },
  ],
  [
    'return with a recycle reason',
    assigned({ lists: ['nurture_education'] }),
    { kind: 'returned', at: local('2026-01-13T11:00'), byUserId: 'rep-a', reason: 'no_budget' },
    { policy },
  ],
  [
    'return with a reject reason',
    assigned(),
    {
      kind: 'returned',
      at: local('2026-01-13T11:00'),
      byUserId: 'rep-a',
      reason: 'duplicate',
      note: 'see 42',
    },
    { policy },
  ],
  [
    'first touch',
    assigned(),
    { kind: 'touched', at: local('2026-01-13T11:00'), activity: 'email' },
    { policy },
  ],
  [
    'owner removed',
    assigned(),
    { kind: 'owner_changed', at: local('2026-01-13T11:00'), ownerId: null, actor: { kind: 'crm' } },
    { policy },
  ],
  [
    'closed lost',
    leadAt('qualified', t0, { ownerId: 'rep-a', profile: STRONG_FIT, lists: ['ops_review'] }),
    { kind: 'closed', at: plus(t0, DAY), won: false },
    { policy },
  ],
  [
    're-MQL with routing',
    leadAt('recycled', recycledAt, {
      profile: STRONG_FIT,
      recycledAt,
      engagementSince: recycledAt,
      recycleCount: 1,
      lists: ['nurture_untouched'],
      returnedBy: ['rep-a'],
    }),
    {
      kind: 'observed',
      at: plus(recycledAt, 31 * DAY),
      engagement: [ev('demo_request', plus(recycledAt, 31 * DAY))],
    },
    { policy: routed },
  ],
];

describe.each(scenarios)('%s', (_name, state, event, over) => {
  const run = () =>
    decide(state, event, { measuredCycle: {}, ...over, policy: over.policy ?? policy, now: event.at });

  it('replayed on the same input, gives the same decision and the same keys', () => {
    const first = run();
    expect(first.ok).toBe(true);
    expect(run()).toEqual(first);
  });

  it('gives each effect its own key, naming the lead', () => {
    const result = run();
    const effects = result.ok ? result.decision.effects : [];
    expect(effects.length).toBeGreaterThan(0);
    const keys = effects.map((e) => e.key);
    expect(new Set(keys).size).toBe(keys.length);
    for (const e of effects) {
      expect(e.leadId).toBe(state.leadId);
      expect(e.key.startsWith(`${state.leadId}:${e.kind}:`)).toBe(true);
    }
  });

  it('never mutates the state passed in', () => {
    const before = structuredClone(state);
    const frozen = deepFreeze(structuredClone(state));
    expect(() =>
      decide(frozen, event, { measuredCycle: {}, ...over, policy: over.policy ?? policy, now: event.at }),
    ).not.toThrow();
    run();
    expect(state).toEqual(before);
  });
});

describe('events delivered twice (at-least-once processing)', () => {
  it('the same observation again changes nothing and writes nothing', () => {
    const observed: LeadEvent = {
      kind: 'observed',
      at: t0,
      profile: STRONG_FIT,
      engagement: [ev('meeting_booked', t0), ev('page_view', t0, '/pricing')],
    };
    const story = play(leadAt('inquiry', t0), [observed, observed]);
    expect(story.decisions[0]?.ledger).toHaveLength(1);
    expect(story.decisions[1]?.ledger).toEqual([]);
    expect(story.decisions[1]?.effects).toEqual([]);
    expect(story.state.engagement).toHaveLength(2);
  });

  it('the same return again is refused: the lead is no longer with sales', () => {
    const event: LeadEvent = {
      kind: 'returned',
      at: local('2026-01-13T11:00'),
      byUserId: 'rep-a',
      reason: 'not_ready',
    };
    const first = decide(assigned(), event, { policy, now: event.at, measuredCycle: {} });
    const again = first.ok
      ? decide(first.decision.state, event, { policy, now: event.at, measuredCycle: {} })
      : first;
    expect(again).toMatchObject({ ok: false, problem: { kind: 'not_returnable', stage: 'recycled' } });
  });
});

describe('idempotency keys', () => {
  it('are the same when a decision is replayed later (keys follow the event, not the clock)', () => {
    const event: LeadEvent = {
      kind: 'returned',
      at: local('2026-01-13T11:00'),
      byUserId: 'rep-a',
      reason: 'not_ready',
    };
    const keys = (now: Date) => {
      const r = decide(assigned(), event, { policy, now, measuredCycle: {} });
      return r.ok ? r.decision.effects.map((e) => e.key) : [];
    };
    expect(keys(plus(event.at, 5 * MINUTE))).toEqual(keys(event.at));
  });

  it('differ between the reminder and the escalation', () => {
    const story = play(
      assigned(),
      [
        { kind: 'tick', at: local('2026-01-13T14:00') },
        { kind: 'tick', at: local('2026-01-15T10:00') },
      ],
      { policy },
    );
    const remind = effectsOf(story.effects, 'remind_owner').map((e) => e.key);
    const escalate = effectsOf(story.effects, 'escalate').map((e) => e.key);
    expect(remind).toHaveLength(1);
    expect(escalate).toHaveLength(1);
    expect(remind[0]).not.toBe(escalate[0]);
  });

  it('differ between two recycles of the same lead into the same list', () => {
    const second = local('2026-03-16T10:00');
    const story = play(
      assigned(),
      [
        { kind: 'tick', at: recycledAt },
        // new engagement after the cooldown, assigned again, untouched again
        {
          kind: 'observed',
          at: plus(recycledAt, 31 * DAY),
          engagement: [ev('meeting_booked', plus(recycledAt, 31 * DAY))],
        },
        { kind: 'owner_changed', at: local('2026-03-02T10:00'), ownerId: 'rep-b', actor: { kind: 'crm' } },
        { kind: 'tick', at: second },
      ],
      { policy },
    );
    expect(story.state).toMatchObject({ stage: 'recycled', recycleCount: 2 });
    const adds = effectsOf(story.effects, 'add_to_list');
    expect(adds.map((e) => e.list)).toEqual(['nurture_untouched', 'nurture_untouched']);
    expect(adds[0]?.key).not.toBe(adds[1]?.key);
    const allKeys = story.effects.map((e) => e.key);
    expect(new Set(allKeys).size).toBe(allKeys.length);
  });

  it('differ between leaving two lists in one decision', () => {
    const r = decide(
      assigned({ lists: ['nurture_timing', 'nurture_education'] }),
      { kind: 'returned', at: local('2026-01-13T11:00'), byUserId: 'rep-a', reason: 'competitor' },
      { policy, now: local('2026-01-13T11:00'), measuredCycle: {} },
    );
    const removes = r.ok ? effectsOf(r.decision.effects, 'remove_from_list') : [];
    expect(removes.map((e) => e.list)).toEqual(['nurture_timing', 'nurture_education']);
    expect(removes[0]?.key).not.toBe(removes[1]?.key);
  });
});
