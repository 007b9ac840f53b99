// Faithfulness: webhooks — signed v3 batches of fewer than 100 events with HubSpot's fields and change
// sources, retried with a growing attemptNumber on 5xx and timeouts, dropped by fault injection.
import { afterEach, describe, expect, it } from 'vitest';
import { verifyV3 } from '../../src/crm/hubspot/requestSignature.ts';
import type { BootstrapInput } from './bootstrap.ts';
import type { HubSpotSandboxOptions } from './options.ts';
import { startHarness, type Harness } from './testing/harness.ts';
import { startWebhookReceiver, type Answer, type WebhookReceiver } from './testing/webhookReceiver.ts';
import { hubspotSignatureV3 } from './webhooks/signatureV3.ts';

let h: Harness | undefined;
let receiver: WebhookReceiver | undefined;
afterEach(async () => {
  await h?.close();
  await receiver?.close();
});

const FAST = { batchWindowMs: 10_000, baseDelayMs: 5, maxDelayMs: 20, timeoutMs: 200 };

async function start(
  subscriptions: BootstrapInput['subscriptions'],
  answer?: Answer,
  options: HubSpotSandboxOptions = {},
): Promise<{ h: Harness; r: WebhookReceiver }> {
  receiver = await startWebhookReceiver(answer);
  h = await startHarness(
    { rateLimits: false, webhooks: FAST, ...options },
    { webhookTargetUrl: receiver.url, subscriptions },
  );
  return { h, r: receiver };
}

describe('webhooks', () => {
  it('signs v3 over the target URL and carries HubSpot’s fields and change sources', async () => {
    const { h, r } = await start([
      { subscriptionType: 'contact.creation' },
      { subscriptionType: 'contact.propertyChange', propertyName: 'lifecyclestage' },
      { subscriptionType: 'contact.propertyChange', propertyName: 'notes_last_contacted' },
    ]);
    const { portal, app } = h.setup;
    const created = await h.client().crm.contacts.basicApi.create({
      properties: { email: 'w@b.co', lifecyclestage: 'lead' },
      associations: [],
    });
    const admin = portal.installingUserId;
    portal.setProperties(created.id, { lifecyclestage: 'marketingqualifiedlead' });
    portal.logCall(created.id, undefined, h.clock.now());
    await h.sandbox.flushWebhooks();

    expect(r.received).toHaveLength(1);
    const [req] = r.received;
    if (!req) throw new Error('no webhook');
    expect(req.headers['content-type']).toBe('application/json');
    const verdict = verifyV3({
      secret: app.clientSecret,
      method: 'POST',
      uri: r.url,
      body: req.body,
      signature: String(req.headers['x-hubspot-signature-v3']),
      timestamp: String(req.headers['x-hubspot-request-timestamp']),
      nowMs: h.clock.now(),
    });
    expect(verdict).toMatchObject({ valid: true });
    const common = {
      portalId: portal.id,
      appId: app.appId,
      attemptNumber: 0,
      objectId: Number(created.id),
      occurredAt: h.clock.now(),
    };
    expect(req.events).toEqual([
      {
        ...common,
        eventId: expect.any(Number),
        subscriptionId: expect.any(Number),
        subscriptionType: 'contact.creation',
        changeSource: 'INTEGRATION',
        sourceId: String(app.appId),
        changeFlag: 'NEW',
      },
      {
        ...common,
        eventId: expect.any(Number),
        subscriptionId: expect.any(Number),
        subscriptionType: 'contact.propertyChange',
        propertyName: 'lifecyclestage',
        propertyValue: 'lead',
        changeSource: 'INTEGRATION',
        sourceId: String(app.appId),
      },
      {
        ...common,
        eventId: expect.any(Number),
        subscriptionId: expect.any(Number),
        subscriptionType: 'contact.propertyChange',
        propertyName: 'lifecyclestage',
        propertyValue: 'marketingqualifiedlead',
        changeSource: 'CRM_UI',
        sourceId: `userId:${admin}`,
      },
      {
        ...common,
        eventId: expect.any(Number),
        subscriptionId: expect.any(Number),
        subscriptionType: 'contact.propertyChange',
        propertyName: 'notes_last_contacted',
        propertyValue: new Date(h.clock.now()).toISOString(),
        changeSource: 'CALCULATED',
      },
    ]);
    expect(new Set(req.events.map((e) => e.eventId)).size).toBe(4);
  });

  it('batches under 100 events per request', async () => {
    const { h, r } = await start([{ subscriptionType: 'contact.creation' }]);
    h.setup.portal.seedContacts(150, (i) => ({ email: `b${i}@b.co` }));
    await h.sandbox.flushWebhooks();
    expect(r.received.map((q) => q.events.length)).toEqual([99, 51]);
  });

  it('retries a batch the target answers 500 with attemptNumber 1, 2, …', async () => {
    const { h, r } = await start([{ subscriptionType: 'contact.creation' }], (n) => (n < 2 ? 500 : 204));
    h.setup.portal.createContact({ email: 'r@b.co' });
    await h.sandbox.flushWebhooks();
    expect(r.received).toHaveLength(1);
    await h.sandbox.flushWebhooks({ waitForRetries: true });
    expect(r.received.map((q) => q.events.map((e) => e.attemptNumber))).toEqual([[0], [1], [2]]);
    expect(new Set(r.received.map((q) => q.events[0]?.eventId)).size).toBe(1);
    expect(h.sandbox.state.webhookDeliveries.map((d) => [d.outcome, d.status, d.willRetry])).toEqual([
      ['failed', 500, true],
      ['failed', 500, true],
      ['delivered', 204, false],
    ]);
  });

  it('retries after a timeout (> timeoutMs)', async () => {
    const { h, r } = await start([{ subscriptionType: 'contact.creation' }], (n) => (n === 0 ? 'hang' : 200));
    h.setup.portal.createContact({ email: 't@b.co' });
    await h.sandbox.flushWebhooks({ waitForRetries: true });
    expect(r.received.map((q) => q.events[0]?.attemptNumber)).toEqual([0, 1]);
    expect(h.sandbox.state.webhookDeliveries[0]?.error).toMatch(/TimeoutError|abort/i);
  });

  it('retries a refused connection and gives up after maxRetries', async () => {
    const { h } = await start([{ subscriptionType: 'contact.creation' }], undefined, {
      webhooks: { ...FAST, maxRetries: 2 },
    });
    h.sandbox.state.setWebhookTarget(h.setup.app.appId, 'http://127.0.0.1:9/closed');
    h.setup.portal.createContact({ email: 'x@b.co' });
    await h.sandbox.flushWebhooks({ waitForRetries: true });
    expect(h.sandbox.state.webhookDeliveries.map((d) => [d.attemptNumber, d.outcome, d.willRetry])).toEqual([
      [0, 'failed', true],
      [1, 'failed', true],
      [2, 'failed', false],
    ]);
  });

  it('drops batches when fault injection says so', async () => {
    const { h, r } = await start([{ subscriptionType: 'contact.creation' }], undefined, {
      faults: { webhookDropRate: 1 },
    });
    h.setup.portal.createContact({ email: 'd@b.co' });
    await h.sandbox.flushWebhooks();
    expect(r.received).toHaveLength(0);
    expect(h.sandbox.state.webhookDeliveries.map((d) => d.outcome)).toEqual(['dropped']);
  });

  it('notifies deletion, privacy deletion and merges', async () => {
    const { h, r } = await start([
      { subscriptionType: 'contact.deletion' },
      { subscriptionType: 'contact.privacyDeletion' },
      { subscriptionType: 'contact.merge' },
      { subscriptionType: 'object.creation', objectTypeId: '0-1' },
    ]);
    const { portal } = h.setup;
    const [a, b, c, d] = portal.seedContacts(4, (i) => ({ email: `m${i}@b.co` }));
    await h.client().crm.contacts.basicApi.archive(a?.id ?? '');
    portal.privacyDeleteContact(b?.id ?? '');
    portal.mergeContacts(c?.id ?? '', d?.id ?? '');
    await h.sandbox.flushWebhooks();
    const events = r.received.flatMap((q) => q.events);
    expect(events.filter((e) => e.subscriptionType === 'object.creation')).toHaveLength(4);
    expect(events.find((e) => e.subscriptionType === 'object.creation')).toMatchObject({
      objectTypeId: '0-1',
    });
    expect(
      events
        .filter((e) => e.subscriptionType !== 'object.creation')
        .map((e) => [e.subscriptionType, e.objectId]),
    ).toEqual([
      ['contact.deletion', Number(a?.id)],
      ['contact.privacyDeletion', Number(b?.id)],
      ['contact.deletion', Number(b?.id)],
      ['contact.merge', Number(c?.id)],
    ]);
    expect(events.find((e) => e.subscriptionType === 'contact.merge')).toMatchObject({
      primaryObjectId: Number(c?.id),
      mergedObjectIds: [Number(d?.id)],
      newObjectId: Number(c?.id),
    });
  });
});

describe("the sandbox's own v3 signer (written from HubSpot's docs, apart from Baton's verifier)", () => {
  it.each([
    ['a plain URL', 'https://baton.example.com/webhooks/hubspot'],
    ['escapes HubSpot signs decoded', 'https://baton.example.com/webhooks/hubspot?next=%2Fops%3Fa%3A1%40x'],
    ['an escape HubSpot leaves as sent', 'https://baton.example.com/webhooks/hubspot?name=a%20b'],
  ])('Baton verifies what the sandbox signs: %s', (_what, uri) => {
    const body = '[{"eventId":1,"portalId":62515}]';
    const timestampMs = 1_796_600_000_000;
    const signature = hubspotSignatureV3({ clientSecret: 's3cr3t', method: 'POST', uri, body, timestampMs });
    const verdict = (secret: string) =>
      verifyV3({
        secret,
        method: 'POST',
        uri,
        body: Buffer.from(body),
        signature,
        timestamp: String(timestampMs),
        nowMs: timestampMs + 1_000,
      });
    expect(verdict('s3cr3t')).toMatchObject({ valid: true });
    expect(verdict('another secret')).toEqual({ valid: false, why: 'mismatch' });
  });
});
