import { describe, expect, it } from 'vitest';
import { decide } from '../decide/decide.ts';
import type { LeadEvent } from '../decide/leadEvent.ts';
import { newLeadState } from '../decide/leadState.ts';
import type { LedgerEntry } from '../ledger.ts';
import { defaultPolicy } from '../policy/schema.ts';
import { funnelReport } from './funnelReport.ts';
import { PERIOD, t } from './testRows.ts';

const policy = defaultPolicy();

/** The ledger rows the decision function writes for a lead that became an MQL at `mqlAt`. */
function ledgerOf(leadId: string, mqlAt: string, events: LeadEvent[]): LedgerEntry[] {
  let state = newLeadState(leadId, t(mqlAt), {
    stage: 'mql',
    mqlAt: t(mqlAt),
    profile: { source: 'webinar', campaign: 'spring' },
  });
  const rows: LedgerEntry[] = [];
  for (const event of events) {
    const result = decide(state, event, { policy, now: event.at, measuredCycle: {} });
    if (!result.ok) throw new Error(JSON.stringify(result.problem));
    state = result.decision.state;
    rows.push(...result.decision.ledger);
  }
  return rows;
}

const crm = { kind: 'crm' } as const;
const assignTo = (ownerId: string, at: string): LeadEvent => ({
  kind: 'owner_changed',
  at: t(at),
  ownerId,
  actor: crm,
});
const returnAs = (reason: string, at: string): LeadEvent => ({
  kind: 'returned',
  at: t(at),
  byUserId: 'rep-a',
  reason,
});

// Times in UTC; the default policy works 09:00–17:00 New York (14:00–22:00 UTC in early March).
const rows = [
  // assigned 25 h after MQL, touched an hour later
  ...ledgerOf('D1', '03-03 14:00', [
    assignTo('rep-a', '03-04 15:00'),
    { kind: 'touched', at: t('03-04 16:00'), activity: 'call', byUserId: 'rep-a' },
  ]),
  // returned as wrong owner (a reject) two hours in, then re-routed by marketing ops
  ...ledgerOf('D2', '03-03 14:00', [
    assignTo('rep-a', '03-04 15:00'),
    returnAs('wrong_owner', '03-04 17:00'),
    assignTo('rep-b', '03-05 15:00'),
  ]),
  // returned as not ready: recycled in the same decision
  ...ledgerOf('D3', '03-03 14:00', [assignTo('rep-a', '03-04 15:00'), returnAs('not_ready', '03-04 18:00')]),
];

/** Every leaf is a finite number, a string, a boolean or null: what JSON and CSV carry unchanged. */
function expectPlainJson(value: unknown, path = 'report'): void {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return;
  if (typeof value === 'number') {
    expect(Number.isFinite(value), `${path} is ${value}`).toBe(true);
    return;
  }
  if (Array.isArray(value)) {
    value.forEach((v, i) => expectPlainJson(v, `${path}[${i}]`));
    return;
  }
  expect(Object.getPrototypeOf(value), `${path} is a plain object`).toBe(Object.prototype);
  for (const [k, v] of Object.entries(value as object)) expectPlainJson(v, `${path}.${k}`);
}

describe('funnelReport', () => {
  it.each([
    ['no rows', []],
    ['the decision function’s rows', rows],
  ])('is plain JSON, with no NaN or Infinity anywhere: %s', (_, input) => {
    const report = funnelReport(input, { period: PERIOD, policy, bucket: 'day' });
    expectPlainJson(report);
    expect(JSON.parse(JSON.stringify(report))).toEqual(report);
  });

  it('reads the rows the decision function writes', () => {
    const report = funnelReport(rows, { period: PERIOD, policy, bucket: 'week' });
    expect(report.period).toEqual({ from: '2025-03-03T00:00:00.000Z', to: '2025-03-17T00:00:00.000Z' });
    const current = Object.fromEntries(report.stages.map((s) => [s.stage, s.current]));
    expect(current).toMatchObject({ assigned: 1, accepted: 1, recycled: 1, returned: 0 });
    expect(report.rejectRate).toMatchObject({
      handedOver: 3,
      returns: 2,
      rejects: 1,
      rate: 1 / 3,
      overTarget: true,
    });
    expect(report.rejectRate.bySource).toEqual([
      { key: 'webinar', handedOver: 3, rejects: 1, rate: 1 / 3, overTarget: true },
    ]);
    expect(report.rejectRate.byRep.map((r) => [r.key, r.handedOver, r.rejects])).toEqual([
      ['rep-a', 3, 1],
      ['rep-b', 1, 0],
    ]);
    // the touch and both returns settled the SLA in time
    expect(report.sla).toMatchObject({ outcomes: 3, met: 3, metShare: 1, breaches: 0 });
    expect(report.sla.byKind).toEqual({
      first_touch: { met: 1, missed: 0 },
      returned: { met: 2, missed: 0 },
      untouched: { met: 0, missed: 0 },
    });
    // the re-route after review is no first hand-over: three samples of 25 h system latency
    expect(report.timeToFirstTouch.system).toMatchObject({ samples: 3, medianMinutes: 1500 });
    expect(report.timeToFirstTouch.human).toMatchObject({ samples: 1, medianMinutes: 60 });
    expect(report.recycleOutcomes).toMatchObject({ recycled: 1, reMql: 0 });
    expect(report.recycleOutcomes.byReason.map((r) => r.reason)).toEqual(['not_ready']);
    expect(report.conversion.find((c) => c.from === 'assigned')).toMatchObject({ entered: 3, converted: 1 });
    expect(report.winProbability.map((w) => w.configured)).toEqual([0.05, 0.1, 0.2, 0.4]);
    expect(report.measuredCycle).toEqual({});
  });

  it('measures the cycle with the minimum sample it is given', () => {
    const report = funnelReport(rows, { period: PERIOD, policy, bucket: 'week', minSample: 1 });
    // D2 and D3 left assigned after 2 and 3 hours, D1 after 1: median 2 h
    expect(report.measuredCycle.assigned).toBeCloseTo(2 / 24, 10);
    expect(report.velocity.find((v) => v.stage === 'assigned')).toMatchObject({ samples: 3, medianHours: 2 });
  });
});
