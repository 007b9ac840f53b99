// The HubSpot adapter against the sandbox portal, for every operation Baton uses, under HubSpot's real limits.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CallLogEntry } from '../../src/crm/callRunner.ts';
import { HubSpotConnection } from '../../src/crm/hubspot/hubspotConnection.ts';
import { HubSpotCrm } from '../../src/crm/hubspot/hubspotCrm.ts';
import { LimiterRegistry } from '../../src/crm/rateLimits.ts';
import { HUBSPOT_LIMITS } from '../../src/crm/hubspot/limits.ts';
import { defaultPolicy } from '../../src/domain/policy/schema.ts';
import { bootstrapPortal, createHubSpotSandbox } from '../../sandbox/hubspot/index.ts';
import { startHarness, type Harness } from '../../sandbox/hubspot/testing/harness.ts';

let h: Harness;
let crm: HubSpotCrm;
const log: CallLogEntry[] = [];
const policy = defaultPolicy();
let ids: string[];

function adapter(token: () => string): HubSpotCrm {
  return new HubSpotCrm(
    new HubSpotConnection({
      tenantId: 'hubspot-sandbox',
      basePath: h.baseUrl,
      tokens: { accessToken: async () => token() },
      limiters: new LimiterRegistry(HUBSPOT_LIMITS),
      log: (e) => {
        log.push(e);
      },
      retry: { random: () => 0.5 },
    }),
  );
}

beforeAll(async () => {
  h = await startHarness({}, { owners: [{ email: 'rep@acme.example' }] });
  crm = adapter(() => h.setup.privateAppToken);
  const portal = h.setup.portal;
  ids = [];
  for (let i = 0; i < 130; i++) {
    const c = portal.createContact({
      email: `lead${i}@acme${i % 7}.example`,
      jobtitle: i % 3 === 0 ? 'VP Marketing' : 'Analyst',
      numemployees: String(50 + i * 10),
      lifecyclestage: 'lead',
    });
    ids.push(c.id);
    h.clock.advance(1000);
  }
});
afterAll(() => h.close());

describe('HubSpot adapter against the sandbox', () => {
  it('provisions the group, properties and lists; a second run changes nothing', async () => {
    const first = await crm.provision(policy);
    expect(first.problems).toEqual([]);
    expect(first.created).toContain('property baton_stage');
    expect(Object.keys(first.lists)).toHaveLength(policy.nurtureLists.length);
    const second = await crm.provision(policy);
    expect(second.created).toEqual([]);
    expect(second.lists).toEqual(first.lists);
    const props = h.setup.portal.contact(ids[0] ?? '');
    expect(props).toBeDefined();
  });

  it('reads 130 contacts in two batch calls', async () => {
    log.length = 0;
    const leads = await crm.readLeads(ids);
    expect(leads.map((l) => l.id).sort()).toEqual([...ids].sort());
    expect(log.filter((l) => l.operation === 'contacts.batch.read').map((l) => l.recordIds.length)).toEqual([
      100, 30,
    ]);
    expect(leads.find((l) => l.id === ids[0])?.profile).toMatchObject({
      title: 'VP Marketing',
      employees: 50,
    });
  });

  it('finds what changed in a time window, paging and counting', async () => {
    const all: string[] = [];
    const from = new Date(0);
    const to = new Date(h.clock.now() + 1);
    for await (const page of crm.leadsModifiedBetween(from, to)) all.push(...page.map((l) => l.id));
    expect(all.sort()).toEqual([...ids].sort());
    expect(await crm.countLeadsModifiedBetween(from, to)).toBe(130);
  });

  it('writes Baton fields for many leads in batches, and a missing contact fails alone', async () => {
    log.length = 0;
    const results = await crm.writeFields([
      ...ids.map((leadId) => ({ leadId, fields: { fit: 70, grade: 'B2', stage: 'mql' as const } })),
      { leadId: '999999999', fields: { fit: 1 } },
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(130);
    const missing = results.find((r) => r.id === '999999999');
    expect(missing?.ok === false && missing.error.kind).toBe('not_found');
    expect(h.setup.portal.contact(ids[5] ?? '')?.properties['baton_grade']).toBe('B2');
    expect(log.filter((l) => l.operation === 'contacts.batch.update')).toHaveLength(2);
  });

  it('moves the lifecycle stage backwards, which a single write cannot', async () => {
    const id = ids[1] ?? '';
    await crm.writeFields([{ leadId: id, fields: { lifecycle: 'mql' } }]);
    expect(h.setup.portal.contact(id)?.properties['lifecyclestage']).toBe('marketingqualifiedlead');
    await crm.writeFields([{ leadId: id, fields: { lifecycle: 'lead', stage: 'recycled' } }]);
    expect(h.setup.portal.contact(id)?.properties['lifecyclestage']).toBe('lead');
    expect(h.setup.portal.contact(id)?.properties['baton_stage']).toBe('recycled');
  });

  it('sets and clears owners', async () => {
    const owner = (await h.client(h.setup.privateAppToken).crm.owners.ownersApi.getPage()).results.at(-1);
    const id = ids[2] ?? '';
    await crm.setOwners([{ leadId: id, ownerId: owner?.id ?? '' }]);
    expect(h.setup.portal.contact(id)?.properties['hubspot_owner_id']).toBe(owner?.id);
    await crm.setOwners([{ leadId: id, ownerId: null }]);
    expect(h.setup.portal.contact(id)?.properties['hubspot_owner_id'] ?? '').toBe('');
  });

  it('adds to and removes from a nurture list; adding twice is fine', async () => {
    const { lists } = await crm.provision(policy);
    const listId = lists['nurture_timing'] ?? '';
    const three = ids.slice(0, 3);
    expect((await crm.addToList(listId, three)).every((r) => r.ok)).toBe(true);
    expect((await crm.addToList(listId, three)).every((r) => r.ok)).toBe(true);
    expect(h.setup.portal.listMembers(listId).sort()).toEqual([...three].sort());
    await crm.removeFromList(listId, [three[0] ?? '']);
    expect(h.setup.portal.listMembers(listId).sort()).toEqual(three.slice(1).sort());
    const [missing] = await crm.addToList(listId, ['999999999']);
    expect(missing?.ok).toBe(false);
  });

  it('creates reminder tasks on the contact for its owner', async () => {
    const id = ids[3] ?? '';
    const owner =
      (await h.client(h.setup.privateAppToken).crm.owners.ownersApi.getPage()).results.at(-1)?.id ?? '';
    const results = await crm.createTasks([
      {
        leadId: id,
        ownerId: owner,
        subject: 'Baton: first touch due',
        body: 'Call them',
        dueAt: new Date(h.clock.now() + 3_600_000),
      },
    ]);
    expect(results).toEqual([{ id, ok: true }]);
    const tasks = h.setup.portal.tasks(id);
    expect(tasks).toHaveLength(1);
    expect(tasks[0]?.properties['hs_task_subject']).toBe('Baton: first touch due');
    // A task is not a touch: the last-activity properties do not move.
    expect(h.setup.portal.contact(id)?.properties['hs_last_sales_activity_timestamp'] ?? null).toBeNull();
  });

  it('finds the tasks it created (same lead, owner and subject), and none for a deleted contact', async () => {
    const [id, other, gone] = [ids[5] ?? '', ids[6] ?? '', ids[7] ?? ''];
    const owner =
      (await h.client(h.setup.privateAppToken).crm.owners.ownersApi.getPage()).results.at(-1)?.id ?? '';
    const task = (leadId: string, subject: string) => ({
      leadId,
      ownerId: owner,
      subject,
      body: 'Call them',
      dueAt: new Date(h.clock.now() + 3_600_000),
    });
    await crm.createTasks([task(id, 'Baton: first touch due Tue'), task(gone, 'Baton: first touch due Tue')]);
    h.setup.portal.deleteContact(gone);
    expect(
      await crm.findTasks([
        task(id, 'Baton: first touch due Tue'),
        task(id, 'Baton: first touch due Wed'),
        { ...task(id, 'Baton: first touch due Tue'), ownerId: 'someone-else' },
        task(other, 'Baton: first touch due Tue'),
        task(gone, 'Baton: first touch due Tue'),
      ]),
    ).toEqual([true, false, false, false, false]);
  });

  it('sees a rep touch in the last-activity properties', async () => {
    const id = ids[4] ?? '';
    h.setup.portal.logCall(id, undefined, h.clock.now());
    const [lead] = await crm.readLeads([id]);
    expect(lead?.lastTouchAt?.getTime()).toBe(h.clock.now());
  });

  it('an invalid token is an auth failure', async () => {
    const broken = adapter(() => 'not-a-token');
    await expect(broken.readLeads([ids[0] ?? ''])).rejects.toMatchObject({
      kind: 'auth_invalid',
      status: 401,
    });
  });
});

describe('under the real rate limit (system clock)', () => {
  it('130 single-lead writes at once cause no 429: the limiter spaces them', async () => {
    const sandbox = createHubSpotSandbox();
    const running = await sandbox.listen();
    try {
      const setup = bootstrapPortal(sandbox.state);
      const leadIds = Array.from(
        { length: 130 },
        (_, i) => setup.portal.createContact({ email: `r${i}@acme.example` }).id,
      );
      const calls: CallLogEntry[] = [];
      const limited = new HubSpotCrm(
        new HubSpotConnection({
          tenantId: 'hubspot-limits',
          basePath: running.baseUrl,
          tokens: { accessToken: async () => setup.privateAppToken },
          limiters: new LimiterRegistry(HUBSPOT_LIMITS),
          log: (e) => {
            calls.push(e);
          },
        }),
      );
      await limited.provision(policy);
      calls.length = 0;
      const started = performance.now();
      await Promise.all(leadIds.map((leadId) => limited.writeFields([{ leadId, fields: { fit: 71 } }])));
      const seconds = (performance.now() - started) / 1000;
      expect(calls.filter((c) => c.httpStatus === 429)).toEqual([]);
      expect(calls.filter((c) => c.status === 'ok')).toHaveLength(130);
      // 130 requests at 110 per 10 s cannot take less than ~11.8 s; the limiter keeps close to that rate.
      expect(seconds).toBeGreaterThan(11);
      expect(seconds).toBeLessThan(16);
      expect(sandbox.state.requests.all({ status: 429 })).toEqual([]);
    } finally {
      await sandbox.close();
    }
  }, 40_000);
});
