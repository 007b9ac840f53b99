// Tenants are served fairly: a tenant flooded with thousands of inbox events does not hold another tenant's small
// batch back. A drain run takes a bounded slice and queues its tenant's next one behind the others, a worker
// drains several tenants at once, and the queue still runs one drain per tenant at a time (per-lead order).
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, type OpenedEngine } from '../../test/support/engines.ts';
import { forTenant, JOBS } from '../app/tenantJobs.ts';
import { storedChange } from '../crm/inboundChange.ts';
import type { CrmLead, CrmPort } from '../crm/port.ts';
import { createLogger } from '../logger.ts';
import { acceptManyIntoInbox } from '../store/inbox.ts';
import { JobQueue } from '../store/jobQueue.ts';
import { connectTenant, getTenant, type Tenant } from '../store/tenants.ts';
import { jobCatalog, type WorkerDeps } from './catalog.ts';
import { drainInbox } from './drainInbox.ts';

const AT = new Date('2026-11-23T14:00:00Z');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const crmLead = (id: string): CrmLead => ({
  id,
  profile: { email: `${id}@example.com`, title: 'VP Sales', employees: 400, country: 'United States' },
  ownerId: null,
  ownerAssignedAt: null,
  lifecycle: 'lead',
  createdAt: AT,
  modifiedAt: AT,
  lastTouchAt: null,
  engagement: [],
});

/** A CRM whose batch read takes `msPerLead` per lead, and which counts reads in flight per tenant. */
function slowCrm(tenantId: string, msPerLead: number, inFlight: Map<string, { now: number; max: number }>) {
  const readLeads = async (ids: readonly string[]) => {
    const count = inFlight.get(tenantId) ?? { now: 0, max: 0 };
    inFlight.set(tenantId, { now: count.now + 1, max: Math.max(count.max, count.now + 1) });
    try {
      await sleep(ids.length * msPerLead);
      return ids.map(crmLead);
    } finally {
      const after = inFlight.get(tenantId) ?? { now: 1, max: 1 };
      inFlight.set(tenantId, { ...after, now: after.now - 1 });
    }
  };
  return { readLeads } as Partial<CrmPort> as CrmPort;
}

async function fillInbox(db: OpenedEngine['database']['db'], tenantId: string, from: number, n: number) {
  for (let start = 0; start < n; start += 1_000) {
    const items = Array.from({ length: Math.min(1_000, n - start) }, (_, i) => {
      const leadId = String(from + start + i);
      return {
        tenantId,
        source: 'test',
        dedupeKey: `${tenantId}:${leadId}`,
        leadId,
        payload: storedChange({ kind: 'changed', leadId, occurredAt: AT, properties: ['jobtitle'] }),
      };
    });
    await acceptManyIntoInbox(db, items);
  }
}

const pendingOf = async (db: OpenedEngine['database']['db'], tenantId: string) =>
  Number(
    (
      await db
        .selectFrom('inbox')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('tenant_id', '=', tenantId)
        .where('status', '=', 'pending')
        .executeTakeFirstOrThrow()
    ).n,
  );

const leadsOf = async (db: OpenedEngine['database']['db'], tenantId: string) =>
  Number(
    (
      await db
        .selectFrom('leads')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('tenant_id', '=', tenantId)
        .executeTakeFirstOrThrow()
    ).n,
  );

const pglite = ENGINES.filter((engine) => engine.name === 'pglite');

describe.each(pglite)('tenant fairness on $name', (engine) => {
  let e: OpenedEngine;
  let externalId = 0;
  const queues: JobQueue[] = [];
  beforeAll(async () => {
    e = await engine.open();
  });
  afterEach(async () => {
    for (const queue of queues.splice(0)) await queue.stop({ graceful: true, timeoutMs: 10_000 });
  });
  afterAll(() => e.cleanup());

  const tenant = async (): Promise<Tenant> => {
    const t = await connectTenant(e.database.db, {
      crm: 'hubspot',
      externalId: String(++externalId),
      name: `Portal ${externalId}`,
    });
    return (await getTenant(e.database.db, t.id)) ?? t;
  };

  /** A worker process's queue with the catalog's drain job; the flush it asks for is left out of this test. */
  async function worker(crmFor: (t: Tenant) => CrmPort): Promise<JobQueue> {
    const queue = await JobQueue.start(e.database, { pollingIntervalSeconds: 0.5 });
    const deps: WorkerDeps = {
      db: e.database.db,
      clock: { now: () => AT },
      log: createLogger('silent'),
      crmFor: async (t) => crmFor(t),
      listIdsFor: async () => ({}),
      enqueue: async (name, payload, opts) =>
        name === JOBS.drainInbox ? queue.send(name, payload, opts ?? {}) : null,
    };
    await queue.define(jobCatalog(deps).filter((spec) => spec.name === JOBS.drainInbox));
    await queue.work();
    queues.push(queue);
    return queue;
  }

  it('a bounded run stops at its item limit, says there is more, and the next run goes on in order', async () => {
    const t = await tenant();
    await fillInbox(e.database.db, t.id, 1, 25);
    const read: string[] = [];
    const crm = {
      readLeads: async (ids: readonly string[]) => (read.push(...ids), ids.map(crmLead)),
    } as Partial<CrmPort> as CrmPort;
    const deps = { db: e.database.db, clock: { now: () => AT } };
    const runs = [];
    for (let i = 0; i < 3; i++) runs.push(await drainInbox(deps, t, crm, { pageSize: 4, maxItems: 10 }));
    expect(runs.map((r) => [r.items, r.more])).toEqual([
      [10, true],
      [10, true],
      [5, false],
    ]);
    expect(read).toEqual(Array.from({ length: 25 }, (_, i) => String(i + 1)));
    // Out of time before it starts: still one page, so a run always makes progress.
    await fillInbox(e.database.db, t.id, 100, 3);
    const late = await drainInbox(deps, t, crm, { pageSize: 2, budgetMs: 0 });
    expect([late.items, late.more]).toEqual([2, true]);
  });

  it('a drain gives the event loop turns while it applies a page (timers and sockets are not starved)', async () => {
    const t = await tenant();
    await fillInbox(e.database.db, t.id, 1, 200);
    // A CRM that answers at once: the page's work is then all database calls, which PGlite answers in-process.
    const crm = {
      readLeads: async (ids: readonly string[]) => ids.map(crmLead),
    } as Partial<CrmPort> as CrmPort;
    let ticks = 0;
    const timer = setInterval(() => ticks++, 1);
    const result = await drainInbox({ db: e.database.db, clock: { now: () => AT } }, t, crm);
    clearInterval(timer);
    expect(result.decisions).toBeGreaterThanOrEqual(200);
    expect(ticks).toBeGreaterThanOrEqual(20);
  });

  it("decides a small tenant's batch within seconds while a flooded tenant's backlog is still worked", async () => {
    const flooded = await tenant();
    const small = await tenant();
    const inFlight = new Map<string, { now: number; max: number }>();
    // 4,000 events whose re-reads take 3 ms per lead: a 12-second backlog before any decision is saved.
    await fillInbox(e.database.db, flooded.id, 1, 4_000);
    const queue = await worker((t) => slowCrm(t.id, t.id === flooded.id ? 3 : 1, inFlight));
    await forTenant({ enqueue: (n, p, o) => queue.send(n, p, o) }, JOBS.drainInbox, flooded.id);
    while (!inFlight.has(flooded.id)) await sleep(20);

    await fillInbox(e.database.db, small.id, 1, 8);
    const queued = Date.now();
    await forTenant({ enqueue: (n, p, o) => queue.send(n, p, o) }, JOBS.drainInbox, small.id);
    while ((await leadsOf(e.database.db, small.id)) < 8 && Date.now() - queued < 20_000) await sleep(50);
    const waitedMs = Date.now() - queued;
    const floodedPending = await pendingOf(e.database.db, flooded.id);

    expect(await leadsOf(e.database.db, small.id)).toBe(8);
    expect(waitedMs).toBeLessThan(5_000);
    expect(floodedPending).toBeGreaterThan(0);
    // One drain per tenant at a time: its leads are read (and decided) in inbox order, never by two runs at once.
    expect(inFlight.get(flooded.id)?.max).toBe(1);
  }, 30_000);

  it('two workers on one database never drain one tenant at once, and the slices finish the backlog', async () => {
    const flooded = await tenant();
    const inFlight = new Map<string, { now: number; max: number }>();
    await fillInbox(e.database.db, flooded.id, 1, 1_100);
    const crmFor = (t: Tenant) => slowCrm(t.id, 0.5, inFlight);
    const [one] = [await worker(crmFor), await worker(crmFor)];
    await forTenant({ enqueue: (n, p, o) => one.send(n, p, o) }, JOBS.drainInbox, flooded.id);
    // No tick runs here: 1,100 events (over one run's 1,000-item limit) finish only if each slice queues the next.
    const until = Date.now() + 40_000;
    while ((await pendingOf(e.database.db, flooded.id)) > 0 && Date.now() < until) await sleep(200);

    expect(await pendingOf(e.database.db, flooded.id)).toBe(0);
    expect(await leadsOf(e.database.db, flooded.id)).toBe(1_100);
    expect(inFlight.get(flooded.id)?.max).toBe(1);
  }, 60_000);
});
