// From inquiry to MQL (by score or hand-raise), and on to a rep when the CRM already set one or Baton routes.
import { describe, expect, it } from 'vitest';
import {
  causes,
  decided,
  effectsOf,
  ev,
  leadAt,
  local,
  MIDDLING_FIT,
  moves,
  policyWith,
  POOR_FIT,
  scoresAt,
  STRONG_FIT,
  writtenFields,
} from '../testing/leads.ts';
import { decide } from './decide.ts';

const t0 = local('2026-01-12T10:00'); // Monday
const strongReasons =
  'Fit: 200–5,000 employees (+25), Executive title (+25), Core industry (+20) · Engagement: Meeting booked (+35)';

describe('an inquiry becomes an MQL', () => {
  it('by score: fit A (90) and engagement level 2 (a meeting booked: 35)', () => {
    const d = decided(leadAt('inquiry', t0), {
      kind: 'observed',
      at: t0,
      profile: STRONG_FIT,
      engagement: [ev('meeting_booked', t0)],
    });
    expect(d.state).toMatchObject({ stage: 'mql', mqlAt: t0, stageEnteredAt: t0, ownerId: null, sla: null });
    expect(d.ledger).toEqual([
      {
        leadId: 'lead-1',
        at: t0,
        from: 'inquiry',
        to: 'mql',
        cause: 'score_qualified',
        actor: { kind: 'system' },
        ownerId: null,
        context: { source: 'webinar', campaign: 'q1-launch', fit: 90, engagement: 35, grade: 'A2' },
      },
    ]);
    // The CRM's own lifecycle moves to MQL too.
    expect(writtenFields(d.effects)).toEqual([
      { stage: 'mql', fit: 90, engagement: 35, grade: 'A2', scoreReasons: strongReasons, lifecycle: 'mql' },
    ]);
    // The CRM assigns (routing mode "crm"): Baton sets no owner.
    expect(effectsOf(d.effects, 'set_owner')).toEqual([]);
  });

  it('by hand-raise: a fit-C lead (45) asking for a demo is fast-tracked', () => {
    const d = decided(leadAt('inquiry', t0), {
      kind: 'observed',
      at: t0,
      profile: MIDDLING_FIT,
      engagement: [ev('demo_request', t0)],
    });
    expect(d.state.stage).toBe('mql');
    expect(causes(d.ledger)).toEqual(['hand_raise']);
    expect(d.state.scores).toMatchObject({ fit: 45, engagement: 45, grade: 'C2' });
  });

  it.each([
    ['a D-fit lead asking for a demo', POOR_FIT, [ev('demo_request', t0)]],
    [
      'a fit-C lead with a meeting booked (not a hand-raise, fit below B)',
      MIDDLING_FIT,
      [ev('meeting_booked', t0)],
    ],
    ['a fit-A lead who only opened emails', STRONG_FIT, [ev('email_open', t0), ev('visit', t0)]],
  ])('not %s', (_label, profile, engagement) => {
    const d = decided(leadAt('inquiry', t0), { kind: 'observed', at: t0, profile, engagement });
    expect(d.state.stage).toBe('inquiry');
    expect(d.ledger).toEqual([]);
  });

  it('on a tick, once engagement that arrived earlier is scored', () => {
    const lead = leadAt('inquiry', t0, { profile: STRONG_FIT, engagement: [ev('meeting_booked', t0)] });
    const d = decided(lead, { kind: 'tick', at: t0 });
    expect(moves(d.ledger)).toEqual(['inquiry→mql']);
  });
});

describe('an owner set in the CRM before the MQL', () => {
  it('is remembered, and the MQL goes straight on to assigned with the SLA clock running', () => {
    const before = decided(leadAt('inquiry', t0), {
      kind: 'owner_changed',
      at: local('2026-01-09T16:00'),
      ownerId: 'rep-a',
      actor: { kind: 'crm' },
    });
    expect(before.state).toMatchObject({ stage: 'inquiry', ownerId: 'rep-a', sla: null });
    expect(before.ledger).toEqual([]);

    const d = decided(before.state, {
      kind: 'observed',
      at: t0,
      profile: STRONG_FIT,
      engagement: [ev('meeting_booked', t0)],
    });
    expect(moves(d.ledger)).toEqual(['inquiry→mql', 'mql→assigned']);
    expect(causes(d.ledger)).toEqual(['score_qualified', 'assigned']);
    expect(d.ledger[1]).toMatchObject({
      actor: { kind: 'crm' },
      ownerId: 'rep-a',
      context: { systemLatencyMinutes: 0 },
    });
    // 24 business hours from Monday 10:00 → Thursday 10:00.
    expect(d.state.sla).toMatchObject({ assignedAt: t0, dueAt: local('2026-01-15T10:00') });
    expect(writtenFields(d.effects)).toEqual([
      expect.objectContaining({
        stage: 'assigned',
        slaDueAt: local('2026-01-15T10:00'),
        slaStatus: 'on_time',
      }),
    ]);
  });

  it("the policy's marketing owner does not count as a rep", () => {
    const lead = leadAt('inquiry', t0, { ownerId: 'queue-mkt' });
    const policy = policyWith({ marketingOwnerId: 'queue-mkt' });
    const d = decided(
      lead,
      { kind: 'observed', at: t0, profile: STRONG_FIT, engagement: [ev('meeting_booked', t0)] },
      { policy },
    );
    expect(d.state.stage).toBe('mql');
    expect(d.state.sla).toBeNull();
  });

  it("no owner read back for a lead with marketing's owner is no change (a CRM reporting a queue as nobody)", () => {
    const policy = policyWith({ marketingOwnerId: 'queue-mkt' });
    for (const [held, read] of [
      ['queue-mkt', null],
      [null, 'queue-mkt'],
    ] as const) {
      const lead = leadAt('recycled', t0, { ownerId: held });
      const d = decided(
        lead,
        { kind: 'owner_changed', at: t0, ownerId: read, actor: { kind: 'crm' } },
        { policy },
      );
      expect(d.state).toEqual(lead);
      expect(d.effects).toEqual([]);
      expect(d.ledger).toEqual([]);
    }
  });
});

describe('Baton routes the new MQL when the policy says round robin', () => {
  const policy = policyWith({
    routing: { mode: 'round_robin', reps: [{ id: 'rep-a' }, { id: 'rep-b' }, { id: 'rep-c' }] },
  });
  const observed = {
    kind: 'observed',
    at: t0,
    profile: STRONG_FIT,
    engagement: [ev('meeting_booked', t0)],
  } as const;

  it.each([
    ['the first rep when nobody was routed yet', undefined, 'rep-a'],
    ['the rep after the last one', { openLeads: {}, lastAssigned: 'rep-a' }, 'rep-b'],
    ['skipping a rep at capacity (40)', { openLeads: { 'rep-b': 40 }, lastAssigned: 'rep-a' }, 'rep-c'],
  ])('%s', (_label, routing, rep) => {
    const d = decided(leadAt('inquiry', t0), observed, routing ? { policy, routing } : { policy });
    expect(effectsOf(d.effects, 'set_owner')).toEqual([
      expect.objectContaining({ ownerId: rep, why: 'routing', leadId: 'lead-1' }),
    ]);
    expect(d.state).toMatchObject({ stage: 'assigned', ownerId: rep });
    expect(d.ledger[1]).toMatchObject({
      from: 'mql',
      to: 'assigned',
      cause: 'assigned',
      actor: { kind: 'system' },
    });
    expect(d.state.sla?.dueAt).toEqual(local('2026-01-15T10:00'));
  });

  it('leaves the lead an MQL when every rep is full', () => {
    const full = { openLeads: { 'rep-a': 40, 'rep-b': 41, 'rep-c': 40 }, lastAssigned: null };
    const d = decided(leadAt('inquiry', t0), observed, { policy, routing: full });
    expect(d.state).toMatchObject({ stage: 'mql', ownerId: null, sla: null });
    expect(effectsOf(d.effects, 'set_owner')).toEqual([]);
  });
});

describe('scores are written back only when they change', () => {
  it('an observation that changes nothing visible writes nothing', () => {
    const lead = leadAt('inquiry', t0, {
      profile: MIDDLING_FIT,
      engagement: [ev('visit', t0)],
      scores: scoresAt(MIDDLING_FIT, [ev('visit', t0)], t0),
    });
    const sameAgain = decide(
      lead,
      { kind: 'observed', at: t0, profile: { country: 'US' } },
      { policy: policyWith(), now: t0, measuredCycle: {} },
    );
    expect(sameAgain.ok && sameAgain.decision.effects).toEqual([]);
    const campaignOnly = decide(
      lead,
      { kind: 'observed', at: t0, profile: { campaign: 'spring' } },
      { policy: policyWith(), now: t0, measuredCycle: {} },
    );
    expect(campaignOnly.ok && campaignOnly.decision.effects).toEqual([]);
  });

  it('a change in fit writes the new scores and reasons', () => {
    const lead = leadAt('inquiry', t0, { profile: MIDDLING_FIT, scores: scoresAt(MIDDLING_FIT, [], t0) });
    const d = decided(lead, { kind: 'observed', at: t0, profile: { industry: 'SaaS' } });
    // 45 + core industry 20 = 65: B; no engagement: B4.
    expect(writtenFields(d.effects)).toEqual([
      {
        fit: 65,
        engagement: 0,
        grade: 'B4',
        scoreReasons:
          'Fit: 200–5,000 employees (+25), Core industry (+20), Company email (+10) · Engagement: no signals',
      },
    ]);
    expect(d.state.scores?.fit).toBe(65);
  });
});
