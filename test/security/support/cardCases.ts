// Fuzz cases for the card API under /api/hubspot (signed like hubspot.fetch, portal and user in the signed URL):
// forged signatures (401), bad callers (400/403), bad ids and bodies (400/404), other portals' leads, and the
// valid reads a card makes, mixed in.
import fc from 'fast-check';
import type { FuzzCase } from './fuzzRun.ts';
import type { FuzzWorld } from './fuzzWorld.ts';
import { PORTAL_C } from './fuzzWorld.ts';
import {
  brokenJson,
  contentType,
  headerText,
  hostileText,
  METHODS,
  notAnId,
  numericId,
  oddJson,
} from './hostileInput.ts';
import { FORGERIES, forged, signed } from './signing.ts';

const enc = (s: string) => encodeURIComponent(s.slice(0, 800));

export const cardUrl = (route: string, portalId: string, userId = '7001') =>
  `/api/hubspot${route}?portalId=${portalId}&userId=${userId}`;

interface Route {
  method: string;
  route: string;
  endpoint: string;
}

const passport = (lead: string): Route => ({
  method: 'GET',
  route: `/leads/${lead}/passport`,
  endpoint: 'GET /api/hubspot/leads/:id/passport',
});
const ret = (lead: string): Route => ({
  method: 'POST',
  route: `/leads/${lead}/return`,
  endpoint: 'POST /api/hubspot/leads/:id/return',
});
const REASONS: Route = { method: 'GET', route: '/reasons', endpoint: 'GET /api/hubspot/reasons' };
const SETTINGS: Route = { method: 'GET', route: '/settings', endpoint: 'GET /api/hubspot/settings' };
const SAVE: Route = { method: 'PUT', route: '/settings', endpoint: 'PUT /api/hubspot/settings' };

/** A return body the schema refuses, or one naming a reason the policy does not have. */
function badReturnBody(reasonCodes: ReadonlySet<string>): fc.Arbitrary<string | Buffer> {
  const unknownReason = hostileText.filter((t) => t.length > 0 && t.length <= 40 && !reasonCodes.has(t));
  return fc.oneof(
    brokenJson,
    oddJson,
    fc
      .constantFrom(
        { reason: 'not_ready' },
        { reason: 'not_ready', requestId: 'short' },
        { reason: '', requestId: 'req-fuzz-0001' },
        { reason: 'x'.repeat(41), requestId: 'req-fuzz-0001' },
        { reason: 'not_ready', requestId: 'req-fuzz-0001', extra: true },
        { reason: 'not_ready', requestId: 'req-fuzz-0001', note: 'n'.repeat(2_001) },
        { reason: 'not_ready', requestId: 'r'.repeat(101) },
        { reason: 'not_ready', requestId: 'req-fuzz-0001', reengageAt: '2027-02-30' },
        { reason: 7, requestId: 'req-fuzz-0001' },
        { reason: ['not_ready'], requestId: 'req-fuzz-0001' },
        { reason: 'bad_data', requestId: 'req-fuzz-0001' },
      )
      .map((b) => JSON.stringify(b)),
    fc
      .record({
        reason: unknownReason,
        requestId: fc.string({ minLength: 8, maxLength: 100 }),
        note: hostileText,
      })
      .map((b) => JSON.stringify(b)),
    hostileText.map((d) =>
      JSON.stringify({ reason: 'not_ready', requestId: 'req-fuzz-0002', reengageAt: d }),
    ),
  );
}

/** A settings body that cannot be a valid policy (never one that would reset it to the defaults). */
const badSettingsBody: fc.Arbitrary<string | Buffer> = fc.oneof(
  brokenJson,
  fc.constantFrom('null', 'true', '0', '"text"', '[]', '[1,2]', '[{"policy":{}}]'),
  fc
    .oneof(
      fc.constantFrom<unknown>(
        7,
        'fast',
        [],
        true,
        { sla: 'fast' },
        { sla: { firstTouchHours: -5 } },
        { sla: { autoRecycleHours: 4 } },
        { reasons: 'none' },
        { reasons: [{ code: '<script>', bucket: 'nowhere' }] },
        { timeZone: 'Mars/Olympus_Mons' },
        { __proto__: { admin: true }, sla: 1 },
      ),
      fc.dictionary(
        hostileText.map((k) => `x_${k}`),
        fc.jsonValue({ maxDepth: 2 }),
        { minKeys: 1, maxKeys: 4 },
      ),
      hostileText.map((t) => ({ timeZone: t, sla: { firstTouchHours: t } })),
    )
    .map((policy) => JSON.stringify({ policy })),
);

export function cardArbitraries(world: FuzzWorld) {
  const s = world.signer;
  const a = world.tenantA.externalId;
  const [leadA1, leadA2] = world.leadsA;
  const reasonCodes = new Set(world.tenantA.policy.reasons.map((r) => r.code));
  const anyRoute = fc.oneof(
    fc.constantFrom(passport(leadA2), ret(leadA2), REASONS, SETTINGS, SAVE, passport(world.leadB)),
    hostileText.map((t) => ({ method: 'GET', route: `/${enc(t)}`, endpoint: 'GET /api/hubspot/*' })),
    fc
      .constantFrom(...METHODS)
      .map((m) => ({ method: m, route: '/settings', endpoint: `${m} /api/hubspot/settings` })),
  );
  const smallBody = fc.oneof(fc.constant(''), brokenJson, oddJson, badSettingsBody);

  const forgedCase: fc.Arbitrary<FuzzCase> = fc
    .record({
      route: anyRoute,
      forgery: fc.constantFrom(...FORGERIES),
      noise: headerText,
      offsetMs: fc.integer({ min: 0, max: 10 * 365 * 86_400_000 }),
      body: smallBody,
      type: contentType,
      portal: fc.oneof(fc.constant(a), numericId()),
    })
    .map((f) => {
      const r = forged(s, f.route.method, cardUrl(f.route.route, f.portal), f.body, f);
      return {
        endpoint: f.route.endpoint,
        req: { ...r, headers: { ...r.headers, 'content-type': f.type } },
        expect: { kind: 'api_error', status: [401] },
      };
    });

  const badCaller = fc.oneof(
    notAnId.map((p) => ({ query: `portalId=${enc(p)}&userId=7001`, status: 400 })),
    notAnId.map((u) => ({ query: `portalId=${a}&userId=${enc(u)}`, status: 400 })),
    fc.constantFrom(
      { query: `userId=7001`, status: 400 },
      { query: `portalId=${a}`, status: 400 },
      { query: `portalId=${a}&portalId=${a}&userId=7001`, status: 400 },
      { query: `portalId[]=${a}&userId=7001`, status: 400 },
      { query: `portalId=${a}%00&userId=7001`, status: 400 },
      { query: `portalId=${PORTAL_C}&userId=7001`, status: 403 },
      { query: '', status: 400 },
    ),
    numericId(world.knownPortals).map((p) => ({ query: `portalId=${p}&userId=7001`, status: 403 })),
  );
  const badCallerCase: fc.Arbitrary<FuzzCase> = fc
    .tuple(fc.constantFrom(passport(leadA2), ret(leadA2), REASONS, SETTINGS, SAVE), badCaller, smallBody)
    .map(([route, caller, body]) => ({
      endpoint: route.endpoint,
      req: signed(
        s,
        route.method,
        `/api/hubspot${route.route}?${caller.query}`,
        route.method === 'GET' ? '' : body,
      ),
      expect: { kind: 'api_error', status: [caller.status] },
    }));

  const tracked = new Set([...world.leadsA, world.leadB]);
  const admin = world.adminA;
  const policyBody = JSON.stringify({ policy: world.tenantA.policy });
  const badInput: fc.Arbitrary<{ route: Route; body: string | Buffer; status: number; user?: string }> =
    fc.oneof(
      notAnId.map((l) => ({ route: passport(enc(l)), body: '', status: 400 })),
      notAnId.map((l) => ({ route: ret(enc(l)), body: '{}', status: 400 })),
      fc.constantFrom('%00', '1%00', '%2e%2e', '1%2F2', '123456789012345678901').map((l) => ({
        route: passport(l),
        body: '',
        status: 400,
      })),
      badReturnBody(reasonCodes).map((body) => ({ route: ret(leadA2), body, status: 400 })),
      numericId(tracked).map((l) => ({
        route: ret(l),
        body: JSON.stringify({ reason: 'not_ready', requestId: `req-unknown-${l}` }),
        status: 404,
      })),
      badSettingsBody.map((body) => ({ route: SAVE, body, status: 400, user: admin })),
      // A valid policy from someone who is not the portal's Baton admin.
      numericId(new Set([admin])).map((user) => ({ route: SAVE, body: policyBody, status: 403, user })),
      hostileText.map((t) => ({
        route: { method: 'GET', route: `/${enc(t)}/x`, endpoint: 'GET /api/hubspot/*' },
        body: '',
        status: 404,
      })),
      fc.constantFrom('DELETE', 'PATCH', 'TRACE', 'PROPFIND').map((m) => ({
        route: { method: m, route: '/settings', endpoint: `${m} /api/hubspot/settings` },
        body: '',
        status: 404,
      })),
    );
  const badInputCase: fc.Arbitrary<FuzzCase> = fc.tuple(badInput, contentType).map(([bad, type]) => ({
    endpoint: bad.route.endpoint,
    req: signed(s, bad.route.method, cardUrl(bad.route.route, a, bad.user), bad.body, { contentType: type }),
    expect: { kind: 'api_error', status: [bad.status] },
  }));

  /** What a card does all day: these keep working among the junk. */
  const validRead: fc.Arbitrary<FuzzCase> = fc
    .constantFrom(passport(leadA1), passport(leadA2), REASONS, SETTINGS)
    .map((route) => ({
      endpoint: route.endpoint,
      req: signed(s, route.method, cardUrl(route.route, a)),
      expect: {
        kind: 'ok_json',
        check: (json: unknown) => {
          if (route.route.includes('passport') && (json as { tracked?: unknown }).tracked !== true)
            throw new Error(`the passport of a tracked lead says ${JSON.stringify(json).slice(0, 200)}`);
        },
      },
    }));

  return { forgedCase, badCallerCase, badInputCase, validRead };
}
