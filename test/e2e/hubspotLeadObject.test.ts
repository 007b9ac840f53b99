// HubSpot's Leads object end to end against the sandbox portal: reps working Lead records in the prospecting
// workspace (through the portal's UI paths, which emit HubSpot's webhooks) drive Baton as the card does — a lead's
// owner starts the SLA clock, outreach is the first touch, a disqualification with a reason recycles the contact
// into the reason's list; without one it is held and shown; deleted or re-opened records release the hold.
import { afterEach, describe, expect, it } from 'vitest';
import { heldReturnOf } from '../../src/store/heldReturns.ts';
import { startBaton, type BatonHarness } from '../support/batonHarness.ts';
import { cardRequest } from '../support/cardRequest.ts';
import { hotLead } from '../support/sandboxLeads.ts';

// Monday 23 Nov 2026, 09:00 in New York.
const MONDAY_9AM = new Date('2026-11-23T14:00:00Z');
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

let h: BatonHarness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const reps = (b: BatonHarness) => b.portal.owners.all().filter((o) => o.email.endsWith('@acme.example'));
const props = (b: BatonHarness, id: string) => b.portal.contact(id)?.properties ?? {};
const held = async (b: BatonHarness, id: string) =>
  heldReturnOf(b.running.workerDeps.db, (await b.tenant()).id, id);

/** An MQL handed to a rep the way prospecting teams do it: a Lead record owned by the rep. */
async function handedOver(b: BatonHarness, n: number) {
  const [rep] = reps(b);
  if (!rep) throw new Error('the sandbox portal has reps');
  const id = hotLead(b, n);
  await b.settle();
  expect(props(b, id)['baton_stage']).toBe('mql');
  const record = b.portal.createLead(id, rep.id, { at: b.now().getTime() });
  await b.settle();
  return { id, rep, record };
}

describe('HubSpot Lead records as a source', () => {
  it('a lead owner starts the SLA clock; the owner’s outreach is the first touch', async () => {
    h = await startBaton({ at: MONDAY_9AM });
    const { id, rep } = await handedOver(h, 1);
    expect(props(h, id)).toMatchObject({ baton_stage: 'assigned', baton_sla_status: 'on_time' });
    expect(Date.parse(props(h, id)['baton_sla_due_at'] ?? '')).toBe(Date.parse('2026-11-25T22:00:00Z'));
    // The contact itself has no owner: the Lead record's owner holds the person.
    expect(props(h, id)['hubspot_owner_id'] ?? '').toBe('');
    h.advance(3 * HOUR);
    h.portal.logCall(id, rep.id, h.now().getTime());
    await h.settle();
    expect(props(h, id)).toMatchObject({ baton_stage: 'accepted', baton_sla_status: 'met' });
    expect((await h.lead(id))?.state.ownerId).toBe(rep.id);
  });

  it('a disqualification with a reason recycles the contact into the reason’s list, with the rep as actor', async () => {
    h = await startBaton({ at: MONDAY_9AM });
    const { id, rep, record } = await handedOver(h, 2);
    h.advance(2 * HOUR);
    h.portal.disqualifyLead(record.id, 'BAD_TIMING', 'Budget opens in Q3', {
      userId: rep.userId,
      at: h.now().getTime(),
    });
    await h.settle();
    expect(props(h, id)).toMatchObject({
      baton_stage: 'recycled',
      baton_last_reason: 'not_ready',
      baton_last_note: 'Budget opens in Q3',
      baton_recycle_count: '1',
    });
    expect(h.portal.listMembers(await h.listId('nurture_timing'))).toEqual([id]);
    const returned = (await h.ledger(id)).find((e) => e.to === 'returned');
    expect(returned).toMatchObject({
      cause: 'rep_returned',
      reason: 'not_ready',
      actor: { kind: 'user', userId: String(rep.userId) },
    });
    expect(await held(h, id)).toBeNull();
    expect(await h.pending()).toEqual([]);
  });

  it('without a reason it is held and shown; a reason given later on the record recycles it', async () => {
    h = await startBaton({ at: MONDAY_9AM });
    const { id, rep, record } = await handedOver(h, 3);
    h.advance(2 * HOUR);
    h.portal.disqualifyLead(record.id, null, null, { userId: rep.userId, at: h.now().getTime() });
    await h.settle();
    expect(props(h, id)['baton_stage']).toBe('assigned');
    expect(await held(h, id)).toMatchObject({
      recordId: record.id,
      why: expect.stringContaining('without a reason'),
    });
    // Shown to the rep on the card (the passport) and to ops in the console's failures.
    const passport = await cardRequest(h, 'GET', `${id}/passport`, rep.userId);
    expect(passport.status).toBe(200);
    expect(passport.json).toMatchObject({
      heldReturn: { why: expect.stringContaining('without a reason'), disqualifiedAt: h.now().toISOString() },
    });
    const ops = await fetch(`${h.running.config.publicUrl}/ops/api/failures`, {
      headers: { authorization: `Bearer ${h.running.config.opsToken}` },
    });
    expect(await ops.json()).toMatchObject({
      heldReturns: {
        count: 1,
        leads: [{ leadId: id, recordId: record.id, why: expect.stringContaining('reason') }],
      },
    });
    h.advance(HOUR);
    h.portal.disqualifyLead(record.id, 'NO_RESPONSE', null, { userId: rep.userId, at: h.now().getTime() });
    await h.settle();
    expect(props(h, id)).toMatchObject({ baton_stage: 'recycled', baton_last_reason: 'unresponsive' });
    expect(h.portal.listMembers(await h.listId('nurture_reengage'))).toEqual([id]);
    expect(await held(h, id)).toBeNull();
    expect((await cardRequest(h, 'GET', `${id}/passport`, rep.userId)).json).toMatchObject({
      heldReturn: null,
    });
  });

  it('a reject reason waits in marketing ops’ review: the record still naming its owner does not hand it back', async () => {
    h = await startBaton({ at: MONDAY_9AM });
    const { id, rep, record } = await handedOver(h, 11);
    h.advance(2 * HOUR);
    h.portal.disqualifyLead(record.id, 'WRONG_DATA', 'The email bounces', {
      userId: rep.userId,
      at: h.now().getTime(),
    });
    await h.settle();
    expect(props(h, id)).toMatchObject({ baton_stage: 'returned', baton_last_reason: 'bad_data' });
    // Anything that makes Baton read the contact again (here an edit) reads the disqualified record's owner too.
    h.advance(DAY);
    h.portal.setProperties(id, { jobtitle: 'CTO' }, { source: 'CRM_UI' });
    await h.sweep();
    await h.settle();
    expect(props(h, id)['baton_stage']).toBe('returned');
    expect(h.portal.listMembers(await h.listId('ops_review'))).toEqual([id]);
    expect((await h.ledger(id)).filter((e) => e.cause === 'review_resolved')).toEqual([]);
  });

  it('a reason that needs a note is held without one; an unmapped reason is held naming it', async () => {
    h = await startBaton({ at: MONDAY_9AM });
    const first = await handedOver(h, 4);
    h.portal.disqualifyLead(first.record.id, 'WRONG_DATA', null, { userId: first.rep.userId });
    const second = await handedOver(h, 5);
    h.portal.disqualifyLead(second.record.id, 'PRIOR_NEGATIVE_EXPERIENCE', null, {
      userId: second.rep.userId,
    });
    await h.settle();
    expect((await held(h, first.id))?.why).toContain('needs a note');
    expect((await held(h, second.id))?.why).toContain('"Prior Negative Experience"');
    expect(props(h, first.id)['baton_stage']).toBe('assigned');
    expect(props(h, second.id)['baton_stage']).toBe('assigned');
  });

  it('a held record re-opened is released and the lead stays with the rep; a deleted one hands the person back', async () => {
    h = await startBaton({ at: MONDAY_9AM });
    const a = await handedOver(h, 6);
    const b = await handedOver(h, 7);
    h.portal.disqualifyLead(a.record.id, null, null, { userId: a.rep.userId });
    h.portal.disqualifyLead(b.record.id, null, null, { userId: b.rep.userId });
    await h.settle();
    expect(await held(h, a.id)).not.toBeNull();
    h.advance(HOUR);
    h.portal.reopenLead(a.record.id, undefined, { userId: a.rep.userId, at: h.now().getTime() });
    h.portal.deleteLead(b.record.id, { userId: b.rep.userId });
    await h.settle();
    expect(await held(h, a.id)).toBeNull();
    expect(props(h, a.id)['baton_stage']).not.toBe('recycled');
    expect((await h.lead(a.id))?.state.ownerId).toBe(a.rep.id);
    expect(await held(h, b.id)).toBeNull();
    // Nobody holds b any more: back in marketing's queue, the clock stopped.
    expect(props(h, b.id)['baton_stage']).toBe('mql');
  });

  it('months later, after a re-MQL and a new Lead record, a second disqualification recycles again', async () => {
    h = await startBaton({ at: MONDAY_9AM });
    const { id, rep, record } = await handedOver(h, 8);
    h.advance(2 * HOUR);
    h.portal.disqualifyLead(record.id, 'BAD_TIMING', null, { userId: rep.userId, at: h.now().getTime() });
    await h.settle();
    expect(props(h, id)['baton_recycle_count']).toBe('1');
    h.advance(60 * DAY);
    h.portal.submitForm(id, { name: 'Request a demo', at: h.now().getTime() });
    await h.sweep();
    await h.settle();
    expect(props(h, id)['baton_stage']).toBe('mql');
    const again = h.portal.createLead(id, rep.id, { at: h.now().getTime() });
    await h.settle();
    expect(props(h, id)['baton_stage']).toBe('assigned');
    h.advance(HOUR);
    h.portal.disqualifyLead(again.id, 'BUDGET_CONSTRAINTS', null, {
      userId: rep.userId,
      at: h.now().getTime(),
    });
    await h.settle();
    expect(props(h, id)).toMatchObject({
      baton_stage: 'recycled',
      baton_last_reason: 'no_budget',
      baton_recycle_count: '2',
    });
  });

  it('after a re-MQL handed to a rep who works from the contact, the old Lead record’s owner does not hold it', async () => {
    h = await startBaton({ at: MONDAY_9AM });
    const { id, rep, record } = await handedOver(h, 12);
    h.advance(2 * HOUR);
    h.portal.disqualifyLead(record.id, 'BAD_TIMING', null, { userId: rep.userId, at: h.now().getTime() });
    await h.settle();
    expect(props(h, id)['baton_stage']).toBe('recycled');
    h.advance(60 * DAY);
    h.portal.submitForm(id, { name: 'Request a demo', at: h.now().getTime() });
    await h.sweep();
    await h.settle();
    expect(props(h, id)['baton_stage']).toBe('mql');
    const other = reps(h).find((r) => r.id !== rep.id);
    if (!other) throw new Error('the sandbox portal has two reps');
    h.portal.setProperties(id, { hubspot_owner_id: other.id }, { source: 'CRM_UI' });
    await h.settle();
    expect(props(h, id)['baton_stage']).toBe('assigned');
    expect((await h.lead(id))?.state.ownerId).toBe(other.id);
  });

  it('a portal without the Leads object is followed through its contacts alone: one refused look-up an hour', async () => {
    h = await startBaton({ at: MONDAY_9AM, portalSetUp: { leadsObject: false } });
    const [rep] = reps(h);
    const first = hotLead(h, 9);
    const second = hotLead(h, 10);
    await h.settle();
    h.portal.setProperties(first, { hubspot_owner_id: rep?.id ?? '' }, { source: 'CRM_UI' });
    h.portal.setProperties(second, { hubspot_owner_id: rep?.id ?? '' }, { source: 'CRM_UI' });
    await h.settle();
    expect(props(h, first)['baton_stage']).toBe('assigned');
    expect(props(h, second)['baton_stage']).toBe('assigned');
    const leadCalls = h.running.sandbox.sandbox.state.requests.all({ path: /leads/ });
    expect(leadCalls.map((c) => c.status)).toEqual([403]);
    expect(await h.pending()).toEqual([]);
  });
});
