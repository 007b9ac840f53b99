// "Prove it", bad input: well over 10,000 hostile requests (fast-check) at every public endpoint of one running
// Baton. Every answer is below 500 and the expected clear refusal; a refused batch leaves the store exactly as it
// was; the server keeps answering; the valid requests mixed in keep working. Inputs aimed at the store's limits
// (NUL, lone surrogates, malformed escapes, year 0) have their own tests in badInput.test.ts.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { cardArbitraries, cardUrl } from './support/cardCases.ts';
import { crossTenantArbitrary } from './support/crossTenantCases.ts';
import { expectAlive, requestsSent, runBatch, type FuzzCase } from './support/fuzzRun.ts';
import { OPS_TOKEN, startFuzzWorld, type FuzzWorld } from './support/fuzzWorld.ts';
import { oauthArbitraries } from './support/oauthCases.ts';
import { opsAccessArbitraries } from './support/opsAccessCases.ts';
import { opsApiArbitrary } from './support/opsApiCases.ts';
import { signed } from './support/signing.ts';
import { webhookArbitraries, WEBHOOK_PATH } from './support/webhookCases.ts';
import { BROKEN_HTTP, hugeBodyArbitrary, randomPathCase } from './support/wildCases.ts';

// Each property sends 100–1,500 requests: seconds alone, but CI runs this file beside the other suites on two cores.
vi.setConfig({ testTimeout: 180_000 });

let world: FuzzWorld;
let sessionCookie: string;
const started = Date.now();

/** Batches of `size` cases, `runs` times: runs × size requests. */
async function fuzz(arb: fc.Arbitrary<FuzzCase>, runs: number, size: number): Promise<void> {
  await fc.assert(
    fc.asyncProperty(fc.array(arb, { minLength: size, maxLength: size }), async (cases) => {
      await runBatch(world, cases);
    }),
    { numRuns: runs },
  );
}

beforeAll(async () => {
  world = await startFuzzWorld();
  const login = await world.client.one({
    method: 'POST',
    path: '/ops/login',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: `token=${OPS_TOKEN}`,
  });
  sessionCookie = (login.headers['set-cookie'] ?? '').split(';')[0] ?? '';
  expect(sessionCookie).toMatch(/^baton_ops=[\w-]{43}$/);
  // A passport names the lead's owner, asked of the CRM once and then cached: read each lead once here, so the
  // valid reads mixed into the fuzz batches are pure reads (no CRM call, no sync-log row).
  for (const lead of world.leadsA) {
    const req = signed(world.signer, 'GET', cardUrl(`/leads/${lead}/passport`, world.tenantA.externalId));
    const read = await world.client.one(req);
    expect(read.status).toBe(200);
  }
});
afterAll(() => world.close());

describe('POST /webhooks/hubspot', () => {
  it('forged, unsigned, stale, future or re-targeted signatures: 401', async () => {
    await fuzz(webhookArbitraries(world).forgedCase, 60, 25);
  });

  it('signed but malformed, mis-shaped, or for a portal without Baton: 400/403', async () => {
    await fuzz(webhookArbitraries(world).signedBadCase, 60, 20);
  });

  it('a valid delivery is accepted; the exact same request again is a 409 that stores nothing', async () => {
    const { goodBody } = webhookArbitraries(world);
    await fc.assert(
      fc.asyncProperty(goodBody, fc.integer({ min: 1, max: 250_000 }), async (body, earlier) => {
        const n = (JSON.parse(body) as unknown[]).length;
        const req = signed(world.signer, 'POST', WEBHOOK_PATH, body);
        const endpoint = 'POST /webhooks/hubspot';
        const accepted = (json: unknown) =>
          expect(json).toEqual({ accepted: n, duplicates: 0, ignored: 0, notConnected: 0 });
        await runBatch(world, [{ endpoint, req, expect: { kind: 'ok_json', check: accepted } }], {
          storeMayChange: true,
        });
        await runBatch(world, [{ endpoint, req, expect: { kind: 'api_error', status: [409] } }]);
        // HubSpot's own retry is signed anew: accepted, and deduplicated.
        const retry = signed(world.signer, 'POST', WEBHOOK_PATH, body, {
          timestamp: world.signer.now() - earlier,
        });
        const deduped = (json: unknown) =>
          expect(json).toEqual({ accepted: 0, duplicates: n, ignored: 0, notConnected: 0 });
        await runBatch(world, [{ endpoint, req: retry, expect: { kind: 'ok_json', check: deduped } }], {
          storeMayChange: true,
        });
      }),
      { numRuns: 40 },
    );
  });
});

describe('card API /api/hubspot/*', () => {
  it('forged, unsigned, stale, future or re-targeted signatures: 401', async () => {
    await fuzz(cardArbitraries(world).forgedCase, 60, 25);
  });

  it('signed, but no valid caller (portalId/userId) or a portal without Baton: 400/403', async () => {
    await fuzz(cardArbitraries(world).badCallerCase, 30, 20);
  });

  it('signed, with hostile ids and bodies, valid reads mixed in: 400/404, the reads keep working', async () => {
    const { badInputCase, validRead } = cardArbitraries(world);
    const mixed = fc.oneof({ weight: 4, arbitrary: badInputCase }, { weight: 1, arbitrary: validRead });
    await fuzz(mixed, 60, 25);
  });

  it("signed for one portal, naming another portal's lead: untracked, 404, nothing changes", async () => {
    await fuzz(crossTenantArbitrary(world), 30, 10);
  });

  it('a valid return works once; its replay and a second return change nothing', async () => {
    const lead = world.leadsA[0];
    // The portal's Baton admin: the leads here are owned by a made-up owner, and only an admin may return those.
    const path = cardUrl(`/leads/${lead}/return`, world.tenantA.externalId, world.adminA);
    const req = signed(
      world.signer,
      'POST',
      path,
      JSON.stringify({ reason: 'not_ready', requestId: 'req-fuzz-valid-1' }),
    );
    const endpoint = 'POST /api/hubspot/leads/:id/return';
    const returned = (duplicate: boolean) => (json: unknown) =>
      expect(json).toMatchObject({ leadId: lead, stage: 'recycled', lastReason: 'not_ready', duplicate });
    await runBatch(world, [{ endpoint, req, expect: { kind: 'ok_json', check: returned(false) } }], {
      storeMayChange: true,
    });
    await runBatch(world, [{ endpoint, req, expect: { kind: 'ok_json', check: returned(true) } }]);
    await fc.assert(
      fc.asyncProperty(fc.string({ minLength: 8, maxLength: 60 }), async (requestId) => {
        const again = signed(
          world.signer,
          'POST',
          path,
          JSON.stringify({ reason: 'not_ready', requestId: `x${requestId}` }),
        );
        await runBatch(world, [{ endpoint, req: again, expect: { kind: 'api_error', status: [409] } }]);
      }),
      { numRuns: 20 },
    );
  });
});

describe('install (browser routes)', () => {
  it('GET /oauth/hubspot/install always goes to the configured consent screen', async () => {
    await fuzz(oauthArbitraries(world).installCase, 20, 20);
  });

  it('GET /oauth/hubspot/callback without a genuine state: an HTML "Install failed" page, nothing stored', async () => {
    await fuzz(oauthArbitraries(world).callbackCase, 30, 25);
  });
});

describe('ops', () => {
  it('GET /ops/login reflects nothing unescaped and only keeps console paths as "next"', async () => {
    await fuzz(opsAccessArbitraries().loginGet, 15, 20);
  });

  it('POST /ops/login: a wrong token is a 401 page; the right one a session and a console redirect', async () => {
    await fuzz(opsAccessArbitraries().loginPost, 15, 20);
  });

  it('the ops API and /metrics without a valid token or session: 401', async () => {
    await fuzz(opsAccessArbitraries().unauthenticated, 40, 25);
  });

  it('console pages without a login: refused or sent to the login page', async () => {
    await fuzz(opsAccessArbitraries().consoleUnauthenticated, 10, 20);
  });

  it('with the token, hostile queries and bodies get a clear 4xx, never a 5xx, and change nothing', async () => {
    // The scorecard names the reps, managers and returners it mentions (asked of the CRM once, then cached): read
    // it once for each period the fuzz can ask that has data, as the data stands now, so its reads are pure.
    for (const period of ['', '&period=2026-Q4']) {
      const read = await world.client.one({
        method: 'GET',
        path: `/ops/api/scorecard?tenantId=${world.tenantA.id}${period}`,
        headers: { authorization: `Bearer ${OPS_TOKEN}` },
      });
      expect(read.status).toBe(200);
    }
    await fuzz(opsApiArbitrary(world, sessionCookie), 30, 20);
  });
});

describe('anything else', () => {
  it('random methods on random paths', async () => {
    await fuzz(randomPathCase, 40, 25);
  });

  it('broken HTTP is refused by the server without harm', async () => {
    const cases: FuzzCase[] = BROKEN_HTTP.map((wire) => ({
      endpoint: 'broken HTTP',
      req: { method: 'GET', path: '/', wire },
      expect: { kind: 'bare_4xx' },
    }));
    for (let round = 0; round < 5; round++) await runBatch(world, cases);
  });

  it('bodies over the limit: 413 everywhere, nothing stored', async () => {
    await fuzz(hugeBodyArbitrary(world), 10, 6);
  });

  it(`sent well over 10,000 requests, in about a minute`, async () => {
    await expectAlive(world);
    const counts = [...requestsSent()].sort(([a], [b]) => a.localeCompare(b));
    const total = counts.reduce((sum, [, n]) => sum + n, 0);
    const table = counts.map(([endpoint, n]) => `  ${String(n).padStart(6)}  ${endpoint}`).join('\n');
    process.stdout.write(
      `\nfuzz: ${total} requests in ${Math.round((Date.now() - started) / 1000)} s\n${table}\n`,
    );
    expect(total).toBeGreaterThanOrEqual(10_000);
  });
});
