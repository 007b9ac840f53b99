// What the metrics gauges read at scrape time: queue depth, the inbox and outbox, tenants by status, rate-limit waits.
import type { GaugeReadings } from '../metrics.ts';
import type { Executor } from '../store/executor.ts';
import type { JobQueue } from '../store/jobQueue.ts';
import { countPendingInbox } from '../store/inbox.ts';
import { effectCounts } from '../store/opsQueries.ts';
import { listTenants } from '../store/tenants.ts';

const QUEUES = ['inbox.drain', 'effects.flush', 'sweep.due', 'reconcile.run', 'backfill.run', 'scores.decay'];

export async function gaugeReadings(
  db: Executor,
  queue: JobQueue,
  waiting: () => (tenantId: string) => number,
): Promise<GaugeReadings> {
  const [tenants, effects, inbox, depths] = await Promise.all([
    listTenants(db),
    effectCounts(db),
    countPendingInbox(db),
    Promise.all(QUEUES.map(async (q) => [q, (await queue.counts(q)).queued] as const)),
  ]);
  const byStatus: Record<string, number> = {};
  for (const t of tenants) byStatus[t.status] = (byStatus[t.status] ?? 0) + 1;
  const sum = (status: string) => effects.filter((e) => e.status === status).reduce((n, e) => n + e.n, 0);
  return {
    queueDepth: Object.fromEntries(depths),
    pendingEffects: sum('pending'),
    pendingInbox: inbox,
    deadEffects: sum('dead'),
    tenants: byStatus,
    rateLimitWaiting: tenants.reduce((n, t) => n + waiting()(t.id), 0),
  };
}
