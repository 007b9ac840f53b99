// Who may see and change what: the ops console and API refuse without the ops token or a session (pages send
// the browser to the login, the API answers 401); a card request signed for one portal can neither read nor
// change another portal's lead or settings; a captured signed request cannot be played again.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadLead } from '../../src/store/leads.ts';
import { ledgerOfLead } from '../../src/store/ledger.ts';
import { getTenant } from '../../src/store/tenants.ts';
import { cardUrl } from './support/cardCases.ts';
import { OPS_TOKEN, PORTAL_B, startFuzzWorld, type FuzzWorld } from './support/fuzzWorld.ts';
import type { RawResponse } from './support/rawHttp.ts';
import { signed } from './support/signing.ts';

let world: FuzzWorld;
let session: string;

const json = (res: RawResponse) => JSON.parse(res.text) as Record<string, unknown>;

beforeAll(async () => {
  world = await startFuzzWorld();
  const login = await world.client.one({
    method: 'POST',
    path: '/ops/login',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: `token=${OPS_TOKEN}&next=/ops/failures`,
  });
  expect(login.status).toBe(303);
  expect(login.headers['location']).toBe('/ops/failures');
  expect(login.headers['set-cookie']).toMatch(/HttpOnly/i);
  expect(login.headers['set-cookie']).toMatch(/SameSite=Strict/i);
  session = (login.headers['set-cookie'] ?? '').split(';')[0] ?? '';
});
afterAll(() => world.close());

describe('the ops console and API require authentication', () => {
  const API = [
    ['GET', '/ops/api/tenants'],
    ['GET', '/ops/api/alerts'],
    ['GET', '/ops/api/sync-log'],
    ['GET', '/ops/api/failures'],
    ['POST', '/ops/api/failures/replay'],
    ['GET', '/ops/api/sla-board?tenantId=hubspot-555'],
    ['GET', '/ops/api/funnel?tenantId=hubspot-555'],
    ['GET', '/ops/api/scorecard?tenantId=hubspot-555'],
    ['GET', '/ops/api/review?tenantId=hubspot-555&month=2026-11'],
    ['POST', '/ops/api/whatif'],
    ['GET', '/ops/api/leads/hubspot-555/9200001/timeline'],
    ['POST', '/ops/api/tenants/hubspot-555/uninstall'],
    ['GET', '/ops/api/tenants/hubspot-555/backfill'],
    ['POST', '/ops/api/tenants/hubspot-555/backfill'],
    ['GET', '/metrics'],
  ] as const;
  const PAGES = [
    '/ops',
    '/ops/',
    '/ops/sync-log',
    '/ops/failures',
    '/ops/tenants',
    '/ops/sla',
    '/ops/funnel',
    '/ops/scorecard',
    '/ops/what-if',
    '/ops/leads/hubspot-555/9200001',
  ];

  it('the API and /metrics answer 401 without a token, with a wrong one, or with a forged session', async () => {
    const wrong: Array<Record<string, string>> = [
      {},
      { authorization: 'Bearer not-the-ops-token-at-all' },
      { authorization: `Bearer ${OPS_TOKEN}x` },
      { authorization: OPS_TOKEN },
      { cookie: `baton_ops=${Date.now() + 3_600_000}.forged` },
      { cookie: session.replace(/.$/, (last) => (last === 'A' ? 'B' : 'A')) },
    ];
    for (const [method, path] of API) {
      for (const headers of wrong) {
        const res = await world.client.one({
          method,
          path,
          headers: { ...headers, 'content-type': 'application/json' },
          body: '{}',
        });
        expect({ path, headers, status: res.status, body: json(res) }).toEqual({
          path,
          headers,
          status: 401,
          body: { error: { code: 'unauthenticated', message: expect.any(String) } },
        });
      }
    }
  });

  it('console pages send a browser without a session to the login page, and back after it', async () => {
    for (const path of PAGES) {
      const res = await world.client.one({ method: 'GET', path, headers: { accept: 'text/html' } });
      expect({ path, status: res.status, location: res.headers['location'] }).toEqual({
        path,
        status: 302,
        location: `/ops/login?next=${encodeURIComponent(path)}`,
      });
      expect(res.text).not.toContain('Baton ops</title>');
    }
    const asset = await world.client.one({ method: 'GET', path: '/ops/assets/js/main.ts' });
    expect(asset.status).toBe(401);
  });

  it('with the session the same pages and API answer', async () => {
    for (const path of PAGES.filter((p) => p !== '/ops/')) {
      const res = await world.client.one({ method: 'GET', path, headers: { cookie: session } });
      expect({ path, status: res.status }).toEqual({ path, status: 200 });
    }
    const tenants = await world.client.one({
      method: 'GET',
      path: '/ops/api/tenants',
      headers: { cookie: session },
    });
    expect(tenants.status).toBe(200);
  });

  it('the login page only ever sends back into the console', async () => {
    for (const next of [
      '//evil.example/',
      'https://evil.example/ops',
      '/ops/..//evil.example',
      '/\\evil.example',
      'javascript:alert(1)',
    ]) {
      const res = await world.client.one({
        method: 'POST',
        path: '/ops/login',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: `token=${OPS_TOKEN}&next=${encodeURIComponent(next)}`,
      });
      const location = res.headers['location'] ?? '';
      expect(res.status).toBe(303);
      expect(new URL(location, 'http://baton.test').origin, next).toBe('http://baton.test');
      expect(location, next).toMatch(/^\/ops(\/|$)/);
    }
  });
});

describe("a card request signed for one portal cannot read or change another portal's data", () => {
  const snapshot = async (tenantId: string, leadId: string) => ({
    lead: await loadLead(world.db, tenantId, leadId),
    ledger: await ledgerOfLead(world.db, tenantId, leadId),
  });

  it("portal B asking for portal A's leads: untracked, 404 on return, A's leads unchanged", async () => {
    for (const lead of world.leadsA) {
      const before = await snapshot(world.tenantA.id, lead);
      const passport = await world.client.one(
        signed(world.signer, 'GET', cardUrl(`/leads/${lead}/passport`, PORTAL_B)),
      );
      expect(passport.status).toBe(200);
      expect(json(passport)).toEqual({ tracked: false, leadId: lead, why: expect.any(String) });
      const ret = await world.client.one(
        signed(
          world.signer,
          'POST',
          cardUrl(`/leads/${lead}/return`, PORTAL_B),
          JSON.stringify({ reason: 'not_ready', requestId: `req-b-${lead}` }),
        ),
      );
      expect(ret.status).toBe(404);
      expect(await snapshot(world.tenantA.id, lead)).toEqual(before);
    }
  });

  it("portal A asking for portal B's lead: the same", async () => {
    const before = await snapshot(world.tenantB.id, world.leadB);
    const a = world.tenantA.externalId;
    const passport = await world.client.one(
      signed(world.signer, 'GET', cardUrl(`/leads/${world.leadB}/passport`, a)),
    );
    expect(json(passport)).toMatchObject({ tracked: false });
    expect(passport.text).not.toContain(`owner-${PORTAL_B}`);
    const ret = await world.client.one(
      signed(
        world.signer,
        'POST',
        cardUrl(`/leads/${world.leadB}/return`, a, world.adminA),
        JSON.stringify({ reason: 'not_ready', requestId: 'req-a-b-0001' }),
      ),
    );
    expect(ret.status).toBe(404);
    expect(await snapshot(world.tenantB.id, world.leadB)).toEqual(before);
  });

  it("settings: each portal reads its own; A's admin cannot change B's, B's users cannot change A's", async () => {
    const a = world.tenantA.externalId;
    const policyA = world.tenantA.policy;
    const custom = { ...policyA, sla: { ...policyA.sla, firstTouchHours: 9 } };
    const saved = await world.client.one(
      signed(world.signer, 'PUT', cardUrl('/settings', a, world.adminA), JSON.stringify({ policy: custom })),
    );
    expect(saved.status).toBe(200);
    const readB = await world.client.one(signed(world.signer, 'GET', cardUrl('/settings', PORTAL_B)));
    expect((json(readB)['policy'] as { sla: { firstTouchHours: number } }).sla.firstTouchHours).toBe(24);
    const policyB = (await getTenant(world.db, world.tenantB.id))?.policy;
    const hostile = JSON.stringify({ policy: { ...policyA, sla: { ...policyA.sla, firstTouchHours: 2 } } });
    for (const [portal, user] of [
      [PORTAL_B, world.adminA],
      [PORTAL_B, '7001'],
    ] as const) {
      const res = await world.client.one(
        signed(world.signer, 'PUT', cardUrl('/settings', portal, user), hostile),
      );
      expect({ portal, user, status: res.status }).toEqual({ portal, user, status: 403 });
    }
    expect((await getTenant(world.db, world.tenantB.id))?.policy).toEqual(policyB);
    expect((await getTenant(world.db, world.tenantA.id))?.policy.sla.firstTouchHours).toBe(9);
  });
});

describe('replays of signed card requests', () => {
  // Like the webhook's, a state-changing card request's signature is remembered (in the transaction of its
  // change): a captured settings save replayed within its five minutes would silently undo the admin's later
  // change, so the replay is refused (409) and changes nothing. (A return's replay is its duplicate: 200, unchanged.)
  it('the exact same signed settings save, played again after a newer save, is refused and undoes nothing', async () => {
    const a = world.tenantA.externalId;
    const path = cardUrl('/settings', a, world.adminA);
    const policy = world.tenantA.policy;
    const first = signed(
      world.signer,
      'PUT',
      path,
      JSON.stringify({ policy: { ...policy, sla: { ...policy.sla, firstTouchHours: 12 } } }),
    );
    expect((await world.client.one(first)).status).toBe(200);
    const newer = signed(
      world.signer,
      'PUT',
      path,
      JSON.stringify({ policy: { ...policy, sla: { ...policy.sla, firstTouchHours: 16 } } }),
      { timestamp: world.signer.now() + 1 },
    );
    expect((await world.client.one(newer)).status).toBe(200);
    const replay = await world.client.one(first);
    expect((await getTenant(world.db, world.tenantA.id))?.policy.sla.firstTouchHours).toBe(16);
    expect(replay.status).toBe(409);
  });
});
