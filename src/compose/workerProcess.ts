// The worker's part of a process: what its jobs are given (WorkerDeps), the change feeds it subscribes, the queue's
// workers and the ticks that queue the periodic jobs.
import { z } from 'zod';
import { announceAlert } from '../app/announceAlert.ts';
import { sendReviewNotices } from '../app/reviewNotice.ts';
import { ChangeFeeds } from '../app/changeFeeds.ts';
import { LISTS_CHECKPOINT } from '../app/connectCrm.ts';
import type { ChangeIngest } from '../app/ingestChanges.ts';
import type { Config } from '../config.ts';
import type { CrmProvider } from '../crm/provider.ts';
import type { Logger } from '../logger.ts';
import type { Metrics } from '../metrics.ts';
import { readCheckpoint } from '../store/checkpoints.ts';
import type { Executor } from '../store/executor.ts';
import type { JobQueue } from '../store/jobQueue.ts';
import type { WorkerDeps } from '../worker/catalog.ts';
import type { Clock } from '../worker/clock.ts';
import { startScheduler } from '../worker/scheduler.ts';

const listIds = z.record(z.string(), z.string());

export function workerDeps(o: {
  db: Executor;
  clock: Clock;
  log: Logger;
  queue: JobQueue;
  providers: readonly CrmProvider[];
  metrics: Metrics;
  alertWebhookUrl: string | null;
  /** BATON_PUBLIC_URL: links in what the webhook is sent start there. */
  publicUrl: string;
}): WorkerDeps {
  return {
    db: o.db,
    clock: o.clock,
    log: o.log,
    enqueue: (name, payload, opts) => o.queue.send(name, payload, opts ?? {}),
    crmFor: async (tenant) => {
      const provider = o.providers.find((p) => p.kind === tenant.crm);
      if (!provider) throw new Error(`No ${tenant.crm} app is configured: set its credentials`);
      return provider.port(tenant);
    },
    listIdsFor: async (tenant) => (await readCheckpoint(o.db, tenant.id, LISTS_CHECKPOINT, listIds)) ?? {},
    observeDecision: (d) => o.metrics.observeDecision(d),
    announce: (alert) => announceAlert(alert, { log: o.log, webhookUrl: o.alertWebhookUrl }),
    onAlerts: (active) => o.metrics.setAlerts(active),
    sendReviewNotices: async (now) => {
      const webhook = { db: o.db, log: o.log, webhookUrl: o.alertWebhookUrl, publicUrl: o.publicUrl };
      await sendReviewNotices(webhook, now);
    },
  };
}

export interface WorkerOptions {
  /** Seconds between the worker's periodic ticks (sweeps, drains); default one minute (cron). */
  tickSeconds?: number;
  /** Tests drive the jobs themselves: define the queues but take no jobs and start no ticks. */
  runWorker?: boolean;
  /** Subscribe to change feeds (default: when the worker runs). */
  captureChanges?: boolean;
}

/** Starts the worker's parts for a process whose role includes the worker; returns how to stop them. */
export async function startWorker(
  o: {
    config: Config;
    deps: WorkerDeps;
    queue: JobQueue;
    providers: readonly CrmProvider[];
    ingest: ChangeIngest;
  },
  opts: WorkerOptions,
): Promise<{ feeds: ChangeFeeds | null; stop: () => Promise<void> }> {
  const runs = o.config.role !== 'web' && opts.runWorker !== false;
  const feeds =
    o.config.role !== 'web' && (opts.captureChanges ?? runs)
      ? new ChangeFeeds({
          db: o.deps.db,
          providers: o.providers,
          ingest: o.ingest,
          enqueue: o.deps.enqueue,
          log: o.deps.log,
          now: () => o.deps.clock.now(),
        })
      : null;
  let stopScheduler = () => {};
  if (runs) {
    await o.queue.work();
    stopScheduler = startScheduler(
      {
        db: o.deps.db,
        enqueue: o.deps.enqueue,
        log: o.deps.log,
        now: () => o.deps.clock.now(),
        ...(feeds && { everyMinute: () => feeds.sync() }),
      },
      opts.tickSeconds,
    );
    o.deps.log.info('worker started');
  }
  await feeds?.sync();
  return {
    feeds,
    stop: async () => {
      stopScheduler();
      await feeds?.stopAll();
    },
  };
}
