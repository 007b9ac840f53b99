// Faithfulness: the daily API allocation (rolling 24 h) — Sforce-Limit-Info on every REST response, parsed by
// jsforce into conn.limitInfo.apiUsage; REQUEST_LIMIT_EXCEEDED once it is used up; /limits — and the
// replication calls getUpdated/getDeleted with their window rules.
import { afterEach, describe, expect, it } from 'vitest';
import { sfError, startHarness, type Harness } from './testing/harness.ts';

let h: Harness;
afterEach(() => h.close());

describe('daily API allocation', () => {
  it('reports usage in Sforce-Limit-Info and refuses calls past the allocation until the window rolls', async () => {
    h = await startHarness({}, { dailyApiRequests: 3 });
    const conn = h.connection();
    await conn.query('SELECT Id FROM Lead');
    expect(conn.limitInfo.apiUsage).toEqual({ used: 1, limit: 3 });
    await conn.sobject('Lead').create({ LastName: 'A', Company: 'B' });
    h.clock.advance(3_600_000);
    await conn.limits();
    expect(conn.limitInfo.apiUsage).toEqual({ used: 3, limit: 3 });

    const refused = await sfError(conn.query('SELECT Id FROM Lead'));
    expect(refused.name).toBe('REQUEST_LIMIT_EXCEEDED');
    expect(refused.message).toBe('TotalRequests Limit exceeded.');
    const raw = await fetch(`${h.baseUrl}/services/data/v62.0/limits`, {
      headers: { authorization: `Bearer ${h.setup.accessToken}` },
    });
    expect(raw.status).toBe(403);
    expect(raw.headers.get('sforce-limit-info')).toBe('api-usage=3/3');
    expect(await raw.json()).toEqual([
      { message: 'TotalRequests Limit exceeded.', errorCode: 'REQUEST_LIMIT_EXCEEDED' },
    ]);

    // The first two calls leave the 24-hour window; the one an hour later is still in it.
    h.clock.advance(23 * 3_600_000);
    const limits = await conn.limits();
    expect(limits.DailyApiRequests).toEqual({ Max: 3, Remaining: 1 });
    expect(conn.limitInfo.apiUsage).toEqual({ used: 2, limit: 3 });
  });

  it('can let an org run past its allocation: Sforce-Limit-Info then says more than 100 %', async () => {
    h = await startHarness({}, { dailyApiRequests: 2 });
    h.setup.org.apiUsage.overage = 1;
    const conn = h.connection();
    await conn.query('SELECT Id FROM Lead');
    await conn.query('SELECT Id FROM Lead');
    await conn.query('SELECT Id FROM Lead');
    expect(conn.limitInfo.apiUsage).toEqual({ used: 3, limit: 2 });
    const refused = await sfError(conn.query('SELECT Id FROM Lead'));
    expect(refused.name).toBe('REQUEST_LIMIT_EXCEEDED');
  });

  it('does not count OAuth, the versions list or refused calls', async () => {
    h = await startHarness({}, { dailyApiRequests: 1 });
    const versions = await fetch(`${h.baseUrl}/services/data`);
    expect(versions.headers.get('sforce-limit-info')).toBeNull();
    expect(await versions.json()).toContainEqual({
      label: "Winter '25",
      url: '/services/data/v62.0',
      version: '62.0',
    });
    await h.oauth2().refreshToken(h.setup.refreshToken);
    const conn = h.connection();
    await conn.query('SELECT Id FROM Lead');
    await sfError(conn.query('SELECT Id FROM Lead'));
    expect(h.org.apiUsage.used(h.clock.now())).toBe(1);
  });
});

describe('getUpdated and getDeleted', () => {
  it('returns ids changed in the window (seconds ignored) with latestDateCovered, never past now', async () => {
    h = await startHarness();
    const conn = h.connection();
    const at = (iso: string) => h.clock.set(Date.parse(iso));
    at('2026-10-01T09:00:10Z');
    const a = h.org.createLead({ LastName: 'A', Company: 'C' });
    at('2026-10-01T09:05:30Z');
    const b = h.org.createLead({ LastName: 'B', Company: 'C' });
    at('2026-10-01T09:10:00Z');
    h.org.updateLead(a.id, { Title: 'Later' });
    at('2026-10-01T09:12:45Z');

    const early = await conn.sobject('Lead').updated('2026-10-01T09:00:59Z', '2026-10-01T09:06:00Z');
    expect(early).toEqual({ ids: [b.id], latestDateCovered: '2026-10-01T09:06:00.000+0000' });
    const all = await conn.sobject('Lead').updated('2026-10-01T09:00:00Z', '2026-10-01T10:00:00Z');
    expect(all).toEqual({ ids: [b.id, a.id], latestDateCovered: '2026-10-01T09:12:00.000+0000' });

    const old = await sfError(conn.sobject('Lead').updated('2026-08-01T00:00:00Z', '2026-10-01T09:00:00Z'));
    expect(old.name).toBe('INVALID_REPLICATION_DATE');

    h.org.deleteLead(b.id);
    // Not covered until its minute is over.
    expect(
      (await conn.sobject('Lead').deleted('2026-10-01T09:00:00Z', '2026-10-01T10:00:00Z')).deletedRecords,
    ).toEqual([]);
    at('2026-10-01T09:14:00Z');
    const deleted = await conn.sobject('Lead').deleted('2026-10-01T09:00:00Z', '2026-10-01T10:00:00Z');
    expect(deleted).toMatchObject({
      deletedRecords: [{ id: b.id, deletedDate: '2026-10-01T09:12:45.000+0000' }],
      latestDateCovered: '2026-10-01T09:14:00.000+0000',
    });
  });
});
