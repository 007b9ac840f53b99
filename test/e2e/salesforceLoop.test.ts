// The core loop on Salesforce, end to end against the sandbox org on a manual clock: change events over the Pub/Sub
// API (replay positions stored with the events) → inbox → decisions → sObject Collections writes; a rep's
// quick-action return; the SLA sweep; a lost change event caught by reconciliation; Baton's own writes not
// processed again; restarts, expired replay positions and expired sessions.
import { afterEach, describe, expect, it } from 'vitest';
import { batonLeadFields } from '../../sandbox/salesforce/model/batonPackage.ts';
import { field } from '../../sandbox/salesforce/model/fieldSpec.ts';
import {
  quickActionBlocked,
  quickActionReturn as quickActionReturnInOrg,
  type QuickActionInput,
} from '../../sandbox/salesforce/quickActionReturn.ts';
import { SF_FIELDS, SF_RETURN_REFUSAL, SF_RETURN_REQUEST } from '../../src/crm/salesforce/batonFields.ts';
import { acceptIntoInbox } from '../../src/store/inbox.ts';
import { deadEffects } from '../../src/store/opsQueries.ts';
import { isOwnChange } from '../../src/crm/salesforce/changeEvents.ts';
import { currentAlerts } from '../../src/app/alerts.ts';
import { TOPIC_PROBLEM_FIX, topicProblems } from '../../src/app/changeCaptureHealth.ts';
import { startBaton, type BatonHarness } from '../support/batonHarness.ts';
import { demoRequest } from '../support/sandboxLeads.ts';

// Monday 23 Nov 2026, 09:00 in New York (the default policy's business hours 09:00–17:00).
const MONDAY_9AM = new Date('2026-11-23T14:00:00Z');
const HOUR = 3_600_000;

let h: BatonHarness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const org = (b: BatonHarness) => b.org.org.org;
const rep = (b: BatonHarness, n = 0) => b.org.org.reps[n]?.id ?? '';
const queueId = (b: BatonHarness) => b.org.org.marketingQueue?.id ?? '';
const lead = (b: BatonHarness, id: string): Record<string, unknown> => org(b).lead(id)?.values ?? {};

/** The rep's "Return to marketing" through the quick action (its guard and rules), as the rep. */
function quickActionReturn(b: BatonHarness, id: string, by: string, input: QuickActionInput) {
  const outcome = quickActionReturnInOrg(org(b), id, by, input, b.now().getTime());
  if (!outcome.saved) throw new Error(`the quick action refused the return: ${outcome.why}`);
}

const campaignMembers = (b: BatonHarness, campaignId: string) =>
  org(b)
    .campaignMembers(campaignId)
    .map((m) => m.values['LeadId']);

async function inboxRows(b: BatonHarness) {
  return b.running.database.db
    .selectFrom('inbox')
    .select(['dedupe_key', 'payload', 'status'])
    .where('source', '=', 'salesforce.cdc')
    .execute();
}

describe('the core loop on Salesforce', () => {
  it('a demo request is scored in Salesforce, and the rep’s quick-action return recycles it into the reason’s campaign owned by the marketing queue', async () => {
    h = await startBaton({ at: MONDAY_9AM, crm: 'salesforce' });
    const id = demoRequest(h, 1);
    expect(lead(h, id).OwnerId).toBe(rep(h));
    await h.settle();
    expect(lead(h, id)).toMatchObject({
      [SF_FIELDS.stage]: 'assigned',
      [SF_FIELDS.slaStatus]: 'on_time',
      [SF_FIELDS.grade]: expect.stringMatching(/^A/),
    });
    expect(String(lead(h, id)[SF_FIELDS.scoreReasons])).toContain('Demo');
    // Baton's own writes did not re-enter the inbox, and did not move the lead's owner (no assignment rules).
    expect(lead(h, id).OwnerId).toBe(rep(h));

    h.advance(2 * HOUR);
    quickActionReturn(h, id, rep(h), {
      reason: 'no_budget',
      note: 'Budget frozen until Q2',
      reengageOn: '2027-04-01',
    });
    await h.settle();
    expect(lead(h, id)).toMatchObject({
      OwnerId: queueId(h),
      [SF_FIELDS.stage]: 'recycled',
      [SF_FIELDS.lastReason]: 'no_budget',
      [SF_FIELDS.lastNote]: 'Budget frozen until Q2',
      [SF_FIELDS.recycleCount]: 1,
    });
    expect(campaignMembers(h, await h.listId('nurture_timing'))).toEqual([id]);
    const stored = await h.lead(id);
    expect(stored?.state.stage).toBe('recycled');
    // The picked day starts in the tenant's zone (New York), not in UTC.
    expect(stored?.state.reengageAt?.toISOString()).toBe('2027-04-01T04:00:00.000Z');
    const ledger = await h.ledger(id);
    expect(ledger.map((e) => e.to)).toContain('recycled');
    expect(ledger.find((e) => e.to === 'recycled')).toMatchObject({
      actor: { kind: 'user', userId: rep(h) },
      reason: 'no_budget',
    });

    // Baton's writes were published as change events with its client name; none of them reached the inbox.
    const published = org(h).changeEvents.events('/data/LeadChangeEvent');
    const own = published.filter((e) => isOwnChange(e.message.payload.ChangeEventHeader.changeOrigin));
    expect(own.length).toBeGreaterThanOrEqual(2);
    const keys = (await inboxRows(h)).map((r) => r.dedupe_key);
    expect(keys).toHaveLength(published.length - own.length);
    for (const e of own) {
      expect(keys).not.toContain(`sf:${e.message.payload.ChangeEventHeader.transactionKey}:${id}`);
    }
    expect(await h.pending()).toEqual([]);
    // Each stored change event is in the sync log (what ops sees as the org's last event in).
    const inbound = await h.running.database.db
      .selectFrom('sync_log')
      .select(['operation', 'at'])
      .where('direction', '=', 'inbound')
      .where('tenant_id', '=', (await h.tenant()).id)
      .orderBy('id')
      .execute();
    expect(inbound.map((r) => r.operation)).toContain('change event LeadChangeEvent');
    expect(inbound.at(-1)?.at.toISOString()).toBe(h.now().toISOString());
  });

  it('the same lead returned again later through the quick action is handled again: each return is acknowledged', async () => {
    h = await startBaton({ at: MONDAY_9AM, crm: 'salesforce' });
    const id = demoRequest(h, 9);
    await h.settle();
    h.advance(HOUR);
    quickActionReturn(h, id, rep(h), { reason: 'wrong_owner' });
    // Until Baton has handled it, the quick action says a return is waiting.
    expect(quickActionBlocked(org(h), id)).toMatch(/already requested/);
    await h.settle();
    expect(lead(h, id)).toMatchObject({
      OwnerId: queueId(h),
      [SF_FIELDS.stage]: 'returned',
      [SF_FIELDS.lastReason]: 'wrong_owner',
      // Acknowledged in the same write: the request is gone.
      [SF_RETURN_REQUEST.requestedAt]: null,
      [SF_RETURN_REQUEST.reason]: null,
    });

    // Marketing ops gives it to the right rep; a day later that rep sends it back too.
    org(h).updateLead(id, { OwnerId: rep(h, 1) });
    await h.settle();
    expect(lead(h, id)[SF_FIELDS.stage]).toBe('assigned');
    expect(quickActionBlocked(org(h), id)).toBeNull();
    h.advance(24 * HOUR);
    quickActionReturn(h, id, rep(h, 1), { reason: 'not_ready', reengageOn: '2027-03-01' });
    await h.settle();
    expect(lead(h, id)).toMatchObject({
      OwnerId: queueId(h),
      [SF_FIELDS.stage]: 'recycled',
      [SF_FIELDS.lastReason]: 'not_ready',
      [SF_RETURN_REQUEST.requestedAt]: null,
    });
    expect(campaignMembers(h, await h.listId('nurture_timing'))).toEqual([id]);
    const returns = (await h.ledger(id)).filter((e) => e.to === 'returned');
    expect(returns.map((e) => [e.reason, e.actor])).toEqual([
      ['wrong_owner', { kind: 'user', userId: rep(h) }],
      ['not_ready', { kind: 'user', userId: rep(h, 1) }],
    ]);
    // A recycled lead cannot be returned: the quick action says why, and nothing is written.
    expect(quickActionBlocked(org(h), id)).not.toBeNull();
  });

  it('a return Baton cannot act on is answered on the record in the rep’s words and logged; the next one clears it', async () => {
    h = await startBaton({ at: MONDAY_9AM, crm: 'salesforce' });
    const id = demoRequest(h, 10);
    await h.settle();
    h.advance(HOUR);
    // The rep saves a return, and before Baton reads it an admin puts the lead back in the marketing queue.
    quickActionReturn(h, id, rep(h), { reason: 'not_ready' });
    org(h).updateLead(id, { OwnerId: queueId(h) });
    await h.settle();
    const refusal = 'Baton did not take this lead back: This lead is waiting to be assigned to a rep.';
    expect(lead(h, id)).toMatchObject({
      [SF_FIELDS.stage]: 'mql',
      [SF_RETURN_REFUSAL]: refusal,
      [SF_RETURN_REQUEST.requestedAt]: null,
      [SF_RETURN_REQUEST.reason]: null,
    });
    expect((await h.ledger(id)).filter((e) => e.to === 'returned')).toEqual([]);
    const logged = await h.running.database.db
      .selectFrom('sync_log')
      .select(['operation', 'status', 'message', 'error_kind'])
      .where('operation', '=', 'return request refused')
      .execute();
    expect(logged).toEqual([
      {
        operation: 'return request refused',
        status: 'skipped',
        message: refusal,
        error_kind: 'not_returnable',
      },
    ]);
    // The request is answered once, however often the lead is read again.
    await h.reconcile();
    await h.settle();
    expect(await h.pending()).toEqual([]);

    // Back with a rep, the quick action opens again; a return Baton acts on clears the old answer.
    org(h).updateLead(id, { OwnerId: rep(h) });
    await h.settle();
    expect(quickActionBlocked(org(h), id)).toBeNull();
    h.advance(HOUR);
    quickActionReturn(h, id, rep(h), { reason: 'not_ready' });
    await h.settle();
    expect(lead(h, id)).toMatchObject({ [SF_FIELDS.stage]: 'recycled', [SF_RETURN_REFUSAL]: null });
  });

  it('a lead row another process holds (UNABLE_TO_LOCK_ROW) keeps Baton’s write pending, and it lands once free', async () => {
    h = await startBaton({ at: MONDAY_9AM, crm: 'salesforce' });
    const id = demoRequest(h, 13);
    await h.settle();
    h.advance(HOUR);
    quickActionReturn(h, id, rep(h), { reason: 'not_ready' });
    org(h).lockRow(id, 10 * 60_000); // e.g. a flow or a bulk job holding the row for ten minutes
    await h.deliver();
    await h.drain();
    await h.flush();
    expect(lead(h, id)[SF_FIELDS.stage]).toBe('assigned');
    const waiting = await h.pending();
    expect(waiting.length).toBeGreaterThan(0);
    expect(waiting.every((p) => p.attempts <= 1)).toBe(true);
    expect(await deadEffects(h.running.database.db, { limit: 10 })).toEqual([]);

    h.advance(15 * 60_000);
    await h.settle();
    expect(lead(h, id)).toMatchObject({ OwnerId: queueId(h), [SF_FIELDS.stage]: 'recycled' });
    expect(await h.pending()).toEqual([]);
  });

  it('an org still on the package without Baton_Return_Refusal__c gets its returns handled all the same', async () => {
    h = await startBaton({ at: MONDAY_9AM, crm: 'salesforce' });
    org(h).setCustomLeadFields(batonLeadFields([SF_RETURN_REFUSAL]));
    const id = demoRequest(h, 16);
    await h.settle();
    h.advance(HOUR);
    quickActionReturn(h, id, rep(h), { reason: 'not_ready' });
    await h.settle();
    expect(lead(h, id)).toMatchObject({
      [SF_FIELDS.stage]: 'recycled',
      [SF_RETURN_REQUEST.requestedAt]: null,
    });
    expect(SF_RETURN_REFUSAL in (org(h).lead(id)?.values ?? {})).toBe(false);
    expect(await deadEffects(h.running.database.db, { limit: 10 })).toEqual([]);
  });

  it('a validation rule of the org refusing Baton’s write stands on the Tenants page with the rule’s message', async () => {
    h = await startBaton({ at: MONDAY_9AM, crm: 'salesforce' });
    const message = 'Leads are recycled by marketing ops only (ticket OPS-123).';
    org(h).addValidationRule({
      object: 'Lead',
      name: 'Recycle_By_Ops_Only',
      message,
      field: SF_FIELDS.stage,
      refuses: (next, prev) => next[SF_FIELDS.stage] === 'recycled' && prev?.[SF_FIELDS.stage] !== 'recycled',
    });
    const id = demoRequest(h, 20);
    await h.settle();
    h.advance(HOUR);
    quickActionReturn(h, id, rep(h), { reason: 'not_ready' });
    await h.settle();
    expect(lead(h, id)[SF_FIELDS.stage]).not.toBe('recycled');
    const res = await fetch(`${h.running.config.publicUrl}/ops/api/tenants`, {
      headers: { authorization: 'Bearer ops-token-for-tests-0123456789' },
    });
    const { tenants } = (await res.json()) as {
      tenants: Array<{ id: string; refusedByRules: Array<{ message: string; writes: number; fix: string }> }>;
    };
    const t = await h.tenant();
    expect(tenants.find((x) => x.id === t.id)?.refusedByRules).toEqual([
      { message, writes: 1, fix: expect.stringMatching(/through the rule .*replays the dead letters/) },
    ]);
  });

  it('a lead waiting in a team’s queue has no rep yet: no SLA clock, no task to the queue; a rep taking it starts the clock', async () => {
    h = await startBaton({ at: MONDAY_9AM, crm: 'salesforce' });
    const sdrQueue = org(h).addQueue({ name: 'SDR Inbound', developerName: 'SDR_Inbound' });
    const id = demoRequest(h, 14);
    org(h).updateLead(id, { OwnerId: sdrQueue.id });
    await h.settle();
    expect(lead(h, id)).toMatchObject({
      OwnerId: sdrQueue.id,
      [SF_FIELDS.stage]: 'mql',
      [SF_FIELDS.slaDueAt]: null,
    });
    // Two days in the queue: no reminder task (a Task cannot belong to a queue), no breach.
    h.advance(48 * HOUR);
    await h.sweep();
    await h.settle();
    expect(
      org(h)
        .tasks(id)
        .filter((t) => String(t.values['Subject']).startsWith('Baton:')),
    ).toEqual([]);
    expect(await h.pending()).toEqual([]);
    expect(lead(h, id)[SF_FIELDS.stage]).toBe('mql');

    // A rep takes it from the queue: now the clock runs, from when they took it.
    org(h).updateLead(id, { OwnerId: rep(h) });
    await h.settle();
    const stored = await h.lead(id);
    expect(stored?.state).toMatchObject({ stage: 'assigned', ownerId: rep(h) });
    expect(stored?.state.sla?.assignedAt.toISOString()).toBe(h.now().toISOString());
  });

  it('an untouched lead breaches its SLA and is recycled into the untouched campaign, owned by the marketing queue', async () => {
    h = await startBaton({ at: MONDAY_9AM, crm: 'salesforce' });
    const id = demoRequest(h, 2);
    await h.settle();
    // 24 business hours from Monday 09:00 → Wednesday 17:00 New York.
    expect(new Date(lead(h, id)[SF_FIELDS.slaDueAt] as string | number).toISOString()).toBe(
      '2026-11-25T22:00:00.000Z',
    );

    h.set(new Date('2026-11-26T15:00:00Z'));
    await h.sweep();
    await h.settle();
    expect(lead(h, id)[SF_FIELDS.slaStatus]).toBe('breached');
    // The escalation is a task in Salesforce for the rep.
    expect(
      org(h)
        .tasks(id)
        .map((t) => t.values['OwnerId']),
    ).toContain(rep(h));

    h.set(new Date('2026-12-08T15:00:00Z'));
    await h.sweep();
    await h.settle();
    expect(lead(h, id)).toMatchObject({
      OwnerId: queueId(h),
      [SF_FIELDS.stage]: 'recycled',
      [SF_FIELDS.lastReason]: 'untouched',
    });
    expect(campaignMembers(h, await h.listId('nurture_untouched'))).toEqual([id]);
  });

  it('a call the rep logs (a Task on the lead) stops the SLA clock', async () => {
    h = await startBaton({ at: MONDAY_9AM, crm: 'salesforce' });
    const id = demoRequest(h, 3);
    await h.settle();
    h.advance(3 * HOUR);
    org(h).logCall(id, rep(h));
    await h.settle();
    expect(lead(h, id)[SF_FIELDS.slaStatus]).toBe('met');
    h.set(new Date('2026-12-08T15:00:00Z'));
    await h.sweep();
    await h.settle();
    expect(lead(h, id)[SF_FIELDS.stage]).not.toBe('recycled');
    expect(lead(h, id).OwnerId).toBe(rep(h));
  });

  it('a lead the rep converts is left alone: tracked as an opportunity, no writes refused or retried', async () => {
    h = await startBaton({ at: MONDAY_9AM, crm: 'salesforce' });
    const id = demoRequest(h, 10);
    await h.settle();
    h.advance(HOUR);
    org(h).logCall(id, rep(h));
    org(h).convertLead(id, { userId: rep(h) });
    await h.settle();
    expect((await h.lead(id))?.state.stage).toBe('qualified');
    // Baton's own write after the conversion met a frozen lead: done, not a failure to retry.
    expect(await h.pending()).toEqual([]);
    expect(await deadEffects(h.running.database.db, { limit: 10 })).toEqual([]);
    // …and recorded as left alone, with why: no call went out for it.
    const leftAlone = await h.running.database.db
      .selectFrom('effects')
      .select(['kind', 'left_alone'])
      .where('lead_id', '=', id)
      .where('left_alone', 'is not', null)
      .execute();
    expect(leftAlone.length).toBeGreaterThan(0);
    for (const e of leftAlone) expect(e.left_alone).toMatch(/^converted in Salesforce/);
    h.set(new Date('2026-12-08T15:00:00Z'));
    await h.sweep();
    await h.settle();
    expect((await h.lead(id))?.state.stage).toBe('qualified');
    expect(campaignMembers(h, await h.listId('nurture_untouched'))).toEqual([]);
  });

  it('a change event Salesforce never delivered is caught by reconciliation', async () => {
    h = await startBaton({ at: MONDAY_9AM, crm: 'salesforce' });
    const id = demoRequest(h, 4);
    await h.settle();
    await h.reconcile(); // first run sets the cursor
    h.org.sandbox.setFaults({ changeEventDropRate: 1 });
    h.advance(HOUR);
    quickActionReturn(h, id, rep(h), { reason: 'went_dark' });
    await h.settle();
    expect(org(h).changeEvents.dropped.length).toBeGreaterThan(0);
    expect(lead(h, id)[SF_FIELDS.stage]).toBe('assigned');

    h.advance(5 * 60_000);
    await h.reconcile();
    await h.settle();
    expect(lead(h, id)).toMatchObject({ OwnerId: queueId(h), [SF_FIELDS.stage]: 'recycled' });
    expect(campaignMembers(h, await h.listId('nurture_reengage'))).toEqual([id]);
  });

  it('after a restart, change capture resumes from the stored replay position: nothing lost, nothing twice', async () => {
    h = await startBaton({ at: MONDAY_9AM, crm: 'salesforce' });
    const capture = h.running.changeFeeds;
    const t = await h.tenant();
    const id = demoRequest(h, 5);
    await h.settle();
    capture?.stop(t);

    // While Baton is down: a rep returns the lead and logs a call on another.
    const other = demoRequest(h, 6);
    h.advance(HOUR);
    quickActionReturn(h, id, rep(h), { reason: 'not_ready' });
    const before = (await inboxRows(h)).length;

    await capture?.restart(t);
    await capture?.subscribed(t.id);
    await h.settle();
    expect(lead(h, id)[SF_FIELDS.stage]).toBe('recycled');
    expect(lead(h, other)[SF_FIELDS.stage]).toBe('assigned');
    const rows = await inboxRows(h);
    expect(rows.length - before).toBe(2);
    expect(new Set(rows.map((r) => r.dedupe_key)).size).toBe(rows.length);
  });

  it('a replay position past retention is a gap: Baton subscribes for new events and queues a reconciliation', async () => {
    h = await startBaton({ at: MONDAY_9AM, crm: 'salesforce' });
    const capture = h.running.changeFeeds;
    const t = await h.tenant();
    const id = demoRequest(h, 7);
    await h.settle();
    await h.reconcile(); // the five-minute reconciliation ran before Baton went down
    capture?.stop(t);
    h.advance(HOUR);
    quickActionReturn(h, id, rep(h), { reason: 'no_budget' });
    h.advance(73 * HOUR); // past the 72-hour retention: the events are gone
    demoRequest(h, 8); // a newer event, so the stored position is older than anything retained

    await capture?.restart(t);
    await capture?.subscribed(t.id);
    const deadline = Date.now() + 5_000;
    let jobs: unknown[] = [];
    while (jobs.length === 0 && Date.now() < deadline) {
      jobs = await h.running.queue.queued('reconcile.run');
      await new Promise((r) => setTimeout(r, 20));
    }
    expect(jobs).toEqual([expect.objectContaining({ tenantId: t.id })]);
    await h.reconcile();
    await h.settle();
    expect(lead(h, id)[SF_FIELDS.stage]).toBe('recycled');
  });

  it('a field type conversion’s wildcard event ("00Q*") queues a reconciliation, and the org’s other events go on', async () => {
    h = await startBaton({ at: MONDAY_9AM, crm: 'salesforce' });
    const t = await h.tenant();
    org(h).setCustomLeadFields([...batonLeadFields(), field('Demo_Date__c', 'Demo date', 'date')]);
    const id = demoRequest(h, 11);
    await h.settle();
    org(h).convertLeadFieldType('Demo_Date__c');
    h.advance(HOUR);
    quickActionReturn(h, id, rep(h), { reason: 'not_ready' });
    await h.settle();
    expect(lead(h, id)[SF_FIELDS.stage]).toBe('recycled');
    const wildcard = org(h)
      .changeEvents.events('/data/LeadChangeEvent')
      .filter((e) => e.message.payload.ChangeEventHeader.recordIds.includes('00Q*'));
    expect(wildcard).toHaveLength(1);
    // No inbox item names "00Q*" as a lead; nothing is left pending behind it.
    const items = await h.running.database.db
      .selectFrom('inbox')
      .select(['lead_id', 'status'])
      .where('tenant_id', '=', t.id)
      .execute();
    expect(items.filter((i) => i.lead_id?.includes('*'))).toEqual([]);
    expect(items.filter((i) => i.status === 'pending')).toEqual([]);
    expect(await h.running.queue.queued('reconcile.run')).toEqual([
      expect.objectContaining({ tenantId: t.id }),
    ]);
  });

  it('an inbox item the org will not read (stored before Baton knew better) is set aside with its cause; the rest goes on', async () => {
    h = await startBaton({ at: MONDAY_9AM, crm: 'salesforce' });
    const t = await h.tenant();
    const id = demoRequest(h, 12);
    await h.settle();
    // A change naming "00Q*" as a lead, as a release without the wildcard rule stored them.
    await acceptIntoInbox(h.running.database.db, {
      tenantId: t.id,
      source: 'salesforce.cdc',
      dedupeKey: 'sf:Lead:999:00Q*',
      leadId: '00Q*',
      payload: { kind: 'changed', leadId: '00Q*', occurredAt: h.now().toISOString(), properties: [] },
    });
    h.advance(HOUR);
    quickActionReturn(h, id, rep(h), { reason: 'not_ready' });
    await h.settle();
    expect(lead(h, id)[SF_FIELDS.stage]).toBe('recycled');
    const items = await h.running.database.db
      .selectFrom('inbox')
      .select(['lead_id', 'status', 'error'])
      .where('tenant_id', '=', t.id)
      .execute();
    expect(items.filter((i) => i.status === 'pending')).toEqual([]);
    expect(items.filter((i) => i.status === 'failed')).toEqual([
      {
        lead_id: '00Q*',
        status: 'failed',
        error: expect.stringMatching(/^The CRM will not read this record: .*400/),
      },
    ]);
    const logged = await h.running.database.db
      .selectFrom('sync_log')
      .select(['operation', 'record_ids', 'error_kind'])
      .where('operation', '=', 'inbox item set aside')
      .execute();
    expect(logged).toEqual([
      { operation: 'inbox item set aside', record_ids: ['00Q*'], error_kind: 'permanent' },
    ]);
  });

  it('a channel the org refuses (Task not selected for change events) is logged for ops; the others go on', async () => {
    h = await startBaton({
      at: MONDAY_9AM,
      crm: 'salesforce',
      salesforceSandbox: { cdc: { entities: ['Lead', 'Event'] } },
    });
    const t = await h.tenant();
    await h.running.changeFeeds?.subscribed(t.id);
    const problems = () =>
      h!.running.database.db
        .selectFrom('sync_log')
        .select(['operation', 'status', 'message'])
        .where('tenant_id', '=', t.id)
        .where('operation', '=', 'change capture')
        .execute();
    // Recorded as the refusal comes back; the next attempt waits 5 s, then longer each time.
    await expect.poll(async () => (await problems()).length).toBe(1);
    expect(await problems()).toEqual([
      {
        operation: 'change capture',
        status: 'error',
        message: expect.stringMatching(
          /^\/data\/TaskChangeEvent: TaskChangeEvent is not available: select Task for Change Data Capture.*reconciliation/,
        ),
      },
    ]);
    // Lead changes still arrive as events.
    const id = demoRequest(h, 15);
    await h.settle();
    h.advance(HOUR);
    quickActionReturn(h, id, rep(h), { reason: 'not_ready' });
    await h.settle();
    expect(lead(h, id)[SF_FIELDS.stage]).toBe('recycled');
  });

  it('a topic the connected user may not read (task changes need View All Data) stands on the Tenants page until granted', async () => {
    h = await startBaton({
      at: MONDAY_9AM,
      crm: 'salesforce',
      salesforceSandbox: { cdc: { subscribeDenied: ['Task'] } },
    });
    const t = await h.tenant();
    await h.running.changeFeeds?.subscribed(t.id);
    const db = h.running.database.db;
    await expect
      .poll(async () => (await topicProblems(db, t.id)).map((p) => [p.topic, p.kind]))
      .toEqual([['/data/TaskChangeEvent', 'refused']]);
    const [problem] = await topicProblems(db, t.id);
    expect(problem?.problem).toMatch(/may not subscribe to TaskChangeEvent .*View All Data/);
    expect(TOPIC_PROBLEM_FIX.refused).toMatch(/View All Data/);
    // Lead changes still arrive as events meanwhile.
    const id = demoRequest(h, 16);
    await h.settle();
    expect(lead(h, id)[SF_FIELDS.stage]).toBe('assigned');

    // The admin grants the permission: the next attempt (5 s after the first refusal) subscribes, the problem ends.
    h.org.sandbox.setCdc({ subscribeDenied: [] });
    await expect.poll(async () => (await topicProblems(db, t.id)).length, { timeout: 15_000 }).toBe(0);
    const lines = await db
      .selectFrom('sync_log')
      .select(['status', 'message'])
      .where('tenant_id', '=', t.id)
      .where('operation', '=', 'change capture')
      .orderBy('id')
      .execute();
    expect(lines.at(-1)).toEqual({
      status: 'ok',
      message: '/data/TaskChangeEvent: subscribed again, change events flow',
    });
  });

  it('the org’s event delivery allocation used up: an alert at once, the reconciliation carries the changes meanwhile', async () => {
    h = await startBaton({
      at: MONDAY_9AM,
      crm: 'salesforce',
      salesforceSandbox: { cdc: { deliveryAllocation: 2 } },
    });
    const t = await h.tenant();
    await h.running.changeFeeds?.subscribed(t.id);
    const db = h.running.database.db;
    await h.reconcile(); // the first run sets the poll's cursor
    // Three new leads, three lead events: the third is over the allocation of two.
    const first = demoRequest(h, 17);
    const second = demoRequest(h, 18);
    const third = demoRequest(h, 19);
    await expect
      .poll(async () => (await topicProblems(db, t.id)).map((p) => p.kind), { timeout: 5_000 })
      .toContain('delivery_limit');
    const alerts = await currentAlerts(db, h.now());
    expect(alerts).toContainEqual(
      expect.objectContaining({
        kind: 'change_capture_stopped',
        severity: 'critical',
        message: expect.stringMatching(/event delivery allocation .*used up/),
      }),
    );
    // Baton stays away (an hour) instead of asking again at once: the stream stays closed.
    await new Promise((r) => setTimeout(r, 300));
    expect(h.org.sandbox.pubSubStreams()).toBeLessThan(3);
    // The reconciliation reads what changed; its changes are applied like any (events still wait in Salesforce).
    h.advance(5 * 60_000);
    await h.reconcile();
    for (let round = 0; round < 3; round++) {
      await h.drain();
      await h.flush();
    }
    for (const id of [first, second, third]) expect(lead(h, id)[SF_FIELDS.stage]).toBe('assigned');
  });

  it('an expired session: change capture refreshes the token and subscribes again', async () => {
    h = await startBaton({
      at: MONDAY_9AM,
      crm: 'salesforce',
      salesforceSandbox: { oauth: { rotateRefreshTokens: true } },
    });
    const id = demoRequest(h, 9);
    await h.settle();
    h.advance(3 * HOUR); // past the 2-hour session timeout
    h.org.sandbox.dropPubSubStreams();
    quickActionReturn(h, id, rep(h), { reason: 'not_ready' });
    await h.settle();
    expect(lead(h, id)[SF_FIELDS.stage]).toBe('recycled');
  });
});
