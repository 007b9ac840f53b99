// GET /ops/api/scorecard on the console's scenario (23 Nov → 8 Dec 2026, clock left on Tuesday 8 Dec): a finished
// month, the running month as the default, a week and a quarter as JSON; the same figures as CSV; and the refusals —
// unknown tenant, periods that are malformed or have not begun, and no token.
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ScorecardResponse } from '../../src/web/ops/console/client/apiTypes.ts';
import { runOpsScenario, type OpsScenario } from '../browser/support/opsScenario.ts';

const TOKEN = 'ops-token-for-tests-0123456789';
let s: OpsScenario;

async function get(query: string, token: string | null = TOKEN) {
  const res = await fetch(`${s.h.running.config.publicUrl}/ops/api/scorecard?${query}`, {
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });
  return { status: res.status, headers: res.headers, text: await res.text() };
}

async function view(period?: string): Promise<ScorecardResponse> {
  const res = await get(`tenantId=${s.tenantId}${period ? `&period=${period}` : ''}`);
  expect(res.status).toBe(200);
  return JSON.parse(res.text) as ScorecardResponse;
}

beforeAll(async () => {
  s = await runOpsScenario();
}, 90_000);
afterAll(() => s?.h.close());

describe('the scorecard API', () => {
  it('scores November on both sides, with the previous month as the trend and reps by name', async () => {
    const { tenantId, tenantName, scorecard: card, names } = await view('2026-11');
    expect(tenantId).toBe(s.tenantId);
    expect(tenantName).toEqual(expect.any(String));
    expect(card.period).toMatchObject({ kind: 'month', label: '2026-11' });
    expect(card.previous.label).toBe('2026-10');
    expect(card.elapsed).toBe(1);
    // Six demo requests, five handed over; one wrong owner and one bad-data return count as rejects.
    expect(card.marketing.mqls).toMatchObject({ value: 6, previous: 0, change: 6 });
    expect(card.marketing.acceptRate).toMatchObject({ value: 0.6, handedOver: 5, rejects: 2, target: 0.9 });
    expect(card.marketing.acceptRate.belowTarget).toBe(true);
    expect(card.marketing.rejects.bySource.find((r) => r.key === 'PAID_SEARCH')).toMatchObject({
      handedOver: 3,
      rejects: 1,
      overTarget: true,
    });
    expect(card.sales.returns.map((r) => [r.reason, r.note])).toEqual([
      ['wrong_owner', null],
      ['not_ready', null],
      ['bad_data', 'Phone and company are made up'],
    ]);
    expect(card.sales.breaches.value).toBe(1);
    expect(card.sales.misses).toEqual([expect.objectContaining({ leadId: s.recycledLead, kind: 'breach' })]);
    expect(card.deviations.filter((d) => d.side === 'sales')).toEqual([
      expect.objectContaining({ kind: 'sla_breach', leadId: s.recycledLead }),
    ]);
    expect(card.deviations).toContainEqual(
      expect.objectContaining({ side: 'marketing', kind: 'accept_rate_low' }),
    );
    // Weeks touching the month, named by their Monday.
    expect(card.series.map((b) => b.bucket)).toEqual([
      '2026-10-26',
      '2026-11-02',
      '2026-11-09',
      '2026-11-16',
      '2026-11-23',
      '2026-11-30',
    ]);
    expect(card.series.reduce((n, b) => n + b.mqls, 0)).toBe(6);
    const reps = card.capacity.reps.map((r) => r.repId);
    expect(reps).toHaveLength(2);
    for (const id of reps) expect(names[id]).toEqual(expect.any(String));
    // Too little history for a pace: no target, and the derivation says why.
    expect(card.capacity.mqlTargetPerWeek).toBeNull();
    expect(card.capacity.derivation[0]).toMatch(/^Not enough history for a pace/);
  });

  it('defaults to the running month, a share of it gone, compared with November', async () => {
    const card = (await view()).scorecard;
    expect(card.period.label).toBe('2026-12');
    expect(card.previous.label).toBe('2026-11');
    expect(card.elapsed).toBeGreaterThan(0.2);
    expect(card.elapsed).toBeLessThan(0.3);
    expect(card.marketing.mqls).toMatchObject({ value: 4, previous: 6, change: -2 });
    expect(card.sales.untouched).toMatchObject({ value: 1, previous: 0, change: 1 });
    expect(card.sales.slaMet.belowTarget).toBe(true);
    expect(card.capacity.reps.filter((r) => r.overCapacity)).toHaveLength(1);
    expect(card).toEqual((await view('2026-12')).scorecard);
  });

  it('scores an ISO week by day and a quarter by week, each against the one before', async () => {
    const week = (await view('2026-W48')).scorecard;
    expect(week.period).toMatchObject({ kind: 'week', label: '2026-W48' });
    expect(week.previous.label).toBe('2026-W47');
    expect(week.series[0]?.bucket).toBe('2026-11-23');
    expect(week.series[1]?.bucket).toBe('2026-11-24');
    expect(week.marketing.mqls.value).toBe(6);
    const quarter = (await view('2026-Q4')).scorecard;
    expect(quarter.period).toMatchObject({ kind: 'quarter', label: '2026-Q4' });
    expect(quarter.previous.label).toBe('2026-Q3');
    const [nov, dec] = [(await view('2026-11')).scorecard, (await view('2026-12')).scorecard];
    expect(quarter.marketing.mqls.value).toBe(
      (nov.marketing.mqls.value ?? 0) + (dec.marketing.mqls.value ?? 0),
    );
    expect(quarter.sales.returns).toHaveLength(nov.sales.returns.length + dec.sales.returns.length);
  });

  it('gives the same figures as CSV for spreadsheets, as a download named after tenant and period', async () => {
    const card = (await view('2026-11')).scorecard;
    const res = await get(`tenantId=${s.tenantId}&period=2026-11&format=csv`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(res.headers.get('content-disposition')).toMatch(
      new RegExp(`^attachment; filename="?baton-scorecard-${s.tenantId}-2026-11\\.csv"?$`),
    );
    const rows = parse(res.text, { columns: true }) as Array<Record<string, string>>;
    const value = (section: string, metric: string, key = 'all') =>
      rows.find((r) => r['section'] === section && r['key'] === key && r['metric'] === metric)?.['value'];
    expect(Object.keys(rows[0] ?? {})).toEqual(['section', 'key', 'metric', 'value']);
    expect(value('mqls', 'value')).toBe(String(card.marketing.mqls.value));
    expect(value('mqls', 'previous')).toBe(String(card.marketing.mqls.previous));
    expect(value('accept_rate', 'value')).toBe(String(card.marketing.acceptRate.value));
    expect(value('accept_rate', 'target')).toBe('0.9');
    expect(value('sla_met_share', 'value')).toBe(String(card.sales.slaMet.value));
    expect(value('breaches', 'value')).toBe(String(card.sales.breaches.value));
    expect(value('median_human_latency_minutes', 'value')).toBe(
      String(card.sales.medianHumanLatencyMinutes.value),
    );
    expect(value('reject_by_source', 'rate', 'PAID_SEARCH')).toBe(
      String(card.marketing.rejects.bySource.find((r) => r.key === 'PAID_SEARCH')?.rate),
    );
    // A missing figure is an empty cell, not "null".
    expect(value('mqls', 'committed')).toBe('');
    const returns = rows.filter((r) => r['section'] === 'return');
    expect(returns.map((r) => r['value'])).toEqual(card.sales.returns.map((r) => r.note ?? ''));
    expect(rows.filter((r) => r['section'] === 'deviation').map((r) => r['value'])).toEqual(
      card.deviations.map((d) => d.detail),
    );
  });

  it('answers 404 for an unknown tenant and 400 naming the period for one it cannot score', async () => {
    const unknown = await get('tenantId=no-such-tenant&period=2026-11');
    expect(unknown.status).toBe(404);
    expect(JSON.parse(unknown.text)).toMatchObject({ error: { code: 'not_found' } });
    for (const [period, message] of [
      ['2026-13', /must be a month \(2026-12\), an ISO week \(2026-W49\) or a quarter \(2026-Q4\)/],
      ['2026-W60', /must be a month/],
      ['2025-W53', /must be a month/],
      ['abc', /must be a month/],
      ['2027-01', /2027-01 has not started yet/],
      ['2026-W51', /2026-W51 has not started yet/],
    ] as const) {
      for (const format of ['json', 'csv']) {
        const res = await get(`tenantId=${s.tenantId}&period=${period}&format=${format}`);
        expect(res.status, `${period} as ${format}`).toBe(400);
        const body = JSON.parse(res.text) as {
          error: { code: string; message: string; problems: Array<{ field: string }> };
        };
        expect(body.error.code).toBe('invalid_input');
        expect(body.error.message).toMatch(message);
        expect(body.error.problems.map((p) => p.field)).toContain('period');
      }
    }
    expect((await get(`tenantId=${s.tenantId}&format=xml`)).status).toBe(400);
    expect((await get(`tenantId=${s.tenantId}&period=2026-11&extra=1`)).status).toBe(400);
    expect((await get('period=2026-11')).status).toBe(400);
  });

  it('refuses without the ops token, or with a wrong one, as JSON and as CSV', async () => {
    for (const format of ['json', 'csv']) {
      const query = `tenantId=${s.tenantId}&period=2026-11&format=${format}`;
      const none = await get(query, null);
      expect(none.status).toBe(401);
      expect(JSON.parse(none.text)).toMatchObject({ error: { code: 'unauthenticated' } });
      expect((await get(query, 'wrong-token-wrong-token')).status).toBe(401);
    }
  });
});
