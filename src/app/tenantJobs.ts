// The jobs Baton runs per tenant, by name, and how a use case queues one: the queue's singleton key makes a second
// request while one waits a no-op, so a burst of webhooks wakes one drain. The worker's catalog says what each runs.
import type { Tx } from '../store/executor.ts';

export const JOBS = {
  drainInbox: 'inbox.drain',
  flushEffects: 'effects.flush',
  sweepDue: 'sweep.due',
  reconcile: 'reconcile.run',
  backfill: 'backfill.run',
  decayScores: 'scores.decay',
  alerts: 'alerts.evaluate',
} as const;

export type Enqueue = (
  name: string,
  payload: unknown,
  opts?: { singletonKey?: string; startAfter?: Date; tx?: Tx },
) => Promise<unknown>;

/** Queues a tenant's job — inside the caller's transaction when given one; a delay gathers a burst into one run. */
export const forTenant = (
  deps: { enqueue: Enqueue },
  job: string,
  tenantId: string,
  opts: { tx?: Tx; delayMs?: number } = {},
) =>
  deps.enqueue(
    job,
    { tenantId },
    {
      singletonKey: tenantId,
      ...(opts.tx && { tx: opts.tx }),
      ...(opts.delayMs && { startAfter: new Date(Date.now() + opts.delayMs) }),
    },
  );
