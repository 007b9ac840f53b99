// POST /webhooks/hubspot: what gets in (signed, fresh, well-formed, installed portals) and what does not.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { signV3 } from '../../src/crm/hubspot/requestSignature.ts';
import { ChangeIngest } from '../../src/app/ingestChanges.ts';
import type { TokenVault } from '../../src/crm/accessTokens.ts';
import { hubspotProvider } from '../../src/crm/hubspot/provider.ts';
import { createLogger } from '../../src/logger.ts';
import type { ConnectDeps } from '../../src/app/connectCrm.ts';
import { migrate, openDatabase, type Database } from '../../src/store/database.ts';
import { connectTenant, setTenantStatus } from '../../src/store/tenants.ts';
import { createApp } from '../../src/web/app.ts';

const SECRET = 'client-secret-for-webhook-tests';
const NOW = Date.parse('2026-11-23T15:00:00Z');
/** Baton's clock: NOW unless a test moves it (and puts it back). */
let clockMs = NOW;
let database: Database;
let server: Server;
let base: string;
let publicUrl: string;
const drains: string[] = [];

const event = (n: number, over: Record<string, unknown> = {}) => ({
  eventId: 1000 + n,
  subscriptionId: 77,
  portalId: 123,
  appId: 999,
  occurredAt: NOW - 1000,
  subscriptionType: 'contact.propertyChange',
  attemptNumber: 0,
  objectId: 500 + n,
  propertyName: 'hubspot_owner_id',
  propertyValue: '42',
  changeSource: 'CRM_UI',
  sourceId: 'userId:42',
  ...over,
});

async function post(
  body: string,
  opts: { timestamp?: number; signature?: string | null; secret?: string } = {},
) {
  const timestamp = opts.timestamp ?? NOW;
  const uri = `${publicUrl}/webhooks/hubspot`;
  const signature =
    opts.signature === undefined
      ? signV3({ secret: opts.secret ?? SECRET, method: 'POST', uri, body, timestamp })
      : opts.signature;
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    'x-hubspot-request-timestamp': String(timestamp),
  };
  if (signature !== null) headers['x-hubspot-signature-v3'] = signature;
  const res = await fetch(`${base}/webhooks/hubspot`, { method: 'POST', headers, body });
  return { status: res.status, json: (await res.json()) as Record<string, unknown>, headers };
}

const inboxCount = async () =>
  Number(
    (
      await database.db
        .selectFrom('inbox')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

beforeAll(async () => {
  database = openDatabase({ kind: 'pglite', dataDir: 'memory://' });
  await migrate(database.db);
  await connectTenant(database.db, { crm: 'hubspot', externalId: '123', name: 'Acme' });
  const gone = await connectTenant(database.db, { crm: 'hubspot', externalId: '456', name: 'Gone' });
  await setTenantStatus(database.db, gone.id, 'disconnected');
  const app = createApp({
    log: createLogger('silent'),
    isReady: async () => true,
    crms: {
      providers: [
        hubspotProvider(
          {
            clientId: 'c',
            clientSecret: SECRET,
            appId: '999',
            apiBaseUrl: 'http://x',
            authorizeUrl: 'http://x',
          },
          { vault: {} as TokenVault, now: () => new Date(clockMs), onCall: () => undefined },
        ),
      ],
      connect: {} as ConnectDeps,
      webhooks: {
        ingest: new ChangeIngest({
          db: database.db,
          now: () => new Date(clockMs),
          enqueue: async (_name, payload) => {
            drains.push((payload as { tenantId: string }).tenantId);
          },
        }),
        get publicUrl() {
          return publicUrl;
        },
        now: () => new Date(clockMs),
      },
    },
  });
  server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  publicUrl = 'https://baton.example.com';
});
afterAll(async () => {
  await new Promise<void>((r) => server.close(() => r()));
  await database.close();
});
beforeEach(() => {
  drains.length = 0;
});

describe('HubSpot webhook ingest', () => {
  it('accepts a signed batch into the inbox and queues its processing', async () => {
    const before = await inboxCount();
    const started = performance.now();
    const res = await post(JSON.stringify(Array.from({ length: 99 }, (_, i) => event(i))));
    expect(performance.now() - started).toBeLessThan(2000);
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ accepted: 99, duplicates: 0, ignored: 0, notConnected: 0 });
    expect((await inboxCount()) - before).toBe(99);
    expect(drains).toEqual(['hubspot-123']);
  });

  it('a redelivery of the same events (a retry, newly signed) stores nothing new', async () => {
    const before = await inboxCount();
    const res = await post(JSON.stringify([event(1, { attemptNumber: 1 }), event(2, { attemptNumber: 1 })]), {
      timestamp: NOW + 1,
    });
    expect(res.json).toEqual({ accepted: 0, duplicates: 2, ignored: 0, notConnected: 0 });
    expect(await inboxCount()).toBe(before);
  });

  it('the exact same request again is a replay: 409, nothing stored', async () => {
    const body = JSON.stringify([event(200)]);
    const first = await post(body, { timestamp: NOW - 5 });
    expect(first.status).toBe(200);
    const before = await inboxCount();
    const replay = await fetch(`${base}/webhooks/hubspot`, { method: 'POST', headers: first.headers, body });
    expect(replay.status).toBe(409);
    expect(await replay.json()).toEqual({
      error: { code: 'conflict', message: expect.stringContaining('replay') },
    });
    expect(await inboxCount()).toBe(before);
  });

  it('a request signed up to 30 s ahead is still a replay 305 s later (remembered until its timestamp expires)', async () => {
    const body = JSON.stringify([event(250)]);
    const first = await post(body, { timestamp: NOW + 30_000 });
    expect(first.status).toBe(200);
    try {
      clockMs = NOW + 305_000; // past receipt + 5 min, inside timestamp + 5 min: the signature still verifies
      const replay = await fetch(`${base}/webhooks/hubspot`, {
        method: 'POST',
        headers: first.headers,
        body,
      });
      expect(replay.status).toBe(409);
      clockMs = NOW + 331_000; // now the timestamp itself is stale
      const late = await fetch(`${base}/webhooks/hubspot`, { method: 'POST', headers: first.headers, body });
      expect(late.status).toBe(401);
    } finally {
      clockMs = NOW;
    }
  });

  it('a batch mixing an installed portal with an unknown and a disconnected one stores the installed one’s events', async () => {
    // HubSpot sends one app's events of every portal in shared batches: refusing the whole batch (as Baton did)
    // dropped the good events until HubSpot gave up retrying.
    const before = await inboxCount();
    const res = await post(
      JSON.stringify([event(900), event(901, { portalId: 777 }), event(904), event(905, { portalId: 456 })]),
    );
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ accepted: 2, duplicates: 0, ignored: 0, notConnected: 2 });
    expect((await inboxCount()) - before).toBe(2);
    expect(drains).toEqual(['hubspot-123']);
  });

  it('accepts the docs spelling eventType, and erases on privacy deletion', async () => {
    const res = await post(
      JSON.stringify([
        {
          ...event(300, {
            subscriptionType: undefined,
            eventType: 'contact.creation',
            propertyName: undefined,
          }),
        },
        event(301, { subscriptionType: 'contact.privacyDeletion', propertyName: undefined }),
      ]),
    );
    expect(res.json).toMatchObject({ accepted: 2 });
    const rows = await database.db
      .selectFrom('inbox')
      .select('payload')
      .where('lead_id', 'in', ['800', '801'])
      .execute();
    expect(rows.map((r) => r.payload['kind']).sort()).toEqual(['changed', 'deleted']);
  });

  it("ignores Baton's own writes coming back (its properties, its app's API changes)", async () => {
    const res = await post(
      JSON.stringify([
        event(400, { propertyName: 'baton_stage', propertyValue: 'recycled' }),
        event(401, { changeSource: 'INTEGRATION', sourceId: '999', propertyName: 'lifecyclestage' }),
      ]),
    );
    expect(res.json).toEqual({ accepted: 0, duplicates: 0, ignored: 2, notConnected: 0 });
    expect(drains).toEqual([]);
  });

  describe('refused with a clear 4xx, nothing stored', () => {
    const cases: Array<
      [string, () => Promise<{ status: number; json: Record<string, unknown> }>, number, string]
    > = [
      ['unsigned', () => post(JSON.stringify([event(1)]), { signature: null }), 401, 'unauthenticated'],
      ['wrong secret', () => post(JSON.stringify([event(1)]), { secret: 'nope' }), 401, 'unauthenticated'],
      [
        'stale timestamp',
        () => post(JSON.stringify([event(1)]), { timestamp: NOW - 6 * 60_000 }),
        401,
        'unauthenticated',
      ],
      [
        'future timestamp',
        () => post(JSON.stringify([event(1)]), { timestamp: NOW + 5 * 60_000 }),
        401,
        'unauthenticated',
      ],
      ['not JSON', () => post('[{"eventId":'), 400, 'invalid_input'],
      ['not an array', () => post(JSON.stringify(event(1))), 400, 'invalid_input'],
      ['an empty array', () => post('[]'), 400, 'invalid_input'],
      [
        'an event without a type',
        () => post(JSON.stringify([event(1, { subscriptionType: undefined })])),
        400,
        'invalid_input',
      ],
      [
        'an object id that is not a number',
        () => post(JSON.stringify([event(1, { objectId: 'abc' })])),
        400,
        'invalid_input',
      ],
      ['an unknown portal', () => post(JSON.stringify([event(1, { portalId: 777 })])), 403, 'forbidden'],
      ['a disconnected portal', () => post(JSON.stringify([event(1, { portalId: 456 })])), 403, 'forbidden'],
      [
        'a batch of only an unknown and a disconnected portal',
        () => post(JSON.stringify([event(902, { portalId: 777 }), event(903, { portalId: 456 })])),
        403,
        'forbidden',
      ],
      [
        'an oversized body',
        () => post(JSON.stringify([event(1, { propertyValue: 'x'.repeat(1_100_000) })])),
        413,
        'payload_too_large',
      ],
    ];
    it.each(cases)('%s', async (_label, send, status, code) => {
      const before = await inboxCount();
      const res = await send();
      expect(res.status).toBe(status);
      expect(res.json).toEqual({ error: expect.objectContaining({ code, message: expect.any(String) }) });
      expect(await inboxCount()).toBe(before);
      expect(drains).toEqual([]);
    });
  });
});
