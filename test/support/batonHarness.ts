// Baton wired as in production (start()), in sandbox mode on a manual clock, with the jobs driven step by step
// by the test instead of by the queue's workers, so each scenario is exact.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../src/config.ts';
import { createLogger } from '../../src/logger.ts';
import { startSandboxMode, type SandboxRunning } from '../../sandbox/mode/startSandboxMode.ts';
import type { HubSpotSandboxOptions } from '../../sandbox/hubspot/options.ts';
import type { PortalSetUp } from '../../sandbox/mode/sandboxPortal.ts';
import type { SalesforceSandboxOptions } from '../../sandbox/salesforce/options.ts';
import { channelsBehind } from '../../scripts/demo/changeEventsStored.ts';
import { pendingEffects } from '../../src/store/effects.ts';
import { loadLead } from '../../src/store/leads.ts';
import { ledgerOfLead } from '../../src/store/ledger.ts';
import { getTenant, type Tenant } from '../../src/store/tenants.ts';
import { runBackfill } from '../../src/worker/backfill.ts';
import { drainInbox } from '../../src/worker/drainInbox.ts';
import { flushEffects } from '../../src/worker/flushEffects.ts';
import { reconcile } from '../../src/worker/reconcile.ts';
import { sweepDueLeads } from '../../src/worker/sweepDueLeads.ts';
import { freePort } from './freePort.ts';
import { copyPgliteTemplate } from './pgliteTemplate.ts';

export interface BatonHarness {
  running: SandboxRunning;
  /** Which sandbox tenant the job helpers act on. */
  crm: 'hubspot' | 'salesforce';
  now(): Date;
  set(at: Date): void;
  advance(ms: number): void;
  tenant(): Promise<Tenant>;
  portal: NonNullable<SandboxRunning['sandbox']>['portal']['portal'];
  /** The simulated Salesforce org (sandbox mode connects Baton to it too). */
  org: NonNullable<SandboxRunning['sandboxOrg']>;
  /** HubSpot: sends the sandbox's pending webhooks now. Salesforce: waits until every published change event
   * Baton subscribed to is stored. */
  deliver(): Promise<void>;
  drain(): Promise<void>;
  flush(): Promise<Awaited<ReturnType<typeof flushEffects>>>;
  sweep(): Promise<void>;
  reconcile(): Promise<void>;
  backfill(budgetMs?: number): ReturnType<typeof runBackfill>;
  /** Webhooks → inbox → decisions → CRM writes, until nothing is pending. */
  settle(): Promise<void>;
  lead(id: string): ReturnType<typeof loadLead>;
  ledger(id: string): ReturnType<typeof ledgerOfLead>;
  pending(): ReturnType<typeof pendingEffects>;
  listId(key: string): Promise<string>;
  close(): Promise<void>;
}

export async function startBaton(
  opts: {
    at: Date;
    sandbox?: HubSpotSandboxOptions;
    /** What the sandbox portal has (the Leads object by default). */
    portalSetUp?: PortalSetUp;
    salesforceSandbox?: SalesforceSandboxOptions;
    policy?: Record<string, unknown>;
    crm?: 'hubspot' | 'salesforce';
  } = {
    at: new Date('2026-11-23T14:00:00Z'),
  },
): Promise<BatonHarness> {
  const crm = opts.crm ?? 'hubspot';
  let current = opts.at.getTime();
  const clock = { now: () => new Date(current) };
  const dir = mkdtempSync(join(tmpdir(), 'baton-e2e-'));
  copyPgliteTemplate(join(dir, 'pglite'));
  const port = await freePort();
  const config = loadConfig({
    PORT: String(port),
    BATON_PUBLIC_URL: `http://127.0.0.1:${port}`,
    PGLITE_DATA_DIR: join(dir, 'pglite'),
    BATON_OPS_TOKEN: 'ops-token-for-tests-0123456789',
  });
  const running = await startSandboxMode(config, {
    log: createLogger('silent'),
    clock,
    sandboxPort: 0,
    runWorker: false,
    captureChanges: crm === 'salesforce',
    ...(opts.salesforceSandbox && { salesforceSandboxOptions: opts.salesforceSandbox }),
    ...(opts.portalSetUp && { portalSetUp: opts.portalSetUp }),
    sandboxOptions: { webhooks: { batchWindowMs: 20, baseDelayMs: 50, maxDelayMs: 200 }, ...opts.sandbox },
  });
  const sandbox = running.sandbox;
  const org = running.sandboxOrg;
  if (!sandbox || !org) throw new Error('expected sandbox mode');
  const deps = running.workerDeps;
  const tenantId =
    crm === 'salesforce' ? `salesforce-${org.org.org.id}` : `hubspot-${sandbox.portal.portal.id}`;
  const tenant = async () => {
    const t = await getTenant(deps.db, tenantId);
    if (!t) throw new Error(`Baton is not connected to the sandbox ${crm}`);
    return t;
  };
  /** Every change event published on Baton's channels is stored (with its replayId) or was dropped. */
  const changeEventsStored = async () => {
    const capture = running.changeFeeds;
    if (!capture) throw new Error('change capture is off');
    const deadline = Date.now() + 5_000;
    for (;;) {
      await capture.settled();
      const behind = (await channelsBehind(deps.db, tenantId, org.org.org)).length;
      if (behind === 0) return;
      if (Date.now() > deadline) throw new Error('change events were not stored in time');
      await new Promise((r) => setTimeout(r, 10));
    }
  };
  const h: BatonHarness = {
    running,
    crm,
    org,
    now: () => new Date(current),
    set: (at) => {
      current = at.getTime();
    },
    advance: (ms) => {
      current += ms;
    },
    tenant,
    portal: sandbox.portal.portal,
    deliver: () =>
      crm === 'salesforce' ? changeEventsStored() : sandbox.sandbox.flushWebhooks({ waitForRetries: true }),
    drain: async () => {
      const t = await tenant();
      await drainInbox(deps, t, await deps.crmFor(t));
    },
    flush: async () => {
      const t = await tenant();
      return flushEffects({
        db: deps.db,
        crm: await deps.crmFor(t),
        tenantId: t.id,
        listIds: await deps.listIdsFor(t),
        timeZone: t.policy.timeZone,
        now: () => deps.clock.now(),
      });
    },
    sweep: async () => {
      await sweepDueLeads(deps, await tenant());
    },
    reconcile: async () => {
      const t = await tenant();
      await reconcile(deps, t, await deps.crmFor(t));
    },
    backfill: async (budgetMs) => {
      const t = await tenant();
      return runBackfill(deps, t, await deps.crmFor(t), budgetMs === undefined ? {} : { budgetMs });
    },
    settle: async () => {
      for (let round = 0; round < 10; round++) {
        await h.deliver();
        await h.drain();
        const flushed = await h.flush();
        await h.deliver();
        const inbox = await deps.db
          .selectFrom('inbox')
          .select('id')
          .where('status', '=', 'pending')
          .execute();
        if (flushed.applied === 0 && inbox.length === 0) return;
      }
    },
    lead: async (id) => loadLead(deps.db, (await tenant()).id, id),
    ledger: async (id) => ledgerOfLead(deps.db, (await tenant()).id, id),
    pending: async () => pendingEffects(deps.db, (await tenant()).id, { limit: 10_000 }),
    listId: async (key) => {
      const ids = await deps.listIdsFor(await tenant());
      const id = ids[key];
      if (!id) throw new Error(`list ${key} not provisioned`);
      return id;
    },
    close: async () => {
      await running.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  if (crm === 'salesforce') await running.changeFeeds?.subscribed(tenantId);
  if (opts.policy) {
    const { savePolicy } = await import('../../src/store/tenants.ts');
    const saved = await savePolicy(deps.db, (await tenant()).id, opts.policy);
    if (!saved.ok) throw new Error(JSON.stringify(saved.problems));
  }
  return h;
}
