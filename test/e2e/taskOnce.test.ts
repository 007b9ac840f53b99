// A CRM task is not idempotent: creating it twice makes two tasks for the rep. When a create went out and no answer
// came back (the worker died mid-call, the call timed out), the next flush looks for the task before creating it —
// in the HubSpot portal and in the Salesforce org. Fresh creates cost no lookup.
import { afterEach, describe, expect, it } from 'vitest';
import { BATCH_READ_PAGE } from '../../sandbox/hubspot/http/routes/associations.ts';
import { CrmError, type CrmPort } from '../../src/crm/port.ts';
import { flushEffects } from '../../src/worker/flushEffects.ts';
import { startBaton, type BatonHarness } from '../support/batonHarness.ts';
import { demoRequest, hotLead } from '../support/sandboxLeads.ts';

const MONDAY_9AM = new Date('2026-11-23T14:00:00Z');
const TUESDAY_EVENING = new Date('2026-11-24T22:00:00Z'); // past the 12-hour reminder of a 24-hour SLA

let h: BatonHarness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

/** The CRM as the worker saw it when the create's answer was lost: the call happened (or not), then silence. */
function answerLost(crm: CrmPort, reachedCrm: boolean): CrmPort {
  return Object.assign(Object.create(crm) as CrmPort, {
    createTasks: async (tasks: Parameters<CrmPort['createTasks']>[0]) => {
      if (reachedCrm) await crm.createTasks(tasks);
      throw new CrmError('retryable', 'no answer within 20000 ms');
    },
  });
}

async function flushWith(b: BatonHarness, wrap: (crm: CrmPort) => CrmPort) {
  const deps = b.running.workerDeps;
  const t = await b.tenant();
  return flushEffects({
    db: deps.db,
    crm: wrap(await deps.crmFor(t)),
    tenantId: t.id,
    listIds: await deps.listIdsFor(t),
    timeZone: t.policy.timeZone,
    now: () => deps.clock.now(),
  });
}

/** A lead assigned on Monday, untouched on Tuesday evening: its reminder task is decided and waits to go out. */
async function untouchedUntilTuesday(b: BatonHarness, id: string): Promise<string> {
  await b.settle();
  b.set(TUESDAY_EVENING);
  await b.sweep();
  await b.drain();
  expect((await b.pending()).map((p) => p.effect.kind)).toContain('remind_owner');
  return id;
}

/** A HubSpot MQL an assignment workflow gives to a rep on Monday. */
async function reminderPending(b: BatonHarness): Promise<string> {
  const rep = b.portal.owners.all().find((o) => o.email.endsWith('@acme.example'));
  const id = hotLead(b, 1);
  await b.settle();
  b.portal.setProperties(id, { hubspot_owner_id: rep?.id ?? '' }, { source: 'CRM_UI' });
  return untouchedUntilTuesday(b, id);
}

/** The look-up reads the lead's tasks through the date-versioned associations API (v4 is unsupported from 2027-03-30). */
const ASSOCIATIONS_READ = /^\/crm\/associations\/2026-03\/contacts\/tasks\/batch\/read$/;

const requests = (b: BatonHarness, path: RegExp) =>
  b.running.sandbox?.sandbox.state.requests.all().filter((r) => path.test(r.path)).length ?? 0;

describe('reminder tasks are created once (HubSpot)', () => {
  it('the create reached HubSpot but its answer was lost: the retry finds the task and creates none', async () => {
    h = await startBaton({ at: MONDAY_9AM });
    const id = await reminderPending(h);
    const lost = await flushWith(h, (crm) => answerLost(crm, true));
    expect(lost.retrying).toBeGreaterThan(0);
    expect(h.portal.tasks(id)).toHaveLength(1);

    await h.flush();
    expect(h.portal.tasks(id)).toHaveLength(1);
    expect(requests(h, /\/tasks\/batch\/create$/)).toBe(1);
    expect(requests(h, ASSOCIATIONS_READ)).toBe(1);
    expect((await h.pending()).filter((p) => p.effect.kind === 'remind_owner')).toEqual([]);
  });

  it('the create never reached HubSpot: the retry looks, finds nothing, and creates the task once', async () => {
    h = await startBaton({ at: MONDAY_9AM });
    const id = await reminderPending(h);
    await flushWith(h, (crm) => answerLost(crm, false));
    expect(h.portal.tasks(id)).toHaveLength(0);

    await h.flush();
    expect(h.portal.tasks(id).map((t) => t.properties['hs_task_subject'])).toEqual([
      expect.stringContaining('first touch due'),
    ]);
    expect(requests(h, ASSOCIATIONS_READ)).toBe(1);
    await h.flush();
    expect(h.portal.tasks(id)).toHaveLength(1);
  });

  it('a lead with more tasks than a page of associations: the retry still finds the task and creates none', async () => {
    h = await startBaton({ at: MONDAY_9AM });
    const id = await reminderPending(h);
    const rep = h.portal.contact(id)?.properties['hubspot_owner_id'];
    // The rep's own tasks fill the first page of the lead's associations; Baton's, created after, is past it.
    for (let i = 0; i < BATCH_READ_PAGE; i++)
      h.portal.createTask(id, rep, MONDAY_9AM.getTime(), `Follow-up ${i}`);
    await flushWith(h, (crm) => answerLost(crm, true));
    expect(h.portal.tasks(id)).toHaveLength(BATCH_READ_PAGE + 1);

    await h.flush();
    expect(h.portal.tasks(id)).toHaveLength(BATCH_READ_PAGE + 1);
    expect(requests(h, /\/tasks\/batch\/create$/)).toBe(1);
    expect(requests(h, ASSOCIATIONS_READ)).toBe(2);
    expect((await h.pending()).filter((p) => p.effect.kind === 'remind_owner')).toEqual([]);
  });

  it('a first create makes no lookup', async () => {
    h = await startBaton({ at: MONDAY_9AM });
    const id = await reminderPending(h);
    await h.flush();
    expect(h.portal.tasks(id)).toHaveLength(1);
    expect(requests(h, ASSOCIATIONS_READ)).toBe(0);
    expect(requests(h, /\/tasks\/batch\/read$/)).toBe(0);
  });
});

describe('reminder tasks are created once (Salesforce)', () => {
  it('looks for 200 tasks whose create went unanswered without a request over Salesforce’s 16 KB URI limit', async () => {
    h = await startBaton({ at: MONDAY_9AM, crm: 'salesforce' });
    const crm = await h.running.workerDeps.crmFor(await h.tenant());
    const rep = h.org.org.reps[0]?.id ?? '';
    const leads = Array.from({ length: 200 }, (_, i) => demoRequest(h as BatonHarness, 100 + i));
    // Distinct subjects, as reminders due at different times have; half of them exist already.
    const tasks = leads.map((leadId, i) => ({
      leadId,
      ownerId: rep,
      subject: `Baton: first touch due Tue 24 Nov ${String(9 + (i % 8)).padStart(2, '0')}:${String(i % 60).padStart(2, '0')} (${leadId})`,
      body: 'Reminder',
      dueAt: new Date('2026-11-24T14:00:00Z'),
    }));
    for (const t of tasks.filter((_, i) => i % 2 === 0))
      h.org.org.org.logCall(t.leadId, rep, MONDAY_9AM.getTime(), {
        Subject: t.subject,
        Status: 'Not Started',
      });
    const found = await crm.findTasks(tasks);
    expect(found).toEqual(tasks.map((_, i) => i % 2 === 0));
    const queries = h.org.sandbox.state.requests
      .all({ path: /\/query\/?$/ })
      .filter((r) => decodeURIComponent(r.query.replace(/\+/g, ' ')).includes('FROM Task'));
    expect(queries.length).toBeGreaterThan(1);
    for (const q of queries) expect(Buffer.byteLength(`${q.path}?${q.query}`)).toBeLessThan(12_000);
  });

  /** A demo request the org's assignment rule gives to a rep on Monday. */
  const sfReminderPending = (b: BatonHarness) => untouchedUntilTuesday(b, demoRequest(b, 1));

  it.each([true, false])(
    'the create’s answer was lost (it reached the org: %s): one task after the retry',
    async (reached) => {
      h = await startBaton({ at: MONDAY_9AM, crm: 'salesforce' });
      const b = h;
      const id = await sfReminderPending(b);
      const tasks = () =>
        b.org.org.org.tasks(id).filter((t) => String(t.values['Subject']).startsWith('Baton:'));
      await flushWith(b, (crm) => answerLost(crm, reached));
      expect(tasks()).toHaveLength(reached ? 1 : 0);

      await b.flush();
      await b.flush();
      expect(tasks().map((t) => t.values['OwnerId'])).toEqual([b.org.org.reps[0]?.id]);
      expect((await b.pending()).filter((p) => p.effect.kind === 'remind_owner')).toEqual([]);
    },
  );
});
