// The job catalog: every job Baton runs, with its payload schema, retry policy and handler. Per-tenant jobs use
// the 'stately' policy keyed by tenant: one running and one waiting per tenant across all replicas. Drains and
// flushes serve several tenants at once per worker, and a drain runs a bounded slice, then queues its tenant's
// next slice behind the tenants already waiting: one tenant's backlog never holds another's events for long.
import { z } from 'zod';
import type { CrmPort } from '../crm/port.ts';
import type { Decision } from '../domain/decide/draft.ts';
import type { Alert } from '../domain/alerts.ts';
import { newAlerts } from '../app/alerts.ts';
import { forTenant, JOBS, type Enqueue } from '../app/tenantJobs.ts';
import type { Logger } from '../logger.ts';
import type { Executor } from '../store/executor.ts';
import type { JobSpec } from '../store/jobQueue.ts';
import { getTenant, type Tenant } from '../store/tenants.ts';
import { runBackfill } from './backfill.ts';
import type { Clock } from './clock.ts';
import { decayScores } from './decayScores.ts';
import { drainInbox } from './drainInbox.ts';
import { flushEffects } from './flushEffects.ts';
import { refreshMeasuredCycle } from '../app/measuredCycle.ts';
import { reconcile } from './reconcile.ts';
import { sweepDueLeads } from './sweepDueLeads.ts';

export interface WorkerDeps {
  db: Executor;
  clock: Clock;
  log: Logger;
  /** The tenant's CRM behind the port (HubSpot portal, Salesforce org). */
  crmFor: (tenant: Tenant) => Promise<CrmPort>;
  /** Nurture list key → CRM list id, from provisioning. */
  listIdsFor: (tenant: Tenant) => Promise<Record<string, string>>;
  /** Told about every saved decision (metrics). */
  observeDecision?: (decision: Decision) => void;
  /** Announces an alert that just started (log line, metric, webhook); told the active ones after each check. */
  announce?: (alert: Alert) => Promise<void>;
  onAlerts?: (active: readonly Alert[]) => void;
  /** Sends last month's review to the alert webhook on a month's first working day (once per tenant and month). */
  sendReviewNotices?: (now: Date) => Promise<void>;
  /** Queues a job from inside a handler (follow-up work). */
  enqueue: Enqueue;
}

export { forTenant, JOBS };

export const tenantPayload = z.object({ tenantId: z.string().min(1) });
type TenantPayload = typeof tenantPayload;

function tenantJob(
  deps: WorkerDeps,
  spec: Omit<JobSpec<TenantPayload>, 'payload' | 'handler' | 'policy'>,
  run: (tenant: Tenant) => Promise<void>,
): JobSpec {
  const job: JobSpec<TenantPayload> = {
    ...spec,
    payload: tenantPayload,
    policy: 'stately',
    handler: async ({ tenantId }) => {
      const tenant = await getTenant(deps.db, tenantId);
      // A disconnected tenant's work waits for the reconnect; nothing is lost (inbox and outbox keep it).
      if (!tenant || tenant.status === 'disconnected') return;
      await run(tenant);
    },
  };
  return job as JobSpec;
}

export const ALERTS_SINGLETON = 'all-tenants';

/** One drain run's share (read in pages of 500): at most 1,000 items or 2 s, then its tenant goes back in line. */
export const DRAIN_SLICE = { maxItems: 1_000, budgetMs: 2_000 } as const;
/** Tenants one worker drains (and flushes) at once; the queue still runs one job per tenant at a time. */
export const TENANTS_AT_ONCE = 4;

export function jobCatalog(deps: WorkerDeps): JobSpec[] {
  const retry = { limit: 5, delaySeconds: 5, backoff: true, maxDelaySeconds: 300 };
  const alerts: JobSpec<z.ZodObject<Record<string, never>>> = {
    name: JOBS.alerts,
    payload: z.object({}),
    retry: { limit: 0, delaySeconds: 0, backoff: false },
    policy: 'stately',
    expireInSeconds: 120,
    handler: async () => {
      const { active, started } = await newAlerts(deps.db, deps.clock.now());
      for (const alert of started) await deps.announce?.(alert);
      deps.onAlerts?.(active);
      await deps.sendReviewNotices?.(deps.clock.now());
    },
  };
  return [
    alerts as JobSpec,
    tenantJob(
      deps,
      { name: JOBS.drainInbox, retry, expireInSeconds: 300, concurrency: TENANTS_AT_ONCE },
      async (tenant) => {
        const result = await drainInbox(deps, tenant, await deps.crmFor(tenant), DRAIN_SLICE);
        if (result.items > 0) deps.log.info({ tenantId: tenant.id, ...result }, 'inbox drained');
        if (result.decisions > 0 || result.erased > 0) await forTenant(deps, JOBS.flushEffects, tenant.id);
        // Queued while this run is active ('stately' keeps one waiting): it starts after this one ends, behind
        // the other tenants' waiting drains. Lost in a crash, the minute tick queues it again.
        if (result.more) await forTenant(deps, JOBS.drainInbox, tenant.id);
      },
    ),
    tenantJob(
      deps,
      { name: JOBS.flushEffects, retry, expireInSeconds: 300, concurrency: TENANTS_AT_ONCE },
      async (tenant) => {
        const result = await flushEffects({
          db: deps.db,
          crm: await deps.crmFor(tenant),
          tenantId: tenant.id,
          listIds: await deps.listIdsFor(tenant),
          timeZone: tenant.policy.timeZone,
          now: () => deps.clock.now(),
        });
        if (result.applied + result.retrying + result.dead + result.waiting > 0) {
          deps.log.info({ tenantId: tenant.id, ...result }, 'effects flushed');
        }
      },
    ),
    // A sweep is not retried: the next tick runs it again.
    tenantJob(
      deps,
      { name: JOBS.sweepDue, retry: { limit: 0, delaySeconds: 0, backoff: false }, expireInSeconds: 120 },
      async (tenant) => {
        const result = await sweepDueLeads(deps, tenant);
        if (result.changed > 0) {
          deps.log.info({ tenantId: tenant.id, ...result }, 'sla sweep');
          await forTenant(deps, JOBS.flushEffects, tenant.id);
        }
      },
    ),
    tenantJob(
      deps,
      { name: JOBS.reconcile, retry: { limit: 1, delaySeconds: 30, backoff: false }, expireInSeconds: 600 },
      async (tenant) => {
        const result = await reconcile(deps, tenant, await deps.crmFor(tenant));
        if (result.decisions > 0) {
          deps.log.info({ tenantId: tenant.id, ...result }, 'reconciled');
          await forTenant(deps, JOBS.flushEffects, tenant.id);
        }
      },
    ),
    tenantJob(deps, { name: JOBS.decayScores, retry, expireInSeconds: 600 }, async (tenant) => {
      await refreshMeasuredCycle(deps.db, tenant, deps.clock.now());
      const result = await decayScores(deps, tenant);
      if (result.changed > 0) await forTenant(deps, JOBS.flushEffects, tenant.id);
      deps.log.info({ tenantId: tenant.id, ...result }, 'scores recomputed');
    }),
    tenantJob(deps, { name: JOBS.backfill, retry, expireInSeconds: 600 }, async (tenant) => {
      const progress = await runBackfill(deps, tenant, await deps.crmFor(tenant));
      await forTenant(deps, JOBS.flushEffects, tenant.id);
      // Out of time budget: continue in a fresh job from the checkpoint.
      if (progress.status === 'running') await forTenant(deps, JOBS.backfill, tenant.id);
      else deps.log.info({ tenantId: tenant.id, processed: progress.processed }, 'backfill done');
    }),
  ];
}
