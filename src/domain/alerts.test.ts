// Alerts for change capture that stopped: the delivery allocation at once, a refusal or repeated failure only
// once it has lasted; one alert per topic and cause, its key stable while the condition lasts.
import { describe, expect, it } from 'vitest';
import { alertsFor, CHANGE_CAPTURE_ALERT_AFTER_MS, type AlertInputs } from './alerts.ts';

const NOW = new Date('2026-11-23T15:00:00Z');
const ago = (ms: number) => new Date(NOW.getTime() - ms);

const base: AlertInputs = {
  tenantId: 'salesforce-00D1',
  tenantName: 'Globex',
  status: 'connected',
  rejectRate: { rate: null, target: 0.2, handedOver: 0, periodDays: 30 },
  breaches: { last24h: 0, dailyAverageBefore: 0 },
  apiBudgetUsed: null,
  changeCapture: [],
  now: NOW,
};

describe('change capture alerts', () => {
  it('a healthy feed raises nothing', () => {
    expect(alertsFor(base)).toEqual([]);
  });

  it('the event delivery allocation used up is critical at once', () => {
    const alerts = alertsFor({
      ...base,
      changeCapture: [
        {
          topic: '/data/LeadChangeEvent',
          kind: 'delivery_limit',
          since: ago(1_000),
          problem: 'allocation used up',
        },
      ],
    });
    expect(alerts).toEqual([
      expect.objectContaining({
        kind: 'change_capture_stopped',
        severity: 'critical',
        key: 'salesforce-00D1:change_capture:/data/LeadChangeEvent:delivery_limit',
      }),
    ]);
    expect(alerts[0]?.message).toMatch(/LeadChangeEvent stopped since .*allocation used up.*reconciliation/);
  });

  it('a refusal or failure is a warning once it has lasted 15 minutes, not before', () => {
    const topic = (kind: 'refused' | 'failing', ms: number) => ({
      topic: '/data/TaskChangeEvent',
      kind,
      since: ago(ms),
      problem: 'needs View All Data',
    });
    expect(
      alertsFor({ ...base, changeCapture: [topic('refused', CHANGE_CAPTURE_ALERT_AFTER_MS - 1)] }),
    ).toEqual([]);
    expect(alertsFor({ ...base, changeCapture: [topic('failing', 60_000)] })).toEqual([]);
    const lasting = alertsFor({
      ...base,
      changeCapture: [
        topic('refused', CHANGE_CAPTURE_ALERT_AFTER_MS),
        topic('failing', 2 * CHANGE_CAPTURE_ALERT_AFTER_MS),
      ],
    });
    expect(lasting.map((a) => [a.severity, a.key])).toEqual([
      ['warning', 'salesforce-00D1:change_capture:/data/TaskChangeEvent:refused'],
      ['warning', 'salesforce-00D1:change_capture:/data/TaskChangeEvent:failing'],
    ]);
  });
});

describe('API budget alerts', () => {
  it('warns from 90 %, is critical from 98 %, and says so plainly once usage is past the allocation', () => {
    expect(alertsFor({ ...base, apiBudgetUsed: 0.89 })).toEqual([]);
    expect(alertsFor({ ...base, apiBudgetUsed: 0.9 })[0]).toMatchObject({ severity: 'warning' });
    const near = alertsFor({ ...base, apiBudgetUsed: 0.985 })[0];
    expect(near).toMatchObject({ kind: 'api_budget_low', severity: 'critical' });
    expect(near?.message).toBe(
      "Globex: 98.5 % of the CRM's API budget is used; Baton slows down before it runs out.",
    );
    // Salesforce reports usage past the allocation (api-usage=102/100): not "before it runs out" any more.
    const over = alertsFor({ ...base, apiBudgetUsed: 1.02 })[0];
    expect(over).toMatchObject({ severity: 'critical', key: 'salesforce-00D1:api_budget' });
    expect(over?.message).toBe(
      "Globex: 102 % of the CRM's API budget is used, past the allocation (the CRM may refuse any call now); Baton makes one call a minute until usage falls.",
    );
  });
});

describe('MQL volume over sales capacity', () => {
  it('warns once a period when this month’s MQLs exceed what sales can work so far', () => {
    const over = alertsFor({ ...base, mqlCapacity: { period: '2026-12', mqls: 120, capacityToDate: 90 } });
    expect(over).toEqual([
      expect.objectContaining({
        kind: 'mql_over_capacity',
        severity: 'warning',
        key: 'salesforce-00D1:mql_over_capacity:2026-12',
      }),
    ]);
    expect(over[0]?.message).toBe(
      "Globex: 120 MQLs in 2026-12 so far, more than the 90 sales can work at the measured pace. Leads beyond capacity wait and rot: see the SLA scorecard's capacity plan.",
    );
  });

  it('stays quiet at capacity, without a measured pace, or without the figures', () => {
    expect(alertsFor({ ...base, mqlCapacity: { period: '2026-12', mqls: 90, capacityToDate: 90 } })).toEqual(
      [],
    );
    expect(
      alertsFor({ ...base, mqlCapacity: { period: '2026-12', mqls: 900, capacityToDate: null } }),
    ).toEqual([]);
    expect(alertsFor(base)).toEqual([]);
  });
});
