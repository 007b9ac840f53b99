// Conformance: 429s and rate-limit headers — the rolling ten-second window, the search API's per-second limit,
// the daily budget and the fault injector's extra 429s — against the spec's `Error` plus the usage
// guidelines' 429 fields and headers (see schemas/rateLimitSchemas.ts).
import type { Client } from '@hubspot/api-client';
import { afterEach, describe, expect, it } from 'vitest';
import type { HubSpotSandboxOptions } from '../options.ts';
import { apiError, startHarness, type Harness } from '../testing/harness.ts';
import { conforms } from './conforms.ts';
import {
  dailyHeaders,
  POLICY_MESSAGES,
  rateLimitError,
  retryAfterHeader,
  tenSecondlyHeaders,
} from './schemas/rateLimitSchemas.ts';
import { viaClient, viaFetch, type WireAnswer } from './wire.ts';

const open: Harness[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((h) => h.close()));
});

async function harness(options: HubSpotSandboxOptions = {}): Promise<Harness> {
  const h = await startHarness(options);
  open.push(h);
  return h;
}

const page = (client: Client) => viaClient(client, 'GET', '/crm/v3/objects/contacts?limit=1');
const search = (client: Client) =>
  viaClient(client, 'POST', '/crm/v3/objects/contacts/search', {
    filterGroups: [],
    sorts: [],
    properties: [],
    limit: 1,
    after: '0',
  });

async function spend(client: Client, n: number): Promise<void> {
  for (let i = 0; i < n; i += 10)
    await Promise.all(Array.from({ length: Math.min(10, n - i) }, () => page(client)));
}

/** A 429 whose body is the spec's `Error` with HubSpot's rate-limit fields, for this policy. */
function expect429(answer: WireAnswer, policy: keyof typeof POLICY_MESSAGES) {
  expect(answer.status).toBe(429);
  const body = conforms(rateLimitError, answer.body, `429 ${policy}`);
  expect(body).toMatchObject({ policyName: policy, message: POLICY_MESSAGES[policy] });
  return body;
}

describe('ten-secondly rolling limit', () => {
  it('every counted answer carries the window headers, counting down', async () => {
    const h = await harness();
    const first = conforms(tenSecondlyHeaders, (await page(h.client())).headers, 'headers');
    const second = conforms(tenSecondlyHeaders, (await page(h.client())).headers, 'headers');
    expect(first['x-hubspot-ratelimit-interval-milliseconds']).toBe('10000');
    expect(Number(second['x-hubspot-ratelimit-remaining'])).toBe(
      Number(first['x-hubspot-ratelimit-remaining']) - 1,
    );
  });

  it('the request past the window answers 429 TEN_SECONDLY_ROLLING with the headers at 0', async () => {
    const h = await harness();
    await spend(h.client(), 110);
    const answer = await page(h.client());
    expect429(answer, 'TEN_SECONDLY_ROLLING');
    const headers = conforms(tenSecondlyHeaders, answer.headers, '429 headers');
    expect(headers['x-hubspot-ratelimit-remaining']).toBe('0');
  });

  it('as api-client hands it over: ApiException.body keeps policyName, errorType and category', async () => {
    const h = await harness();
    await spend(h.client(), 110);
    const err = await apiError(h.client().crm.contacts.basicApi.getPage(1));
    expect(err.code).toBe(429);
    conforms(rateLimitError, err.body, 'ApiException body');
    conforms(tenSecondlyHeaders, err.headers, 'ApiException headers');
  });
});

describe('search: per-second limit', () => {
  it('the sixth search in a second answers 429 SECONDLY with the message api-client retries on', async () => {
    const h = await harness();
    for (let i = 0; i < 5; i++) expect((await search(h.client())).status).toBe(200);
    expect429(await search(h.client()), 'SECONDLY');
    const err = await apiError(
      h.client().crm.contacts.searchApi.doSearch({
        filterGroups: [],
        sorts: [],
        properties: [],
        limit: 1,
        after: '0',
      }),
    );
    expect(err.code).toBe(429);
    conforms(rateLimitError, err.body, 'ApiException body');
  });
});

describe('daily budget (private apps)', () => {
  it('answers carry the daily headers; past the budget, 429 DAILY', async () => {
    const h = await harness({ rateLimits: { daily: 2 } });
    const client = h.client(h.setup.privateAppToken);
    conforms(dailyHeaders, (await page(client)).headers, 'daily headers');
    await page(client);
    expect429(await page(client), 'DAILY');
  });
});

describe('fault-injected 429s', () => {
  it('look like the real ones, with and without Retry-After', async () => {
    const h = await harness({ rateLimits: false, faults: { rateLimitRate: 1 } });
    const plain = await viaFetch(h.baseUrl, 'GET', '/crm/v3/objects/contacts', {
      token: h.setup.accessToken,
    });
    expect429(plain, 'TEN_SECONDLY_ROLLING');
    expect(plain.headers['retry-after']).toBeUndefined();
    h.sandbox.setFaults({ rateLimitRate: 1, rateLimitRetryAfterSeconds: 2 });
    const told = await page(h.client());
    expect429(told, 'TEN_SECONDLY_ROLLING');
    expect(conforms(retryAfterHeader, told.headers, 'Retry-After')['retry-after']).toBe('2');
  });

  it('on a search and through api-client alike', async () => {
    const h = await harness({ rateLimits: false, faults: { rateLimitRate: 1 } });
    expect429(await search(h.client()), 'TEN_SECONDLY_ROLLING');
    const err = await apiError(h.client().crm.contacts.basicApi.getById('1'));
    expect(err.code).toBe(429);
    conforms(rateLimitError, err.body, 'ApiException body');
  });

  it('with the limits on, still carry the window headers of the request they refused', async () => {
    const h = await harness({ faults: { rateLimitRate: 1 } });
    const answer = await page(h.client());
    expect429(answer, 'TEN_SECONDLY_ROLLING');
    conforms(tenSecondlyHeaders, answer.headers, 'headers');
  });
});
