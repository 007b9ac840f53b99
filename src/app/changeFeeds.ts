// The change feeds of every CRM that has them (Salesforce Change Data Capture), kept in step with the connected
// tenants: each feed's events go through the one ingest path with their position; a gap queues a reconciliation.
import type { ChangeFeed, ChangeSink, CrmProvider } from '../crm/provider.ts';
import type { Logger } from '../logger.ts';
import { readCheckpoint } from '../store/checkpoints.ts';
import type { Executor } from '../store/executor.ts';
import { recordSync } from '../store/syncLog.ts';
import { recordTopicFlowing, recordTopicProblem } from './changeCaptureHealth.ts';
import { listTenants } from '../store/tenants.ts';
import { z } from 'zod';
import type { ChangeIngest } from './ingestChanges.ts';
import { forTenant, JOBS, type Enqueue } from './tenantJobs.ts';

export class ChangeFeeds {
  private readonly db: Executor;
  private readonly feeds = new Map<string, ChangeFeed>();

  constructor(deps: {
    db: Executor;
    providers: readonly CrmProvider[];
    ingest: ChangeIngest;
    enqueue: Enqueue;
    log: Logger;
    now: () => Date;
  }) {
    this.db = deps.db;
    for (const provider of deps.providers) {
      const sink: ChangeSink = {
        position: (tenantId, key) => readCheckpoint(deps.db, tenantId, key, z.unknown()),
        deliver: async (tenantId, delivery, position) => {
          await deps.ingest.feed(provider.kind, tenantId, delivery, position);
        },
        gap: async (tenantId) => {
          await forTenant(deps, JOBS.reconcile, tenantId);
        },
        problem: async (tenantId, problem, standing) => {
          await recordSync(deps.db, [
            {
              tenantId,
              direction: 'inbound',
              operation: 'change capture',
              recordIds: [],
              status: 'error',
              errorKind: 'change_capture',
              message: `${problem} (the five-minute reconciliation still reads what changed)`,
            },
          ]);
          if (standing) await recordTopicProblem(deps.db, tenantId, { ...standing, problem }, deps.now());
        },
        flowing: async (tenantId, topic) => {
          if (!(await recordTopicFlowing(deps.db, tenantId, topic))) return;
          await recordSync(deps.db, [
            {
              tenantId,
              direction: 'inbound',
              operation: 'change capture',
              recordIds: [],
              status: 'ok',
              message: `${topic}: subscribed again, change events flow`,
            },
          ]);
        },
      };
      const feed = provider.changeFeed(sink, deps.log);
      if (feed) this.feeds.set(provider.kind, feed);
    }
  }

  /** Subscribes every connected tenant not yet subscribed and stops disconnected ones (worker ticks). */
  async sync(): Promise<void> {
    for (const t of await listTenants(this.db)) {
      const feed = this.feeds.get(t.crm);
      if (!feed) continue;
      if (t.status === 'disconnected') feed.stop(t.id);
      else if (!feed.isRunning(t.id)) await feed.start(t);
    }
  }

  /** After a (re)connect: subscribe afresh (a new grant, maybe a new instance). */
  async restart(tenant: { id: string; crm: string; externalId: string }): Promise<void> {
    await this.feeds.get(tenant.crm)?.start(tenant);
  }

  stop(tenant: { id: string; crm: string }): void {
    this.feeds.get(tenant.crm)?.stop(tenant.id);
  }

  isRunning(tenantId: string): boolean {
    return [...this.feeds.values()].some((f) => f.isRunning(tenantId));
  }

  /** Resolves once the tenant's subscription answered its first subscribe (tests, sandbox mode). */
  async subscribed(tenantId: string): Promise<void> {
    await Promise.all([...this.feeds.values()].map((f) => f.subscribed(tenantId)));
  }

  /** Resolves once every event received so far is stored (tests, graceful stop). */
  async settled(): Promise<void> {
    await Promise.all([...this.feeds.values()].map((f) => f.settled()));
  }

  async stopAll(): Promise<void> {
    await Promise.all([...this.feeds.values()].map((f) => f.stopAll()));
  }
}
