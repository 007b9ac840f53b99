// The HubSpot adapter against the sandbox portal, for every operation Baton uses, under HubSpot's real limits.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CallLogEntry } from '../../src/crm/callRunner.ts';
import { HubSpotConnection } from '../../src/crm/hubspot/hubspotConnection.ts';
import { HubSpotCrm } from '../../src/crm/hubspot/hubspotCrm.ts';
import { LimiterRegistry } from '../../src/crm/rateLimits.ts';
import { HUBSPOT_LIMITS } from '../../src/crm/hubspot/limits.ts';
import { DEFAULT_LEAD_REASON_MAP } from '../../src/domain/policy/leadObjects.ts';
import { defaultPolicy } from '../../src/domain/policy/schema.ts';
import { policyWith } from '../../src/domain/testing/leads.ts';
import { bootstrapPortal, createHubSpotSandbox } from '../../sandbox/hubspot/index.ts';
import { BATCH_READ_PAGE } from '../../sandbox/hubspot/http/routes/associations.ts';
import {
  CUSTOM_LIFECYCLE_STAGES,
  customiseLifecycleStages,
} from '../../sandbox/hubspot/model/lifecycleStage.ts';
import { startHarness, type Harness } from '../../sandbox/hubspot/testing/harness.ts';

let h: Harness;
let crm: HubSpotCrm;
const log: CallLogEntry[] = [];
/**
 * The default policy, with the two reason options of the portal's Leads object it leaves unmapped mapped here: these
 * tests are about contacts, and "no problems" means none (the unmapped options are asserted in the first test).
 */
const policy = policyWith({
  leadObjects: {
    reasonMap: {
      ...DEFAULT_LEAD_REASON_MAP,
      'Prior Negative Experience': 'not_ready',
      'Technical Limitations': 'not_our_market',
    },
  },
});
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
  it('provisions the group, properties and lists, failing no call; a second run changes nothing', async () => {
    log.length = 0;
    const first = await crm.provision(policy);
    expect(first.problems).toEqual([]);
    // With the default map, the portal's two disqualification reasons without a default are shown, not guessed.
    const unmapped = (await crm.provision(defaultPolicy())).problems.map((p) => p.what);
    expect(unmapped).toEqual([
      expect.stringContaining('"Prior Negative Experience"'),
      expect.stringContaining('"Technical Limitations"'),
    ]);
    // Nothing is looked up by a call that answers 404 when it is missing (lists are found by a search).
    expect(log.filter((l) => l.status !== 'ok')).toEqual([]);
    expect(h.sandbox.state.requests.all({ status: 404 })).toEqual([]);
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

  it('finds its task on a lead with more tasks than one page of associations', async () => {
    const id = ids[8] ?? '';
    const owner =
      (await h.client(h.setup.privateAppToken).crm.owners.ownersApi.getPage()).results.at(-1)?.id ?? '';
    // The rep's own tasks fill the first page; Baton's, created last, is on the next one.
    for (let i = 0; i <= BATCH_READ_PAGE; i++)
      h.setup.portal.createTask(id, owner, h.clock.now(), `Call ${i}`);
    const mine = {
      leadId: id,
      ownerId: owner,
      subject: 'Baton: first touch due Fri',
      body: 'Call them',
      dueAt: new Date(h.clock.now() + 3_600_000),
    };
    await crm.createTasks([mine]);
    log.length = 0;
    expect(await crm.findTasks([mine])).toEqual([true]);
    expect(log.filter((l) => l.operation === 'contacts.tasks.associations.read')).toHaveLength(2);
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

describe('a portal with customised lifecycle stages', () => {
  let custom: Harness;
  const calls: CallLogEntry[] = [];
  const adapterFor = (harness: Harness) =>
    new HubSpotCrm(
      new HubSpotConnection({
        tenantId: 'hubspot-custom-stages',
        basePath: harness.baseUrl,
        tokens: { accessToken: async () => harness.setup.privateAppToken },
        limiters: new LimiterRegistry(HUBSPOT_LIMITS),
        log: (e) => {
          calls.push(e);
        },
        retry: { random: () => 0.5 },
      }),
    );
  const stageOf = (id: string) => custom.setup.portal.contact(id)?.properties['lifecyclestage'];

  beforeAll(async () => {
    custom = await startHarness();
    customiseLifecycleStages(custom.setup.portal, CUSTOM_LIFECYCLE_STAGES);
  });
  afterAll(() => custom.close());

  it('provisions without problems and writes the stages’ internal values, backwards in two steps', async () => {
    const portalCrm = adapterFor(custom);
    expect((await portalCrm.provision(policy)).problems).toEqual([]);
    const id = custom.setup.portal.createContact({
      email: 'n@acme.example',
      lifecyclestage: '1082354917',
    }).id;
    expect((await portalCrm.readLeads([id]))[0]?.lifecycle).toBe('unknown'); // Nurture means nothing to Baton
    await portalCrm.writeFields([{ leadId: id, fields: { lifecycle: 'mql', stage: 'mql' } }]);
    expect(stageOf(id)).toBe('marketingqualifiedlead');
    expect((await portalCrm.readLeads([id]))[0]?.lifecycle).toBe('mql');
    await portalCrm.writeFields([{ leadId: id, fields: { lifecycle: 'lead', stage: 'recycled' } }]);
    expect(stageOf(id)).toBe('lead');
  });

  it('an adapter that did not provision reads the stages once, when a write first sets one', async () => {
    const fresh = adapterFor(custom);
    const id = custom.setup.portal.createContact({
      email: 'f@acme.example',
      lifecyclestage: 'opportunity',
    }).id;
    calls.length = 0;
    await fresh.writeFields([{ leadId: id, fields: { lifecycle: 'lead' } }]);
    await fresh.writeFields([{ leadId: id, fields: { lifecycle: 'mql' } }]);
    expect(stageOf(id)).toBe('marketingqualifiedlead');
    expect(calls.filter((c) => c.operation === 'properties.lifecyclestage.get')).toHaveLength(1);
  });

  it('a portal without an MQL stage: provisioning says how to map it, and writes leave the stage alone', async () => {
    const noMql = await startHarness();
    try {
      customiseLifecycleStages(noMql.setup.portal, [
        ...CUSTOM_LIFECYCLE_STAGES.filter(([value]) => value !== 'marketingqualifiedlead'),
        ['1082354919', 'Marketing Qualified'],
      ]);
      const portalCrm = adapterFor(noMql);
      const report = await portalCrm.provision(policy);
      expect(report.problems).toEqual([
        {
          what: expect.stringContaining('no lifecycle stage "Marketing Qualified Lead"'),
          fix: expect.stringContaining('Marketing Qualified = 1082354919'),
        },
      ]);
      const id = noMql.setup.portal.createContact({ email: 'q@acme.example', lifecyclestage: 'lead' }).id;
      const [result] = await portalCrm.writeFields([
        { leadId: id, fields: { lifecycle: 'mql', stage: 'mql' } },
      ]);
      expect(result).toEqual({ id, ok: true });
      expect(noMql.setup.portal.contact(id)?.properties).toMatchObject({
        lifecyclestage: 'lead',
        baton_stage: 'mql',
      });
    } finally {
      await noMql.close();
    }
  });

  it('…and once the policy names that stage, Baton provisions cleanly, writes it and reads it as MQL', async () => {
    const mapped = await startHarness();
    try {
      customiseLifecycleStages(mapped.setup.portal, [
        ...CUSTOM_LIFECYCLE_STAGES.filter(([value]) => value !== 'marketingqualifiedlead'),
        ['1082354919', 'Marketing Qualified'],
      ]);
      const withMapping = { ...policy, lifecycleStages: { mql: '1082354919' } };
      const portalCrm = adapterFor(mapped);
      portalCrm.chooseStages(withMapping.lifecycleStages);
      expect((await portalCrm.provision(withMapping)).problems).toEqual([]);
      const id = mapped.setup.portal.createContact({ email: 'm@acme.example', lifecyclestage: 'lead' }).id;
      await portalCrm.writeFields([{ leadId: id, fields: { lifecycle: 'mql', stage: 'mql' } }]);
      expect(mapped.setup.portal.contact(id)?.properties['lifecyclestage']).toBe('1082354919');
      expect((await portalCrm.readLeads([id]))[0]?.lifecycle).toBe('mql');
    } finally {
      await mapped.close();
    }
  });
});
