// Initial sync on install: the leads a portal already has are read (within the rate limit, search windows
// under the cap), scored and tracked; assigned-but-untouched ones get their SLA clock from the real assignment
// time, with the policy's grace period when already overdue. Resumable: a checkpoint after every page.
import { z } from 'zod';
import type { CrmPort } from '../crm/port.ts';
import { readCheckpoint, writeCheckpoint } from '../store/checkpoints.ts';
import type { Decision } from '../domain/decide/draft.ts';
import type { Executor } from '../store/executor.ts';
import type { Tenant } from '../store/tenants.ts';
import type { Clock } from './clock.ts';
import { applySnapshot } from './drainInbox.ts';
import { decisionContexts } from '../app/decisionContext.ts';
import { RECONCILE_CHECKPOINT } from './reconcile.ts';

export const BACKFILL_CHECKPOINT = 'backfill';

export const backfillProgress = z.object({
  status: z.enum(['running', 'done']),
  /** Everything modified before this is the backfill's; after it, reconciliation's. */
  until: z.iso.datetime({ offset: true }),
  /** Resume from here (the last page's newest modification time). */
  cursor: z.iso.datetime({ offset: true }),
  total: z.number().int().min(0),
  processed: z.number().int().min(0),
  startedAt: z.iso.datetime({ offset: true }),
  finishedAt: z.iso.datetime({ offset: true }).nullable(),
});
export type BackfillProgress = z.infer<typeof backfillProgress>;

export async function readBackfill(db: Executor, tenantId: string): Promise<BackfillProgress | null> {
  return readCheckpoint(db, tenantId, BACKFILL_CHECKPOINT, backfillProgress);
}

/** Starts (or continues) the backfill; returns when done or when the time budget is spent (call again). */
export async function runBackfill(
  deps: { db: Executor; clock: Clock; observeDecision?: (decision: Decision) => void },
  tenant: Tenant,
  crm: CrmPort,
  opts: { budgetMs?: number; onProgress?: (p: BackfillProgress) => void } = {},
): Promise<BackfillProgress> {
  const started = Date.now();
  let progress: BackfillProgress | null = await readBackfill(deps.db, tenant.id);
  if (progress?.status === 'done') return progress;
  if (!progress) {
    const now = deps.clock.now();
    progress = {
      status: 'running',
      until: now.toISOString(),
      cursor: new Date(0).toISOString(),
      total: await crm.countLeadsModifiedBetween(new Date(0), now),
      processed: 0,
      startedAt: now.toISOString(),
      finishedAt: null,
    };
    await writeCheckpoint(deps.db, tenant.id, BACKFILL_CHECKPOINT, progress);
    // Changes from now on are reconciliation's (and the webhooks').
    await writeCheckpoint(deps.db, tenant.id, RECONCILE_CHECKPOINT, { since: progress.until });
  }
  opts.onProgress?.(progress);
  const contexts = await decisionContexts(deps.db, tenant);
  // Every page counts as read when this run began (see reconcile.ts: the safe way to be wrong about a tie).
  const readAt = deps.clock.now();
  for await (const page of crm.leadsModifiedBetween(new Date(progress.cursor), new Date(progress.until))) {
    for (const lead of page) await applySnapshot(deps, tenant, contexts, lead, readAt);
    const cursor: Date = new Date(progress.cursor);
    const newest: Date = page.reduce<Date>((max, l) => (l.modifiedAt > max ? l.modifiedAt : max), cursor);
    progress = {
      ...progress,
      cursor: newest.toISOString(),
      processed: Math.min(progress.total, progress.processed + page.length),
    };
    await writeCheckpoint(deps.db, tenant.id, BACKFILL_CHECKPOINT, progress);
    opts.onProgress?.(progress);
    if (Date.now() - started > (opts.budgetMs ?? 50_000)) return progress;
  }
  progress = {
    ...progress,
    status: 'done',
    processed: progress.total,
    finishedAt: deps.clock.now().toISOString(),
  };
  await writeCheckpoint(deps.db, tenant.id, BACKFILL_CHECKPOINT, progress);
  opts.onProgress?.(progress);
  return progress;
}
