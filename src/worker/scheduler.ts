// Cron ticks enqueue the periodic per-tenant jobs; the queue's singleton key keeps one of each per tenant at a
// time even with several worker replicas ticking.
import cron from 'node-cron';
import type { Logger } from '../logger.ts';
import type { Executor } from '../store/executor.ts';
import { forgetExpiredRows } from '../store/expiredRows.ts';
import { listTenants } from '../store/tenants.ts';
import { ALERTS_SINGLETON, forTenant, JOBS, type WorkerDeps } from './catalog.ts';

type Enqueue = WorkerDeps['enqueue'];

/** Every minute: SLA sweep, and a drain and a flush to pick up anything a failed job left behind. */
export async function tickMinute(deps: {
  db: Executor;
  enqueue: Enqueue;
  now?: () => Date;
}): Promise<number> {
  await forgetExpiredRows(deps.db, { now: deps.now?.() ?? new Date(), wallNow: new Date() });
  const tenants = (await listTenants(deps.db)).filter((t) => t.status !== 'disconnected');
  for (const t of tenants) {
    await forTenant(deps, JOBS.sweepDue, t.id);
    await forTenant(deps, JOBS.drainInbox, t.id);
    await forTenant(deps, JOBS.flushEffects, t.id);
  }
  return tenants.length;
}

/** Every five minutes: reconciliation catches changes whose webhook was lost. */
export async function tickReconcile(deps: { db: Executor; enqueue: Enqueue }): Promise<number> {
  const tenants = (await listTenants(deps.db)).filter((t) => t.status === 'connected');
  for (const t of tenants) await forTenant(deps, JOBS.reconcile, t.id);
  await deps.enqueue(JOBS.alerts, {}, { singletonKey: ALERTS_SINGLETON });
  return tenants.length;
}

/** Ticks every minute (cron), or every `tickSeconds` on an accelerated clock (sandbox mode, demo). */
/** Daily: engagement decays, so scores are recomputed (and written back where they changed). */
export async function tickDaily(deps: { db: Executor; enqueue: Enqueue }): Promise<number> {
  const tenants = (await listTenants(deps.db)).filter((t) => t.status === 'connected');
  for (const t of tenants) await forTenant(deps, JOBS.decayScores, t.id);
  return tenants.length;
}

export function startScheduler(
  deps: {
    db: Executor;
    enqueue: Enqueue;
    log: Logger;
    /** Baton's clock (expiries of install states and signatures are on it). */
    now?: () => Date;
    /** Also run every minute (change capture picks up newly connected orgs). */
    everyMinute?: () => Promise<void>;
  },
  tickSeconds?: number,
): () => void {
  const fail = (what: string) => (err: unknown) => deps.log.error({ err }, `scheduling ${what} failed`);
  const minute = () => {
    void tickMinute(deps).catch(fail('minute jobs'));
    void deps.everyMinute?.().catch(fail('minute upkeep'));
  };
  const reconcile = () => void tickReconcile(deps).catch(fail('reconciliation'));
  const daily = () => void tickDaily(deps).catch(fail('score recompute'));
  if (tickSeconds !== undefined) {
    let n = 0;
    const timer = setInterval(() => {
      minute();
      if (++n % 5 === 0) reconcile();
      if (n % 60 === 0) daily();
    }, tickSeconds * 1000);
    return () => clearInterval(timer);
  }
  const tasks = [
    cron.schedule('* * * * *', minute),
    cron.schedule('*/5 * * * *', reconcile),
    cron.schedule('17 3 * * *', daily),
  ];
  return () => {
    for (const t of tasks) void t.stop();
  };
}
