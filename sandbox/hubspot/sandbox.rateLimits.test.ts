// Faithfulness: per-portal rate limits on a fixed clock — 110 requests per rolling 10 s with HubSpot's 429
// body and headers, search at 5 per second counted apart, an optional daily budget.
import type { Client } from '@hubspot/api-client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { apiError, startHarness, type Harness } from './testing/harness.ts';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(() => h.close());

const page = (client: Client) => client.crm.contacts.basicApi.getPageWithHttpInfo(1);
const search = (client: Client) => client.crm.contacts.searchApi.doSearch({ filterGroups: [] });

async function spend(client: Client, n: number): Promise<void> {
  for (let i = 0; i < n; i += 10)
    await Promise.all(Array.from({ length: Math.min(10, n - i) }, () => page(client)));
}

describe('ten-secondly rolling limit', () => {
  it('answers the 111th request in 10 s with 429 TEN_SECONDLY_ROLLING, and the window rolls on', async () => {
    const client = h.client();
    const first = await page(client);
    expect(first.headers).toMatchObject({
      'x-hubspot-ratelimit-max': '110',
      'x-hubspot-ratelimit-remaining': '109',
      'x-hubspot-ratelimit-interval-milliseconds': '10000',
    });
    await spend(client, 109);
    const err = await apiError(page(client));
    expect(err.code).toBe(429);
    expect(err.body).toEqual({
      status: 'error',
      message: 'You have reached your ten_secondly_rolling limit.',
      errorType: 'RATE_LIMIT',
      correlationId: expect.stringMatching(/^[0-9a-f-]{36}$/),
      category: 'RATE_LIMITS',
      policyName: 'TEN_SECONDLY_ROLLING',
      requestId: expect.stringMatching(/^[0-9a-f-]{36}$/),
    });
    expect(err.headers).toMatchObject({
      'x-hubspot-ratelimit-max': '110',
      'x-hubspot-ratelimit-remaining': '0',
    });
    // Other portals have their own budget.
    const other = h.sandbox.state.createPortal();
    await page(h.client(h.sandbox.state.installApp(other.id, h.setup.app.appId).accessToken));
    h.clock.advance(9_999);
    expect((await apiError(page(client))).code).toBe(429);
    h.clock.advance(1);
    expect((await page(client)).httpStatusCode).toBe(200);
    expect(h.sandbox.state.requests.all({ status: 429 }).every((r) => r.note === 'rate_limited')).toBe(true);
  });

  it('can be switched off', async () => {
    h.sandbox.setRateLimits(false);
    await spend(h.client(), 120);
  });
});

describe('search limit', () => {
  it('allows 5 searches a second, answers the 6th with the secondly message, and leaves the 10 s budget alone', async () => {
    const client = h.client();
    for (let i = 0; i < 5; i++) await search(client);
    const err = await apiError(search(client));
    expect(err.code).toBe(429);
    expect(err.body).toMatchObject({
      status: 'error',
      message: 'You have reached your secondly limit.',
      errorType: 'RATE_LIMIT',
    });
    expect((await page(client)).headers['x-hubspot-ratelimit-remaining']).toBe('109');
    h.clock.advance(1_000);
    await search(client);
  });
});

describe('daily budget', () => {
  it('answers 429 DAILY once the day is spent, with daily headers before that', async () => {
    h.sandbox.setRateLimits({ daily: 3 });
    const client = h.client();
    expect((await page(client)).headers).toMatchObject({
      'x-hubspot-ratelimit-daily': '3',
      'x-hubspot-ratelimit-daily-remaining': '2',
    });
    await page(client);
    await page(client);
    h.clock.advance(10_000);
    const err = await apiError(page(client));
    expect(err.code).toBe(429);
    expect(err.body).toMatchObject({ policyName: 'DAILY', message: 'You have reached your daily limit.' });
  });
});
