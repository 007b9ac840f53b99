// Bad input that a looser validation would let through to break something: text PostgreSQL cannot store (NUL,
// lone surrogates), malformed escapes in path parameters, dates PostgreSQL cannot represent, an unbounded report,
// and refusals that must come in the right form (status, HTML or JSON) and change nothing.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getTenant } from '../../src/store/tenants.ts';
import { cardUrl } from './support/cardCases.ts';
import { runBatch, type FuzzCase } from './support/fuzzRun.ts';
import { OPS_TOKEN, startFuzzWorld, type FuzzWorld } from './support/fuzzWorld.ts';
import { unstorableText } from './support/hostileInput.ts';
import { fingerprint } from './support/storeFingerprint.ts';
import { signed } from './support/signing.ts';
import { WEBHOOK_PATH, webhookEvent } from './support/webhookCases.ts';

let world: FuzzWorld;
const ops = { authorization: `Bearer ${OPS_TOKEN}` };

beforeAll(async () => {
  world = await startFuzzWorld();
});
afterAll(() => world.close());

/** Sends each case alone (store checked after each) and expects none to go wrong; the diff lists all that do. */
async function eachRefused(cases: readonly FuzzCase[]): Promise<void> {
  const wrong: string[] = [];
  for (const c of cases) {
    await runBatch(world, [c]).catch((e: unknown) => wrong.push(e instanceof Error ? e.message : String(e)));
  }
  expect(wrong).toEqual([]);
}

/** Malformed percent-escapes: bad hex, truncated or overlong UTF-8, an encoded lone surrogate. */
const malformedEscape = fc.constantFrom(
  '%ZZ',
  '%E0%A4%A',
  '%E0%A4',
  '%C0%AF',
  '%ED%A0%80',
  '%',
  '1%2',
  '%FF',
  '%u0041',
);

describe('text the database cannot store', () => {
  // A NUL (\u0000) or a lone surrogate in `note` or `requestId` would fail in PostgreSQL (ledger.note text,
  // inbox.payload jsonb, inbox.dedupe_key): the return's schema (storableText) refuses it first.
  it('a signed return whose note or requestId holds NUL or a lone surrogate is a 400, not a 500', async () => {
    const path = cardUrl(`/leads/${world.leadsA[1]}/return`, world.tenantA.externalId);
    await fc.assert(
      fc.asyncProperty(unstorableText, fc.boolean(), async (text, inNote) => {
        const body = inNote
          ? { reason: 'not_ready', requestId: 'req-bug-note-01', note: text }
          : { reason: 'not_ready', requestId: `req-bug-${text}`.padEnd(8, 'x') };
        await runBatch(world, [
          {
            endpoint: 'POST /api/hubspot/leads/:id/return',
            req: signed(world.signer, 'POST', path, JSON.stringify(body)),
            expect: { kind: 'api_error', status: [400] },
          },
        ]);
      }),
      { numRuns: 20 },
    );
  });

  // The policy schema's texts (reason labels, list names, ...) refuse NUL and lone surrogates, naming the field,
  // before the jsonb write could fail.
  it('a signed settings save with NUL or a lone surrogate in a policy text is a 400, not a 500', async () => {
    const path = cardUrl('/settings', world.tenantA.externalId, world.adminA);
    const policy = world.tenantA.policy;
    await fc.assert(
      fc.asyncProperty(unstorableText, async (text) => {
        const reasons = policy.reasons.map((r, i) => (i === 0 ? { ...r, label: text } : r));
        await runBatch(world, [
          {
            endpoint: 'PUT /api/hubspot/settings',
            req: signed(world.signer, 'PUT', path, JSON.stringify({ policy: { ...policy, reasons } })),
            expect: { kind: 'api_error', status: [400] },
          },
        ]);
      }),
      { numRuns: 10 },
    );
  });

  // The webhook event schema refuses NUL and lone surrogates in its texts: otherwise the inbox write (dedupe_key
  // text, payload jsonb) fails with a 500, and HubSpot retries the delivery for days, each retry a 500.
  it('a signed webhook whose propertyName holds NUL or a lone surrogate is a 400, not a 500', async () => {
    await fc.assert(
      fc.asyncProperty(unstorableText, async (text) => {
        const body = JSON.stringify([
          webhookEvent(world.tenantA.externalId, world.signer.now(), { propertyName: text }),
        ]);
        await runBatch(world, [
          {
            endpoint: 'POST /webhooks/hubspot',
            req: signed(world.signer, 'POST', WEBHOOK_PATH, body),
            expect: { kind: 'api_error', status: [400] },
          },
        ]);
      }),
      { numRuns: 10 },
    );
  });

  // Query, path and body values of the ops API (tenant and lead ids, replay keys) refuse NUL before any query
  // could fail in PostgreSQL.
  it('the ops API with NUL in a query, path or body value answers 400/404, not 500', async () => {
    const get = (path: string): FuzzCase => ({
      endpoint: path,
      req: { method: 'GET', path, headers: ops },
      expect: { kind: 'api_error', status: [400, 404] },
    });
    await eachRefused([
      get('/ops/api/sync-log?tenantId=%00'),
      get('/ops/api/sync-log?leadId=%00'),
      get('/ops/api/failures?tenantId=%00'),
      get('/ops/api/sla-board?tenantId=%00'),
      get('/ops/api/funnel?tenantId=%00'),
      get('/ops/api/leads/%00/1/timeline'),
      get('/ops/api/tenants/%00/backfill'),
      {
        endpoint: 'POST /ops/api/tenants/:id/uninstall',
        req: { method: 'POST', path: '/ops/api/tenants/%00/uninstall', headers: ops },
        expect: { kind: 'api_error', status: [400, 404] },
      },
      {
        endpoint: 'POST /ops/api/failures/replay',
        req: {
          method: 'POST',
          path: '/ops/api/failures/replay',
          headers: { ...ops, 'content-type': 'application/json' },
          body: JSON.stringify({ tenantId: 'hubspot-\u0000' }),
        },
        expect: { kind: 'api_error', status: [400, 404] },
      },
    ]);
  });
});

describe('values outside what the server can parse or represent', () => {
  // The router's own URIError for a malformed escape in a path parameter (status 400, "Failed to decode param")
  // is the client's error, not an internal one: signed card requests and ops API requests with the token get a
  // 400; the console's lead page without a login still sends the browser to the login.
  it('a malformed percent-escape in a path parameter is a 400 (or the login), not a 500', async () => {
    const a = world.tenantA.externalId;
    const refused = { kind: 'api_error', status: [400] } as const;
    const cases = (bad: string): FuzzCase[] => [
      {
        endpoint: 'GET /api/hubspot/leads/:id/passport',
        req: signed(world.signer, 'GET', cardUrl(`/leads/${bad}/passport`, a)),
        expect: refused,
      },
      {
        endpoint: 'POST /api/hubspot/leads/:id/return',
        req: signed(world.signer, 'POST', cardUrl(`/leads/${bad}/return`, a), '{}'),
        expect: refused,
      },
      {
        endpoint: 'GET /ops/api/leads/:t/:l/timeline',
        req: { method: 'GET', path: `/ops/api/leads/hubspot-1/${bad}/timeline`, headers: ops },
        expect: refused,
      },
      {
        endpoint: 'POST /ops/api/tenants/:id/uninstall',
        req: { method: 'POST', path: `/ops/api/tenants/${bad}/uninstall`, headers: ops },
        expect: refused,
      },
      {
        endpoint: 'GET /ops/api/tenants/:id/backfill',
        req: { method: 'GET', path: `/ops/api/tenants/${bad}/backfill`, headers: ops },
        expect: refused,
      },
      {
        endpoint: 'GET /ops/leads/:t/:l (console page, no login)',
        req: { method: 'GET', path: `/ops/leads/${bad}/1`, headers: { accept: 'text/html' } },
        expect: { kind: 'login_required' },
      },
    ];
    await fc.assert(
      fc.asyncProperty(malformedEscape, async (bad) => {
        await eachRefused(cases(bad));
      }),
      { numRuns: 10, endOnFailure: true },
    );
  });

  // Year 0000 is a valid ISO date-time but PostgreSQL's timestamptz cannot hold it ("date/time field value out of
  // range"): the ops API's dates are bounded (1970 to 9999).
  it('a date in year 0000 in an ops query is a 400, not a 500', async () => {
    const t = world.tenantA.id;
    await eachRefused(
      [
        '/ops/api/sync-log?since=0000-01-01T00:00:00Z',
        '/ops/api/sync-log?until=0000-06-30T12:00:00%2B01:00',
        `/ops/api/funnel?tenantId=${t}&from=0000-01-01T00:00:00Z&to=2026-12-01T00:00:00Z`,
      ].map((path) => ({
        endpoint: path,
        req: { method: 'GET', path, headers: ops },
        expect: { kind: 'api_error', status: [400] },
      })),
    );
  });

  // Past 8.64e15 ms a number is not a time (new Date(...) is Invalid Date): an inbox row with a null occurredAt
  // would fail the drain. The webhook event schema bounds occurredAt; such a delivery is a 400 that stores nothing.
  it('a signed webhook event with an occurredAt beyond any representable time is a 400 and stores nothing', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 8_640_000_000_000_001, max: Number.MAX_SAFE_INTEGER }),
        async (occurredAt) => {
          const body = JSON.stringify([
            webhookEvent(world.tenantA.externalId, world.signer.now(), { occurredAt }),
          ]);
          await runBatch(world, [
            {
              endpoint: 'POST /webhooks/hubspot',
              req: signed(world.signer, 'POST', WEBHOOK_PATH, body),
              expect: { kind: 'api_error', status: [400] },
            },
          ]);
        },
      ),
      { numRuns: 5 },
    );
  });

  // Unbounded, 0001 to 9999 by day would be ~3.65 million buckets computed on the event loop: the whole server
  // (webhooks, cards, /healthz) would stop answering for ~20 s. A period longer than 3 years is a 400, at once.
  it('the funnel over an absurd period is refused at once, and the server keeps answering meanwhile', async () => {
    const path = `/ops/api/funnel?tenantId=${world.tenantA.id}&from=0001-01-01T00:00:00Z&to=9999-12-31T00:00:00Z&bucket=day`;
    const started = Date.now();
    const funnel = world.client.one({ method: 'GET', path, headers: ops });
    await new Promise((r) => setTimeout(r, 50));
    const health = await world.client.one({ method: 'GET', path: '/healthz' });
    const healthMs = Date.now() - started;
    const answer = await funnel;
    expect({ status: answer.status, healthWithin2s: healthMs < 2_000 && health.status === 200 }).toEqual({
      status: 400,
      healthWithin2s: true,
    });
  }, 60_000);
});

describe('refusals in the wrong form', () => {
  // parsePolicy(null) means "all defaults": a save taking a missing or null policy that way would silently wipe
  // the tenant's SLA, reasons, scoring and admins list. A body without a policy object is a 400.
  it('PUT /settings with a null or missing policy is a 400 and leaves the policy as it was', async () => {
    const path = cardUrl('/settings', world.tenantA.externalId, world.adminA);
    const policy = world.tenantA.policy;
    const custom = { ...policy, sla: { ...policy.sla, firstTouchHours: 8 } };
    const saved = await world.client.one(
      signed(world.signer, 'PUT', path, JSON.stringify({ policy: custom })),
    );
    expect(saved.status).toBe(200);
    await eachRefused(
      ['{}', '{"policy":null}', '{"__proto__":{"policy":1}}'].map((body) => ({
        endpoint: 'PUT /api/hubspot/settings',
        req: signed(world.signer, 'PUT', path, body),
        expect: { kind: 'api_error', status: [400] },
      })),
    );
    expect((await getTenant(world.db, world.tenantA.id))?.policy.sla.firstTouchHours).toBe(8);
  });

  // HubSpot refusing the code (invalid_grant / BAD_AUTH_CODE: a forged, expired or already used code) is the
  // caller's fault: a 400. Only HubSpot failing or unreachable is a 5xx (502; see test/e2e/hubspotInstall.test.ts).
  it('a forged authorization code with a genuine state is a 400 page, not a 502', async () => {
    const install = await world.client.one({ method: 'GET', path: '/oauth/hubspot/install' });
    const state = new URL(install.headers['location'] ?? '').searchParams.get('state') ?? '';
    const before = await fingerprint(world.db);
    const res = await world.client.one({
      method: 'GET',
      path: `/oauth/hubspot/callback?code=forged-code-0123&state=${encodeURIComponent(state)}`,
    });
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.text).toContain('Install failed');
    const after = await fingerprint(world.db);
    // The state is spent (single use, by design); no tenant, no credentials.
    expect({ tenants: after.tenants, credentials: after.credentials }).toEqual({
      tenants: before.tenants,
      credentials: before.credentials,
    });
    expect(res.status).toBe(400);
  });

  // The login form's body-parser errors (a form over 4 kB, an unknown charset) answer the login page with the
  // reason, not the API's JSON envelope a browser would show raw.
  it('an oversized or undecodable login form gets the HTML login page, not a JSON envelope', async () => {
    const form = (type: string, body: string): FuzzCase => ({
      endpoint: 'POST /ops/login',
      req: { method: 'POST', path: '/ops/login', headers: { 'content-type': type }, body },
      expect: { kind: 'html_page', status: [400, 401, 413], contains: 'Sign in' },
    });
    await eachRefused([
      form('application/x-www-form-urlencoded', `token=${'x'.repeat(5_000)}`),
      form('application/x-www-form-urlencoded; charset=bogus', 'token=x'),
    ]);
  });
});
