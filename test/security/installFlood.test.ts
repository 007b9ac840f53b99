// Unauthenticated database growth (the red-team's attack, issue 16 item 6): 3,000 × GET /oauth/salesforce/install left
// 3,000 PKCE rows, deleted only when a callback came. Now a client's install starts that store a row are limited
// (429 page with Retry-After), and the worker's minute tick deletes expired rows whether or not a callback comes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INSTALL_EXPIRES_MS } from '../../src/app/connectCrm.ts';
import { INSTALL_LIMITS } from '../../src/web/routes/installRateLimit.ts';
import { firstTimeSeen } from '../../src/store/seenRequests.ts';
import { tickMinute } from '../../src/worker/scheduler.ts';
import { startBaton, type BatonHarness } from '../support/batonHarness.ts';

let h: BatonHarness;
beforeAll(async () => {
  h = await startBaton({ at: new Date('2026-11-23T14:00:00Z') });
});
afterAll(() => h.close());

const db = () => h.running.database.db;
const verifierRows = async () =>
  Number(
    (
      await db()
        .selectFrom('oauth_pkce')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
const start = (crm: string) =>
  fetch(`${h.running.config.publicUrl}/oauth/${crm}/install`, { redirect: 'manual' });

describe('install starts', () => {
  it('a client hammering the Salesforce install link leaves at most its limit of rows, then gets 429 pages', async () => {
    const before = await verifierRows();
    const statuses: number[] = [];
    for (let i = 0; i < INSTALL_LIMITS.perClient + 30; i++) {
      const res = await start('salesforce');
      statuses.push(res.status);
      if (res.status === 429) {
        expect(res.headers.get('retry-after')).toMatch(/^\d+$/);
        expect(res.headers.get('content-type')).toMatch(/^text\/html/);
        expect(await res.text()).toContain('Too many installs were started from here');
      } else await res.body?.cancel();
    }
    // Sandbox mode's own connect of the org (from this same address) counted as one start.
    const started = statuses.filter((s) => s === 302).length;
    expect(started).toBeGreaterThanOrEqual(INSTALL_LIMITS.perClient - 1);
    expect(started).toBeLessThanOrEqual(INSTALL_LIMITS.perClient);
    expect(statuses.slice(started).every((s) => s === 429)).toBe(true);
    expect((await verifierRows()) - before).toBe(started);
  });

  it("the worker's minute tick deletes verifiers whose install expired without a callback, and used signatures", async () => {
    expect(await verifierRows()).toBeGreaterThan(0);
    // A used signature that verifies for one more minute, then not (the request path no longer deletes them).
    expect(await firstTimeSeen(db(), 'signature-used-once', new Date(h.now().getTime() + 60_000))).toBe(true);
    await tickMinute({ db: db(), enqueue: async () => undefined, now: () => h.now() });
    expect(await verifierRows()).toBeGreaterThan(0); // not expired yet
    h.advance(INSTALL_EXPIRES_MS + 1_000);
    expect(await firstTimeSeen(db(), 'signature-used-once', new Date(h.now().getTime() + 60_000))).toBe(
      false,
    );
    await tickMinute({ db: db(), enqueue: async () => undefined, now: () => h.now() });
    expect(await verifierRows()).toBe(0);
    expect(
      await db().selectFrom('seen_requests').selectAll().where('expires_at', '<', h.now()).execute(),
    ).toEqual([]);
  });
});
