// Faithfulness: Change Data Capture over the Pub/Sub API (gRPC, Avro), driven by a plain @grpc/grpc-js client on
// the published proto — events in Salesforce's Avro shape with every field and bitmap headers, the right
// changeOrigin; flow control, keepalives, replay presets, a too-old replay id, auth, the delivery allocation,
// permissions, a reset stream, lost events, the field-conversion wildcard and gap events.
import * as grpc from '@grpc/grpc-js';
import { afterEach, describe, expect, it } from 'vitest';
import { SF_CLIENT_NAME, SF_FIELDS } from '../../src/crm/salesforce/batonFields.ts';
import { bitmapLayoutOf, fieldBitmaps, type BitmapLayout } from './pubsub/changeEventEncoding.ts';
import { changeEventSchema } from './pubsub/changeEventSchema.ts';
import type { SalesforceSandboxOptions } from './options.ts';
import { UI_ORIGIN } from './state/changeOrigins.ts';
import { startHarness, type Harness } from './testing/harness.ts';
import {
  CdcSubscriber,
  decodeBitmaps,
  eventually,
  pause,
  replayIdOf,
  type PubSubTestClient,
  type SubscribeOptions,
} from './testing/streaming.ts';

const LEADS = '/data/LeadChangeEvent';
const NO_ASSIGN = { headers: { 'Sforce-Auto-Assign': 'FALSE' } };

let h: Harness;
let opened: Harness | undefined;
const subscribers: CdcSubscriber[] = [];
afterEach(async () => {
  for (const s of subscribers.splice(0)) s.close();
  await pause(20);
  if (!opened) return;
  await opened.close();
  expect(opened.sandbox.internalErrors).toEqual([]);
  opened = undefined;
});

async function start(options: SalesforceSandboxOptions = {}): Promise<Harness> {
  h = await startHarness({ ...options, cdc: { keepaliveMs: 60_000, ...options.cdc } });
  opened = h;
  return h;
}

function subscribe(options: SubscribeOptions, client: PubSubTestClient = h.pubSub()): CdcSubscriber {
  const s = new CdcSubscriber(client, options);
  subscribers.push(s);
  return s;
}

/** Subscribed once the server has taken the first FetchRequest (a keepalive-free way: it counts the stream). */
async function subscribed(options: SubscribeOptions): Promise<CdcSubscriber> {
  const before = h.sandbox.pubSubStreams();
  const s = subscribe(options);
  await eventually(() => h.sandbox.pubSubStreams() > before);
  await pause(30);
  return s;
}

const ended = async (s: CdcSubscriber): Promise<grpc.ServiceError> => {
  await eventually(() => s.error !== undefined);
  return s.error as grpc.ServiceError;
};

describe('field bitmaps', () => {
  // A schema shaped for the guide's example ['0x650004E0','4-0x10','7-0x06'] (event-deserialization-considerations):
  // compound fields at positions 4 and 7, with enough nested fields for bit 4.
  const nested = (n: number) => ({
    type: 'record',
    name: `C${n}`,
    fields: Array.from({ length: 5 }, (_, i) => ({ name: `N${i}`, type: ['null', 'string'] })),
  });
  const schema = {
    fields: Array.from({ length: 32 }, (_, i) => ({
      name: i === 0 ? 'ChangeEventHeader' : `F${i}`,
      type: i === 4 || i === 7 ? ['null', nested(i)] : ['null', 'string'],
    })),
  };
  const layout: BitmapLayout = schema.fields.map((f, i) =>
    i === 4 || i === 7 ? { name: f.name, parts: ['N0', 'N1', 'N2', 'N3', 'N4'] } : { name: f.name },
  );
  const documented = ['F5', 'F6', 'F7', 'F10', 'F24', 'F26', 'F29', 'F30', 'F4.N4', 'F7.N1', 'F7.N2'];

  it('decodes the documented example as the guide describes, and encodes it back', () => {
    // 0x650004E0: bits 5, 6, 7 (0xE0), 10 (0x04 of the second byte), 24, 26, 29, 30 (0x65); 4-0x10: field 4's
    // nested field 4; 7-0x06: field 7's nested fields 1 and 2.
    expect(decodeBitmaps(['0x650004E0', '4-0x10', '7-0x06'], schema)).toEqual(documented);
    expect(fieldBitmaps(documented, layout)).toEqual(['0x650004E0', '4-0x10', '7-0x06']);
  });

  it('sends none as [], whole bytes in upper case, and 0x00 first when only nested fields changed', () => {
    expect(fieldBitmaps([], layout)).toEqual([]);
    expect(fieldBitmaps(['F1', 'F3'], layout)).toEqual(['0x0A']);
    expect(fieldBitmaps(['F4.N0'], layout)).toEqual(['0x00', '4-0x01']);
    expect(decodeBitmaps(fieldBitmaps(['F31', 'F7.N4'], layout), schema)).toEqual(['F31', 'F7.N4']);
  });
});

describe('change data capture over the Pub/Sub API', () => {
  it('describes topics and serves the Lead change event schema', async () => {
    await start();
    const client = h.pubSub();
    const topic = await client.topic(LEADS);
    expect(topic).toMatchObject({
      topicName: LEADS,
      tenantGuid: h.org.id,
      canPublish: false,
      canSubscribe: true,
    });
    const schema = await client.schema(topic.schemaId);
    const lead = changeEventSchema(h.org.schemas.object('Lead') ?? expect.fail('no Lead'));
    expect(topic.schemaId).toBe(lead.schemaId);
    expect(schema.json).toMatchObject({
      type: 'record',
      name: 'LeadChangeEvent',
      namespace: 'com.sforce.eventbus',
    });
    const fields = schema.json.fields;
    expect(fields[0]).toMatchObject({ name: 'ChangeEventHeader' });
    expect(fields.find((f) => f.name === 'Name')?.type).toEqual([
      'null',
      {
        type: 'record',
        name: 'Name',
        fields: ['Salutation', 'FirstName', 'LastName'].map((name) => ({
          name,
          type: ['null', 'string'],
          default: null,
        })),
      },
    ]);
    expect(fields.find((f) => f.name === 'CreatedDate')?.type).toEqual(['null', 'long']);
    expect(fields.map((f) => f.name)).not.toContain('Id');
    expect(fields.map((f) => f.name)).not.toContain('FirstName');

    const refused = await client.unary('GetTopic', { topicName: '/data/AccountChangeEvent' }).catch((e) => e);
    expect(refused).toMatchObject({ code: grpc.status.NOT_FOUND });
    const noSchema = await client.unary('GetSchema', { schemaId: 'nope' }).catch((e) => e);
    expect(noSchema).toMatchObject({ code: grpc.status.NOT_FOUND });
    const publish = await client.unary('Publish', { topicName: LEADS, events: [] }).catch((e) => e);
    expect(publish).toMatchObject({ code: grpc.status.PERMISSION_DENIED });
  });

  it('delivers change events in Avro with all fields, bitmap headers and the right origin', async () => {
    await start();
    const leads = await subscribed({ topic: LEADS });
    const tasks = await subscribed({ topic: '/data/TaskChangeEvent' });
    const conn = h.connection();
    const { id = '' } = await conn
      .sobject('Lead')
      .create({ FirstName: 'Ana', LastName: 'Lima', Company: 'Acme', Title: 'CTO' }, NO_ASSIGN);
    h.clock.advance(60_000);
    await conn.sobject('Lead').update({ Id: id, [SF_FIELDS.fit]: 72, Title: null }, NO_ASSIGN);
    const rep = h.setup.reps[0]?.id ?? '';
    h.clock.advance(60_000);
    h.org.updateAsUser(id, { FirstName: 'Anna' }, rep);
    h.org.logCall(id, rep);
    await eventually(() => leads.received.length === 3 && tasks.received.length === 1);

    const [created, byBaton, byRep] = leads.received;
    expect(created?.header).toMatchObject({
      entityName: 'Lead',
      recordIds: [id],
      changeType: 'CREATE',
      changeOrigin: `com/salesforce/api/rest/62.0;client=${SF_CLIENT_NAME}`,
      commitUser: h.setup.admin.id,
      changedFields: [],
      nulledFields: [],
    });
    expect(created?.rawHeader.changedFields).toEqual([]);
    expect(created?.fields).toMatchObject({
      Name: { Salutation: null, FirstName: 'Ana', LastName: 'Lima' },
      Company: 'Acme',
      Title: 'CTO',
      Phone: null,
      // "Date fields are in Epoch time" (cdc_event_diff_pubsub_cometd).
      CreatedDate: Date.parse('2026-10-01T09:00:00.000Z'),
    });
    expect(byBaton?.header).toMatchObject({
      changeType: 'UPDATE',
      changeOrigin: `com/salesforce/api/rest/62.0;client=${SF_CLIENT_NAME}`,
      changedFields: ['LastModifiedDate', 'Title', SF_FIELDS.fit],
      nulledFields: ['Title'],
      commitTimestamp: Date.parse('2026-10-01T09:01:00Z'),
    });
    expect(byBaton?.rawHeader.changedFields[0]).toMatch(/^0x([0-9A-F]{2})+$/);
    // Pub/Sub events carry every field; unchanged ones are null (cdc_event_diff_pubsub_cometd).
    expect(byBaton?.fields).toMatchObject({
      [SF_FIELDS.fit]: 72,
      LastModifiedDate: Date.parse('2026-10-01T09:01:00.000Z'),
      Title: null,
      Company: null,
      Name: null,
    });
    expect(byRep?.header).toMatchObject({
      changeOrigin: UI_ORIGIN,
      commitUser: rep,
      changedFields: ['LastModifiedDate', 'LastModifiedById', 'Name.FirstName'],
    });
    expect(byRep?.rawHeader.changedFields.at(-1)).toMatch(/^\d+-0x02$/);
    expect(byRep?.fields.Name).toEqual({ Salutation: null, FirstName: 'Anna', LastName: null });
    expect(tasks.received[0]).toMatchObject({
      header: { entityName: 'Task', changeType: 'CREATE', changeOrigin: UI_ORIGIN },
      fields: { WhoId: id, TaskSubtype: 'Call' },
    });
    expect(leads.replayIds()).toEqual([1, 2, 3]);
    expect(new Set(leads.received.map((e) => e.id)).size).toBe(3);
  });

  it('never sends more events than requested, and sends more when asked', async () => {
    await start();
    for (let i = 0; i < 5; i++) h.org.createLead({ LastName: `F${i}`, Company: 'C' });
    const s = subscribe({ topic: LEADS, preset: 'EARLIEST', numRequested: 2 });
    await eventually(() => s.received.length === 2);
    await pause(80);
    expect(s.received).toHaveLength(2);
    expect(s.responses.at(-1)?.pendingNumRequested).toBe(0);
    s.request(2);
    await eventually(() => s.received.length === 4);
    await pause(50);
    expect(s.received).toHaveLength(4);
    s.request(10);
    await eventually(() => s.received.length === 5);
    expect(s.responses.at(-1)?.pendingNumRequested).toBe(9);
    h.org.createLead({ LastName: 'New', Company: 'C' });
    await eventually(() => s.received.length === 6);
    expect(s.replayIds()).toEqual([1, 2, 3, 4, 5, 6]);
    // More than 100 outstanding counts as 100 (flow-control).
    s.request(500);
    await eventually(() => (s.responses.at(-1)?.pendingNumRequested ?? 0) > 0 || s.responses.length > 10);
  });

  it('sends an empty keepalive with the latest replay id when idle', async () => {
    await start({ cdc: { keepaliveMs: 40 } });
    h.org.createLead({ LastName: 'K', Company: 'C' });
    const s = subscribe({ topic: LEADS });
    await eventually(() => s.responses.length >= 2);
    expect(s.responses.every((r) => r.events.length === 0)).toBe(true);
    expect(replayIdOf(s.responses[0]?.latestReplayId ?? Buffer.alloc(8))).toBe(1);
    expect(s.responses[0]?.pendingNumRequested).toBe(100);
  });

  it('replays from a stored replay id (CUSTOM), new events only (LATEST) or all retained (EARLIEST)', async () => {
    await start();
    const lead = h.org.createLead({ LastName: 'R', Company: 'C' });
    h.org.updateLead(lead.id, { Title: 'one' });
    const first = subscribe({ topic: LEADS, preset: 'EARLIEST' });
    await eventually(() => first.received.length === 2);
    const stored = first.replayIds().at(-1) ?? 0;
    first.close();
    await eventually(() => h.sandbox.pubSubStreams() === 0);

    h.org.updateLead(lead.id, { Title: 'two' });
    h.org.updateLead(lead.id, { Title: 'three' });
    const custom = subscribe({ topic: LEADS, preset: 'CUSTOM', replayId: stored });
    const latest = await subscribed({ topic: LEADS, preset: 'LATEST' });
    await eventually(() => custom.received.length === 2);
    h.org.updateLead(lead.id, { Title: 'four' });
    await eventually(() => custom.received.length === 3 && latest.received.length === 1);
    await pause(50);
    expect(custom.received.map((e) => e.fields.Title)).toEqual(['two', 'three', 'four']);
    expect([...first.replayIds(), ...custom.replayIds()]).toEqual([1, 2, 3, 4, 5]);
    expect(latest.received.map((e) => e.fields.Title)).toEqual(['four']);
  });

  it('refuses a replay id older than what is retained, or answers it with a gap event', async () => {
    await start({ cdc: { retentionMs: 1_800_000 } });
    const lead = h.org.createLead({ LastName: 'G', Company: 'C' });
    h.org.updateLead(lead.id, { Title: 'old' });
    h.clock.advance(3_600_000);
    h.org.updateLead(lead.id, { Title: 'kept' });
    expect(h.org.changeEvents.events(LEADS).map((e) => e.replayId)).toEqual([3]);

    const stale = subscribe({ topic: LEADS, preset: 'CUSTOM', replayId: 1 });
    expect(await ended(stale)).toMatchObject({ code: grpc.status.INVALID_ARGUMENT });
    expect(stale.errorCode()).toBe('sfdc.platform.eventbus.grpc.subscription.fetch.replayid.corrupted');
    expect(stale.error?.details).toMatch(/rpcId: [0-9a-f-]{36}$/);
    const garbled = subscribe({ topic: LEADS, preset: 'CUSTOM', replayId: Buffer.from('xyz') });
    expect(await ended(garbled)).toMatchObject({ code: grpc.status.INVALID_ARGUMENT });

    h.sandbox.setCdc({ staleReplay: 'gap' });
    const s = subscribe({ topic: LEADS, preset: 'CUSTOM', replayId: 1 });
    await eventually(() => s.received.length === 2);
    expect(s.received.map((e) => e.header.changeType)).toEqual(['GAP_OVERFLOW', 'UPDATE']);
    expect(s.received[0]?.fields.Title).toBeNull();
    expect(s.replayIds()).toEqual([2, 3]);
    const resumed = subscribe({ topic: LEADS, preset: 'CUSTOM', replayId: 2 });
    await eventually(() => resumed.received.length === 1);
    expect(resumed.received[0]?.fields.Title).toBe('kept');
  });

  it('sends the field-conversion event with the wildcard record id in Avro', async () => {
    await start();
    h.org.createLead({ LastName: 'W', Company: 'C' });
    const s = await subscribed({ topic: LEADS });
    h.org.convertLeadFieldType(SF_FIELDS.fit);
    await eventually(() => s.received.length === 1);
    expect(s.received[0]?.header).toMatchObject({
      recordIds: ['00Q*'],
      changeType: 'UPDATE',
      changedFields: [],
    });
    expect(Object.values(s.received[0]?.fields ?? {}).every((v) => v === null)).toBe(true);
  });

  it('sends identical updates of several leads in one transaction as one event listing every record id', async () => {
    await start();
    const a = h.org.createLead({ LastName: 'A', Company: 'C' }).id;
    const b = h.org.createLead({ LastName: 'B', Company: 'C' }).id;
    const c = h.org.createLead({ LastName: 'C', Company: 'C' }).id;
    const s = await subscribed({ topic: LEADS });
    // One sObject Collections call is one transaction: two leads get the same stage, the third another one.
    const saved = await h
      .connection({ client: null })
      .sobject('Lead')
      .update(
        [
          { Id: a, [SF_FIELDS.stage]: 'assigned' },
          { Id: b, [SF_FIELDS.stage]: 'assigned' },
          { Id: c, [SF_FIELDS.stage]: 'recycled' },
        ],
        { allOrNone: true },
      );
    expect(saved.map((r) => r.success)).toEqual([true, true, true]);
    await eventually(() => s.received.length === 2);
    expect(s.received.map((e) => e.header.recordIds)).toEqual([[a, b], [c]]);
    expect(s.received.map((e) => e.header.sequenceNumber)).toEqual([1, 2]);
    expect(new Set(s.received.map((e) => e.header.transactionKey)).size).toBe(1);
  });

  it('never delivers lost events', async () => {
    await start({ faults: { changeEventDropRate: 1 } });
    const s = await subscribed({ topic: LEADS });
    const lead = h.org.createLead({ LastName: 'D', Company: 'C' });
    h.org.updateLead(lead.id, { Title: 'lost' });
    await pause(100);
    expect(s.received).toEqual([]);
    expect(h.org.changeEvents.dropped).toHaveLength(2);
    h.sandbox.setFaults({});
    h.org.updateLead(lead.id, { Title: 'seen' });
    await eventually(() => s.received.length === 1);
    expect(s.received[0]?.fields.Title).toBe('seen');
    expect(s.replayIds()).toEqual([1]);
  });

  it('refuses a call without a valid session for the tenant: UNAUTHENTICATED with the auth error code', async () => {
    await start();
    const bad = [
      h.pubSub({ accessToken: 'not-a-token' }),
      h.pubSub({ orgId: '00D000000000000AAA' }),
      h.pubSub({ instanceUrl: '' }),
    ];
    for (const client of bad) {
      const err = (await client.topic(LEADS).catch((e: unknown) => e)) as grpc.ServiceError;
      expect(err.code).toBe(grpc.status.UNAUTHENTICATED);
      expect(err.metadata.get('error-code')).toEqual(['sfdc.platform.eventbus.grpc.service.auth.error']);
      const s = subscribe({ topic: LEADS }, client);
      expect(await ended(s)).toMatchObject({ code: grpc.status.UNAUTHENTICATED });
      expect(s.errorCode()).toBe('sfdc.platform.eventbus.grpc.service.auth.error');
    }
    await h.oauth2().revokeToken(h.setup.refreshToken);
    const revoked = subscribe({ topic: LEADS });
    expect(await ended(revoked)).toMatchObject({ code: grpc.status.UNAUTHENTICATED });
  });

  it('ends streams over the delivery allocation, new and open, until 24 hours have passed', async () => {
    await start({ cdc: { deliveryAllocation: 3 } });
    const a = await subscribed({ topic: LEADS });
    const b = await subscribed({ topic: LEADS });
    h.org.createLead({ LastName: 'A1', Company: 'C' });
    // Counted per subscriber: two deliveries.
    await eventually(() => a.received.length === 1 && b.received.length === 1);
    // One delivery left: the first subscriber gets the event, the second is over the allocation.
    h.org.createLead({ LastName: 'A2', Company: 'C' });
    await eventually(() => a.received.length + b.received.length === 3 && (a.error ?? b.error) !== undefined);
    // The other one ends with its next event.
    h.org.createLead({ LastName: 'A3', Company: 'C' });
    await eventually(() => a.error !== undefined && b.error !== undefined);
    expect(a.received.length + b.received.length).toBe(3);
    for (const s of [a, b]) {
      expect(s.error?.code).toBe(grpc.status.RESOURCE_EXHAUSTED);
      expect(s.errorCode()).toBe('sfdc.platform.eventbus.grpc.subscription.limit.exceeded');
      expect(s.error?.details).toContain('You have exceeded the event delivery limit for your org.');
    }
    const refused = subscribe({ topic: LEADS });
    expect(await ended(refused)).toMatchObject({ code: grpc.status.RESOURCE_EXHAUSTED });

    h.clock.advance(24 * 3_600_000);
    // A day later the session has timed out too: a new access token.
    const { access_token: accessToken } = await h.oauth2().refreshToken(h.setup.refreshToken);
    const again = subscribe({ topic: LEADS, preset: 'EARLIEST' }, h.pubSub({ accessToken }));
    await eventually(() => again.received.length === 3);
  });

  it('tells a user without the permission that Task events are not for them', async () => {
    await start({ cdc: { subscribeDenied: ['Task'] } });
    const client = h.pubSub();
    expect(await client.topic('/data/TaskChangeEvent')).toMatchObject({ canSubscribe: false });
    expect(await client.topic(LEADS)).toMatchObject({ canSubscribe: true });
    const s = subscribe({ topic: '/data/TaskChangeEvent' }, client);
    expect(await ended(s)).toMatchObject({ code: grpc.status.PERMISSION_DENIED });
    expect(s.error?.details).toContain('View All Data');
  });

  it('ends open streams with UNAVAILABLE when they are reset; clients subscribe again from where they were', async () => {
    await start();
    const lead = h.org.createLead({ LastName: 'S', Company: 'C' });
    const s = await subscribed({ topic: LEADS });
    h.org.updateLead(lead.id, { Title: 'before' });
    await eventually(() => s.received.length === 1);
    expect(h.sandbox.pubSubStreams()).toBe(1);
    h.sandbox.dropPubSubStreams();
    expect(await ended(s)).toMatchObject({ code: grpc.status.UNAVAILABLE });
    expect(s.error?.details).toContain('RST_STREAM');
    expect(h.sandbox.pubSubStreams()).toBe(0);
    h.org.updateLead(lead.id, { Title: 'while gone' });
    const again = subscribe({ topic: LEADS, preset: 'CUSTOM', replayId: s.replayIds().at(-1) ?? 0 });
    await eventually(() => again.received.length === 1);
    expect(again.received[0]?.fields.Title).toBe('while gone');
  });

  it('keeps bitmaps in step with the schema of the event', async () => {
    await start();
    const lead = changeEventSchema(h.org.schemas.object('Lead') ?? expect.fail('no Lead'));
    const layout = bitmapLayoutOf(lead);
    expect(layout[0]?.name).toBe('ChangeEventHeader');
    expect(
      decodeBitmaps(fieldBitmaps(['Title', 'Name.LastName'], layout), JSON.parse(lead.schemaJson)),
    ).toEqual(['Title', 'Name.LastName']);
  });
});
