// The core loop on HubSpot, end to end against the sandbox portal on a manual clock: signed webhooks → inbox →
// decisions → batched CRM writes; the SLA sweep; returns; reconciliation; faults; crashes; the backfill.
import { afterEach, describe, expect, it } from 'vitest';
import { signV3 } from '../../src/crm/hubspot/requestSignature.ts';
import { decayScores } from '../../src/worker/decayScores.ts';
import { startBaton, type BatonHarness } from '../support/batonHarness.ts';
import { returnLead } from '../support/cardRequest.ts';
import { hotLead } from '../support/sandboxLeads.ts';

// Monday 23 Nov 2026, 09:00 in New York (the default policy's business hours 09:00–17:00).
const MONDAY_9AM = new Date('2026-11-23T14:00:00Z');
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

let h: BatonHarness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const reps = (b: BatonHarness) => b.portal.owners.all().filter((o) => o.email.endsWith('@acme.example'));

/** What an assignment workflow in HubSpot does once the lead is an MQL. */
function assign(b: BatonHarness, contactId: string, ownerId: string) {
  b.portal.setProperties(contactId, { hubspot_owner_id: ownerId }, { source: 'CRM_UI' });
}

const props = (b: BatonHarness, id: string) => b.portal.contact(id)?.properties ?? {};

describe('the core loop on HubSpot', () => {
  it('an MQL is scored in HubSpot; untouched past the SLA it is reminded, escalated and recycled into the right list', async () => {
    h = await startBaton({ at: MONDAY_9AM });
    const [rep] = reps(h);
    const id = hotLead(h, 1);
    await h.settle();
    expect(props(h, id)).toMatchObject({ baton_stage: 'mql', baton_grade: expect.stringMatching(/^A/) });
    expect(props(h, id)['baton_score_reasons']).toContain('Demo request');
    expect(props(h, id)['lifecyclestage']).toBe('marketingqualifiedlead');

    assign(h, id, rep?.id ?? '');
    await h.settle();
    expect(props(h, id)).toMatchObject({ baton_stage: 'assigned', baton_sla_status: 'on_time' });
    // 24 business hours from Monday 09:00 → Wednesday 17:00 New York (three full working days).
    expect(Date.parse(props(h, id)['baton_sla_due_at'] ?? '')).toBe(Date.parse('2026-11-25T22:00:00Z'));

    h.set(new Date('2026-11-24T22:00:00Z')); // Tuesday evening: past the 12-hour reminder
    await h.sweep();
    await h.settle();
    expect(props(h, id)['baton_sla_status']).toBe('due_soon');
    expect(h.portal.tasks(id).map((t) => t.properties['hs_task_subject'])).toEqual([
      expect.stringContaining('first touch due'),
    ]);

    h.set(new Date('2026-11-26T15:00:00Z')); // Thursday, after the deadline
    await h.sweep();
    await h.settle();
    expect(props(h, id)['baton_sla_status']).toBe('breached');
    expect(h.portal.tasks(id)).toHaveLength(2);

    h.set(new Date('2026-12-08T15:00:00Z')); // past 72 business hours
    await h.sweep();
    await h.settle();
    expect(props(h, id)).toMatchObject({
      baton_stage: 'recycled',
      baton_recycle_count: '1',
      baton_last_reason: 'untouched',
      lifecyclestage: 'lead',
    });
    expect(props(h, id)['hubspot_owner_id'] ?? '').toBe('');
    expect(h.portal.listMembers(await h.listId('nurture_untouched'))).toEqual([id]);
    expect(await h.pending()).toEqual([]);
  });

  it('a rep touch stops the clock: accepted, SLA met, never recycled', async () => {
    h = await startBaton({ at: MONDAY_9AM });
    const [rep] = reps(h);
    const id = hotLead(h, 2);
    await h.settle();
    assign(h, id, rep?.id ?? '');
    await h.settle();
    h.advance(3 * HOUR);
    h.portal.logCall(id, rep?.id, h.now().getTime());
    await h.settle();
    expect(props(h, id)).toMatchObject({ baton_stage: 'accepted', baton_sla_status: 'met' });
    h.set(new Date('2026-12-08T15:00:00Z'));
    await h.sweep();
    await h.settle();
    expect(props(h, id)['baton_stage']).toBe('accepted');
    expect(h.portal.tasks(id)).toEqual([]);
  });

  it('a return lands in the reason’s list with owner back to marketing; a double click returns once; the re-MQL goes to another rep', async () => {
    h = await startBaton({ at: MONDAY_9AM });
    const [repA, repB] = reps(h);
    const t = await h.tenant();
    const { savePolicy } = await import('../../src/store/tenants.ts');
    await savePolicy(h.running.database.db, t.id, {
      routing: { mode: 'round_robin', reps: [{ id: repA?.id ?? '' }, { id: repB?.id ?? '' }] },
    });
    const id = hotLead(h, 3);
    await h.settle();
    // Baton routes: the first rep gets it.
    expect(props(h, id)['hubspot_owner_id']).toBe(repA?.id);
    h.advance(2 * HOUR);
    const body = { reason: 'not_ready', note: 'Budget opens in Q3', requestId: 'req-12345678' };
    const first = await returnLead(h, id, repA?.userId ?? 0, body);
    expect(first).toEqual({
      status: 200,
      json: expect.objectContaining({ stage: 'recycled', duplicate: false }),
    });
    const again = await returnLead(h, id, repA?.userId ?? 0, body);
    expect(again.json).toMatchObject({ stage: 'recycled', duplicate: true });
    await h.settle();
    expect(h.portal.listMembers(await h.listId('nurture_timing'))).toEqual([id]);
    expect(props(h, id)).toMatchObject({
      baton_stage: 'recycled',
      baton_last_reason: 'not_ready',
      baton_last_note: 'Budget opens in Q3',
    });
    expect(props(h, id)['hubspot_owner_id'] ?? '').toBe('');
    expect((await h.ledger(id)).filter((r) => r.to === 'returned')).toHaveLength(1);

    // Thirty-one days later the lead asks for a demo again: after the cooldown, with new engagement → MQL.
    h.advance(31 * DAY);
    h.portal.submitForm(id, { name: 'Request a demo', at: h.now().getTime() });
    await h.settle();
    expect(props(h, id)['baton_stage']).toBe('assigned');
    expect(props(h, id)['hubspot_owner_id']).toBe(repB?.id);
    expect(h.portal.listMembers(await h.listId('nurture_timing'))).toEqual([]);
  });

  it('a return with a reason that needs a note, without one, is refused with the field named', async () => {
    h = await startBaton({ at: MONDAY_9AM });
    const [rep] = reps(h);
    const id = hotLead(h, 4);
    await h.settle();
    assign(h, id, rep?.id ?? '');
    await h.settle();
    const res = await returnLead(h, id, rep?.userId ?? 0, { reason: 'bad_data', requestId: 'req-abcdefgh' });
    expect(res.status).toBe(400);
    expect(res.json).toEqual({
      error: {
        code: 'invalid_input',
        message: 'The return is not complete',
        problems: [{ field: 'note', message: expect.stringContaining('note is required') }],
      },
    });
    expect((await h.lead(id))?.state.stage).toBe('assigned');
  });

  it('a read of the contact before Baton’s owner write lands does not undo a return to review', async () => {
    h = await startBaton({ at: MONDAY_9AM });
    const [rep] = reps(h);
    const id = hotLead(h, 14);
    await h.settle();
    assign(h, id, rep?.id ?? '');
    await h.settle();
    h.advance(HOUR);
    const res = await returnLead(h, id, rep?.userId ?? 0, {
      reason: 'wrong_owner',
      requestId: 'req-stale-owner',
    });
    expect(res.json).toMatchObject({ stage: 'returned' });
    // Before the flush clears the owner in HubSpot, another change makes Baton read the contact: the rep is still
    // its owner there.
    h.portal.setProperties(id, { jobtitle: 'Chief Revenue Officer' }, { source: 'CRM_UI' });
    await h.deliver();
    await h.drain();
    expect((await h.lead(id))?.state).toMatchObject({ stage: 'returned', ownerId: null });
    await h.settle();
    expect(props(h, id)['hubspot_owner_id'] ?? '').toBe('');
    expect((await h.ledger(id)).map((r) => r.cause)).not.toContain('review_resolved');
    expect((await h.lead(id))?.state.stage).toBe('returned');
  });

  it('a duplicate webhook delivery changes nothing', async () => {
    h = await startBaton({ at: MONDAY_9AM });
    const id = hotLead(h, 5);
    await h.settle();
    const before = await h.lead(id);
    const delivered = h.running.sandbox?.sandbox.state.webhookDeliveries.at(-1);
    expect(delivered).toBeDefined();
    const base = h.running.config.publicUrl;
    const raw = JSON.stringify(delivered?.events);
    const timestamp = h.now().getTime() + 1;
    const res = await fetch(`${base}/webhooks/hubspot`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-hubspot-request-timestamp': String(timestamp),
        'x-hubspot-signature-v3': signV3({
          secret: h.running.sandbox?.app.clientSecret ?? '',
          method: 'POST',
          uri: `${base}/webhooks/hubspot`,
          body: raw,
          timestamp,
        }),
      },
      body: raw,
    });
    expect(await res.json()).toMatchObject({ accepted: 0 });
    await h.settle();
    expect((await h.lead(id))?.version).toBe(before?.version);
  });

  it('a dropped webhook is caught by reconciliation', async () => {
    h = await startBaton({ at: MONDAY_9AM });
    h.running.sandbox?.sandbox.setFaults({ webhookDropRate: 1 });
    const id = hotLead(h, 6);
    await h.settle();
    expect(await h.lead(id)).toBeNull();
    h.advance(10 * 60_000);
    await h.reconcile();
    await h.flush();
    expect((await h.lead(id))?.state.stage).toBe('mql');
    expect(props(h, id)['baton_stage']).toBe('mql');
  });

  it('a 429 storm delays the writes but loses none', async () => {
    h = await startBaton({ at: MONDAY_9AM });
    const ids = Array.from({ length: 12 }, (_, i) => hotLead(h as BatonHarness, 100 + i));
    await h.deliver();
    await h.drain();
    h.running.sandbox?.sandbox.setFaults({ seed: 7, rateLimitRate: 0.5, rateLimitRetryAfterSeconds: 0.05 });
    await h.flush();
    h.running.sandbox?.sandbox.setFaults({});
    await h.settle();
    const limited = h.running.sandbox?.sandbox.state.requests.all({ status: 429 }) ?? [];
    expect(limited.length).toBeGreaterThan(0);
    for (const id of ids) expect(props(h, id)['baton_stage']).toBe('mql');
    expect(await h.pending()).toEqual([]);
    const dead = await h.running.database.db
      .selectFrom('effects')
      .select('key')
      .where('status', '=', 'dead')
      .execute();
    expect(dead).toEqual([]);
  });

  it('a worker that dies mid-batch and restarts finishes without duplicates', async () => {
    h = await startBaton({ at: MONDAY_9AM });
    const [rep] = reps(h);
    const ids = Array.from({ length: 5 }, (_, i) => hotLead(h as BatonHarness, 200 + i));
    await h.settle();
    for (const id of ids) assign(h, id, rep?.id ?? '');
    await h.settle();
    h.set(new Date('2026-12-08T15:00:00Z'));
    await h.sweep();
    // The flush dies after HubSpot applied the writes but before Baton recorded it: every call times out.
    h.running.sandbox?.sandbox.setFaults({ timeoutRate: 1, timeoutMode: 1 });
    const crashed = await h.flush().catch((e: unknown) => e);
    expect(crashed).toBeDefined();
    h.running.sandbox?.sandbox.setFaults({});
    await h.settle();
    const listId = await h.listId('nurture_untouched');
    expect(h.portal.listMembers(listId).sort()).toEqual([...ids].sort());
    for (const id of ids) {
      expect(props(h, id)).toMatchObject({ baton_stage: 'recycled', baton_recycle_count: '1' });
      expect((await h.ledger(id)).filter((r) => r.to === 'recycled')).toHaveLength(1);
    }
    expect(await h.pending()).toEqual([]);
  });
});

describe('score decay', () => {
  it('the daily recompute writes the decayed engagement back, and writes nothing when nothing changed', async () => {
    h = await startBaton({ at: MONDAY_9AM });
    const id = hotLead(h, 300);
    await h.settle();
    const before = Number(props(h, id)['baton_engagement_score']);
    expect(before).toBeGreaterThan(40);
    h.advance(30 * DAY); // one half-life
    const first = await decayScores(h.running.workerDeps, await h.tenant());
    expect(first).toMatchObject({ visited: 1, changed: 1, done: true });
    await h.settle();
    expect(Number(props(h, id)['baton_engagement_score'])).toBe(Math.round(before / 2));
    const writes = h.running.sandbox?.sandbox.state.requests.all({
      path: '/crm/v3/objects/contacts/batch/update',
    }).length;
    const again = await decayScores(h.running.workerDeps, await h.tenant());
    expect(again.changed).toBe(0);
    await h.settle();
    expect(
      h.running.sandbox?.sandbox.state.requests.all({ path: '/crm/v3/objects/contacts/batch/update' }).length,
    ).toBe(writes);
  });
});

describe('initial sync on install', () => {
  it('a backfill interrupted and resumed tracks each lead once, from its real assignment time, with grace for the overdue', async () => {
    h = await startBaton({ at: MONDAY_9AM });
    const [rep] = reps(h);
    // Leads that were in the portal before Baton knew it: no webhooks reach Baton, and its install-time
    // backfill is forgotten so this one is the first.
    h.running.sandbox?.sandbox.setFaults({ webhookDropRate: 1 });
    await h.running.database.db
      .deleteFrom('checkpoints')
      .where('name', 'in', ['backfill', 'reconcile'])
      .execute();
    const ids: string[] = [];
    for (let i = 0; i < 230; i++) {
      const c = h.portal.createContact({
        email: `old${i}@contoso${i}.example`,
        jobtitle: i % 2 ? 'Director of Operations' : 'Student',
        numemployees: '1200',
        industry: 'software',
        country: 'United States',
        lifecyclestage: 'lead',
      });
      ids.push(c.id);
      if (i % 23 === 0) {
        h.portal.submitForm(c.id, { name: 'Contact sales', at: h.now().getTime() });
        assign(h, c.id, rep?.id ?? '');
      }
      h.advance(1000);
    }
    h.advance(10 * DAY);
    h.running.sandbox?.sandbox.setFaults({});
    const partial = await h.backfill(0);
    expect(partial.status).toBe('running');
    expect(partial.processed).toBeGreaterThan(0);
    expect(partial.processed).toBeLessThan(230);
    const done = await h.backfill();
    expect(done).toMatchObject({ status: 'done', processed: 230, total: 230 });
    const rows = await h.running.database.db.selectFrom('leads').select('lead_id').execute();
    expect(rows.map((r) => r.lead_id).sort()).toEqual([...ids].sort());
    const overdue = await h.lead(ids[0] ?? '');
    expect(overdue?.state.stage).toBe('assigned');
    expect(overdue?.state.sla?.assignedAt.getTime()).toBe(MONDAY_9AM.getTime());
    expect(overdue?.state.sla?.graceUntil).not.toBeNull();
    // No instant breach: the next sweep waits for the grace period.
    await h.sweep();
    await h.settle();
    expect(h.portal.tasks(ids[0] ?? '')).toEqual([]);
    expect(await h.backfill()).toMatchObject({ status: 'done' });
  });
});
