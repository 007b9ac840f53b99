// Faithfulness: Change Data Capture over CometD with jsforce's streaming client and its Replay extension —
// events in Salesforce's shape with the right changeOrigin (Baton's client vs a rep in the UI), resuming from a
// stored replayId without missing or repeating events, re-handshaking after the server forgets the client, a
// too-old replayId refused (or answered with a gap event), lost events never delivered, auth failure.
import { afterEach, describe, expect, it } from 'vitest';
import { SF_CLIENT_NAME, SF_FIELDS } from '../../src/crm/salesforce/batonFields.ts';
import type { SalesforceSandboxOptions } from './options.ts';
import { UI_ORIGIN } from './state/changeOrigins.ts';
import { startHarness, type Harness } from './testing/harness.ts';
import { eventually, pause, subscribeCdc, type CdcSubscriber } from './testing/streaming.ts';

const LEADS = '/data/LeadChangeEvent';
const NO_ASSIGN = { headers: { 'Sforce-Auto-Assign': 'FALSE' } };

let h: Harness;
const subscribers: CdcSubscriber[] = [];
afterEach(async () => {
  for (const s of subscribers.splice(0)) s.close();
  await pause(20);
  await h.close();
  expect(h.sandbox.internalErrors).toEqual([]);
});

async function start(options: SalesforceSandboxOptions = {}): Promise<Harness> {
  h = await startHarness({ ...options, cdc: { connectTimeoutMs: 2_000, ...options.cdc } });
  return h;
}

async function subscribe(channel: string, replayId: number): Promise<CdcSubscriber> {
  const s = await subscribeCdc(h.connection(), channel, replayId);
  subscribers.push(s);
  return s;
}

describe('change data capture', () => {
  it('delivers change events with Baton’s client or the rep’s UI as origin', async () => {
    await start();
    const leads = await subscribe(LEADS, -1);
    const tasks = await subscribe('/data/TaskChangeEvent', -1);
    const conn = h.connection();
    const { id = '' } = await conn
      .sobject('Lead')
      .create({ FirstName: 'Ana', LastName: 'Lima', Company: 'Acme' }, NO_ASSIGN);
    h.clock.advance(60_000);
    await conn.sobject('Lead').update({ Id: id, [SF_FIELDS.fit]: 72, Title: null }, NO_ASSIGN);
    const rep = h.setup.reps[0]?.id ?? '';
    h.clock.advance(60_000);
    h.org.updateAsUser(id, { FirstName: 'Anna' }, rep);
    h.org.logCall(id, rep);
    await eventually(() => leads.received.length === 3 && tasks.received.length === 1);

    const [created, byBaton, byRep] = leads.received;
    expect(created?.payload).toMatchObject({
      ChangeEventHeader: {
        entityName: 'Lead',
        recordIds: [id],
        changeType: 'CREATE',
        changeOrigin: `com/salesforce/api/rest/62.0;client=${SF_CLIENT_NAME}`,
        commitUser: h.setup.admin.id,
        changedFields: [],
      },
      Name: { FirstName: 'Ana', LastName: 'Lima' },
      Company: 'Acme',
      CreatedDate: '2026-10-01T09:00:00.000Z',
    });
    expect(byBaton?.payload.ChangeEventHeader).toMatchObject({
      changeType: 'UPDATE',
      changeOrigin: `com/salesforce/api/rest/62.0;client=${SF_CLIENT_NAME}`,
      changedFields: ['LastModifiedDate', SF_FIELDS.fit],
      commitTimestamp: Date.parse('2026-10-01T09:01:00Z'),
    });
    expect(byBaton?.payload).toMatchObject({
      [SF_FIELDS.fit]: 72,
      LastModifiedDate: '2026-10-01T09:01:00.000Z',
    });
    expect(byRep?.payload).toMatchObject({
      ChangeEventHeader: {
        changeOrigin: UI_ORIGIN,
        commitUser: rep,
        changedFields: ['LastModifiedDate', 'LastModifiedById', 'Name.FirstName'],
      },
      Name: { FirstName: 'Anna' },
    });
    expect(tasks.received[0]?.payload).toMatchObject({
      ChangeEventHeader: { entityName: 'Task', changeType: 'CREATE', changeOrigin: UI_ORIGIN },
      WhoId: id,
      TaskSubtype: 'Call',
    });
    expect(leads.replayIds()).toEqual([1, 2, 3]);
  });

  it('resumes from a stored replayId without missing or repeating events', async () => {
    await start();
    const lead = h.org.createLead({ LastName: 'R', Company: 'C' });
    const first = await subscribe(LEADS, -2);
    await eventually(() => first.received.length === 1);
    h.org.updateLead(lead.id, { Title: 'one' });
    await eventually(() => first.received.length === 2);
    const stored = first.replayIds().at(-1) ?? 0;
    first.close();
    await eventually(() => h.sandbox.cometdClients() === 0);

    h.org.updateLead(lead.id, { Title: 'two' });
    h.org.updateLead(lead.id, { Title: 'three' });
    const second = await subscribe(LEADS, stored);
    await eventually(() => second.received.length === 2);
    h.org.updateLead(lead.id, { Title: 'four' });
    await eventually(() => second.received.length === 3);
    await pause(50);
    expect(second.received.map((m) => m.payload.Title)).toEqual(['two', 'three', 'four']);
    expect([...first.replayIds(), ...second.replayIds()]).toEqual([1, 2, 3, 4, 5]);
  });

  it('re-handshakes and replays from the last event it saw when the server forgets the client', async () => {
    await start();
    const lead = h.org.createLead({ LastName: 'S', Company: 'C' });
    const s = await subscribe(LEADS, -1);
    h.org.updateLead(lead.id, { Title: 'before' });
    await eventually(() => s.received.length === 1);
    h.sandbox.dropCometdClients();
    h.org.updateLead(lead.id, { Title: 'while gone' });
    await eventually(() => s.received.length === 2);
    h.org.updateLead(lead.id, { Title: 'after' });
    await eventually(() => s.received.length === 3);
    await pause(50);
    expect(s.received.map((m) => m.payload.Title)).toEqual(['before', 'while gone', 'after']);
    const handshakes = h.sandbox.state.requests
      .all({ path: '/cometd/62.0' })
      .filter((r) => r.note === 'cometd:handshake');
    expect(handshakes).toHaveLength(2);
  });

  it('refuses a replayId older than what is retained, or answers it with a gap event', async () => {
    await start({ cdc: { retentionMs: 1_800_000 } });
    const lead = h.org.createLead({ LastName: 'G', Company: 'C' });
    h.org.updateLead(lead.id, { Title: 'old' });
    // Past retention, within the session's two hours (a CometD client does not refresh its token).
    h.clock.advance(3_600_000);
    h.org.updateLead(lead.id, { Title: 'kept' });
    expect(h.org.changeEvents.events(LEADS).map((e) => e.replayId)).toEqual([3]);

    // Faye cannot parse Salesforce's error text into code and message, so the whole string arrives.
    await expect(subscribeCdc(h.connection(), LEADS, 1)).rejects.toMatchObject({
      message:
        '400::The replayId {1} you provided was invalid.  Please provide a valid ID, -2 to replay all events, or -1 to replay only new events.',
    });

    h.sandbox.setCdc({ staleReplay: 'gap' });
    const s = await subscribe(LEADS, 1);
    await eventually(() => s.received.length === 2);
    expect(s.received.map((m) => m.payload.ChangeEventHeader.changeType)).toEqual(['GAP_OVERFLOW', 'UPDATE']);
    expect(s.replayIds()).toEqual([2, 3]);
    // The gap's replayId is a valid place to resume from.
    const resumed = await subscribe(LEADS, 2);
    await eventually(() => resumed.received.length === 1);
    expect(resumed.received[0]?.payload.Title).toBe('kept');
  });

  it('never delivers lost events; the poll still finds the change', async () => {
    await start({ faults: { changeEventDropRate: 1 } });
    const conn = h.connection();
    const s = await subscribe(LEADS, -1);
    const lead = h.org.createLead({ LastName: 'D', Company: 'C' });
    h.org.updateLead(lead.id, { Title: 'lost' });
    await pause(150);
    expect(s.received).toEqual([]);
    expect(h.org.changeEvents.dropped.map((m) => m.payload.ChangeEventHeader.changeType)).toEqual([
      'CREATE',
      'UPDATE',
    ]);
    expect(h.org.changeEvents.events()).toEqual([]);
    h.clock.advance(120_000);
    const polled = await conn
      .sobject('Lead')
      .updated(new Date(h.clock.now() - 600_000), new Date(h.clock.now()));
    expect(polled.ids).toEqual([lead.id]);

    h.sandbox.setFaults({});
    h.org.updateLead(lead.id, { Title: 'seen' });
    await eventually(() => s.received.length === 1);
    expect(s.received[0]?.payload.Title).toBe('seen');
    expect(s.replayIds()).toEqual([1]);
  });

  it('tells a subscriber whose session ended to stop (AuthFailure)', async () => {
    await start();
    const s = await subscribe(LEADS, -1);
    await h.oauth2().revokeToken(h.setup.refreshToken);
    // The next event ends the connect the client holds; its next connect finds the session gone.
    h.org.createLead({ LastName: 'After', Company: 'Revoke' });
    await eventually(() => s.authFailures.length === 1);
    expect(s.authFailures[0]).toMatchObject({
      channel: '/meta/connect',
      advice: { reconnect: 'none' },
      ext: { sfdc: { failureReason: '401::Authentication invalid' } },
    });
  });
});
