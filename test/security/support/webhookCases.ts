// Fuzz cases for POST /webhooks/hubspot: forged signatures (401), signed but malformed or for portals Baton is
// not installed in (400/403), and huge bodies (413).
import fc from 'fast-check';
import type { FuzzCase } from './fuzzRun.ts';
import type { FuzzWorld } from './fuzzWorld.ts';
import { PORTAL_C } from './fuzzWorld.ts';
import { brokenJson, contentType, headerText, hostileText, numericId, oddJson } from './hostileInput.ts';
import { FORGERIES, forged, signed } from './signing.ts';

export const WEBHOOK_PATH = '/webhooks/hubspot';
const ENDPOINT = 'POST /webhooks/hubspot';

let nextEventId = 5_000_000;
/** A well-formed contact event (a fresh event id each time). */
export function webhookEvent(portalId: string, now: number, over: Record<string, unknown> = {}) {
  return {
    eventId: nextEventId++,
    subscriptionId: 77,
    portalId: Number.isSafeInteger(Number(portalId)) ? Number(portalId) : portalId,
    appId: 1,
    occurredAt: now - 1_000,
    subscriptionType: 'contact.propertyChange',
    attemptNumber: 0,
    objectId: 8_000_000 + (nextEventId % 1_000),
    propertyName: 'hubspot_owner_id',
    propertyValue: '42',
    changeSource: 'CRM_UI',
    sourceId: 'userId:42',
    ...over,
  };
}

/** One field of an otherwise good event made wrong (each is refused by the schema). */
const brokenField: fc.Arbitrary<Record<string, unknown>> = fc.oneof(
  fc.constantFrom<Record<string, unknown>>(
    { eventId: 1.5 },
    { eventId: 1e21 },
    { eventId: '12a' },
    { eventId: null },
    { portalId: 'abc' },
    { portalId: '-5' },
    { portalId: { $gt: 0 } },
    { occurredAt: 0 },
    { occurredAt: -1 },
    { occurredAt: 'yesterday' },
    { occurredAt: null },
    { objectId: '../1' },
    { objectId: [] },
    { objectId: '123456789012345678901' },
    { subscriptionType: undefined, eventType: undefined },
    { subscriptionType: '' },
    { subscriptionType: 'x'.repeat(101) },
    { propertyName: 'p'.repeat(201) },
    { propertyValue: 'v'.repeat(65_537) },
    { attemptNumber: -1 },
    { mergedObjectIds: ['x'] },
    { changeSource: 7 },
  ),
  hostileText.map((t) => ({ objectId: t.length > 0 && !/^\d{1,20}$/.test(t) ? t : 'x' })),
  hostileText.map((t) => ({ eventId: `${t}x` })),
);

export function webhookArbitraries(world: FuzzWorld) {
  const s = world.signer;
  const portalA = world.tenantA.externalId;
  const goodBody = fc
    .integer({ min: 1, max: 4 })
    .map((n) => JSON.stringify(Array.from({ length: n }, () => webhookEvent(portalA, s.now()))));

  const forgedCase: fc.Arbitrary<FuzzCase> = fc
    .record({
      forgery: fc.constantFrom(...FORGERIES),
      noise: headerText,
      offsetMs: fc.integer({ min: 0, max: 10 * 365 * 86_400_000 }),
      body: fc.oneof(goodBody, brokenJson, oddJson),
      type: contentType,
    })
    .map((f) => {
      const r = forged(s, 'POST', WEBHOOK_PATH, f.body, f);
      return {
        endpoint: ENDPOINT,
        req: { ...r, headers: { ...r.headers, 'content-type': f.type } },
        expect: { kind: 'api_error', status: [401] },
      };
    });

  const unknownPortal = numericId(world.knownPortals);
  const signedBad: fc.Arbitrary<{ body: string | Buffer; status: number }> = fc.oneof(
    brokenJson.map((body) => ({ body, status: 400 })),
    oddJson.map((body) => ({ body, status: 400 })),
    brokenField.map((over) => ({
      body: JSON.stringify([webhookEvent(portalA, s.now()), webhookEvent(portalA, s.now(), over)]),
      status: 400,
    })),
    fc.constant({
      body: JSON.stringify(Array.from({ length: 1001 }, () => webhookEvent(portalA, 1e12))),
      status: 400,
    }),
    unknownPortal.map((p) => ({ body: JSON.stringify([webhookEvent(p, s.now())]), status: 403 })),
    fc.constant({ body: JSON.stringify([webhookEvent(PORTAL_C, s.now())]), status: 403 }),
    // A batch naming no served portal at all (a mix with an installed one stores that one's events: e2e test).
    unknownPortal.map((p) => ({
      body: JSON.stringify([webhookEvent(PORTAL_C, s.now()), webhookEvent(p, s.now())]),
      status: 403,
    })),
  );
  const signedBadCase: fc.Arbitrary<FuzzCase> = fc.tuple(signedBad, contentType).map(([bad, type]) => ({
    endpoint: ENDPOINT,
    req: signed(s, 'POST', WEBHOOK_PATH, bad.body, { contentType: type }),
    expect: { kind: 'api_error', status: [bad.status] },
  }));

  return { goodBody, forgedCase, signedBadCase };
}
