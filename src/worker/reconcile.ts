// Reconciliation: every few minutes, the leads the CRM changed since the last run (with an overlap) are re-read
// and brought in line, so a change whose webhook was lost is still seen. Idempotent, resumable.
import { z } from 'zod';
import type { CrmPort } from '../crm/port.ts';
import { readCheckpoint, writeCheckpoint } from '../store/checkpoints.ts';
import type { Decision } from '../domain/decide/draft.ts';
import type { Executor } from '../store/executor.ts';
import type { Tenant } from '../store/tenants.ts';
import type { Clock } from './clock.ts';
import { applySnapshot } from './drainInbox.ts';
import { decisionContexts } from '../app/decisionContext.ts';

export const RECONCILE_CHECKPOINT = 'reconcile';
/** Re-read a little before the last run: CRM search indexes lag a few moments behind writes. */
export const RECONCILE_OVERLAP_MS = 5 * 60_000;

const cursor = z.object({ since: z.iso.datetime({ offset: true }) });

export async function reconcile(
  deps: { db: Executor; clock: Clock; observeDecision?: (decision: Decision) => void },
  tenant: Tenant,
  crm: CrmPort,
): Promise<{ seen: number; decisions: number }> {
  const now = deps.clock.now();
  const saved = await readCheckpoint(deps.db, tenant.id, RECONCILE_CHECKPOINT, cursor);
  // No cursor yet: the backfill owns everything before it started; start from an hour ago.
  const since = saved
    ? new Date(Date.parse(saved.since) - RECONCILE_OVERLAP_MS)
    : new Date(now.getTime() - 3_600_000);
  const contexts = await decisionContexts(deps.db, tenant);
  let seen = 0;
  let decisions = 0;
  // Every page counts as read when the pass began: no page was asked for earlier, and an earlier time only makes a
  // page lose a tie (same record stamp) against a read a drain made meanwhile, which is the safe way to be wrong.
  const readAt = deps.clock.now();
  for await (const page of crm.leadsModifiedBetween(since, now)) {
    for (const lead of page) decisions += await applySnapshot(deps, tenant, contexts, lead, readAt);
    seen += page.length;
  }
  await writeCheckpoint(deps.db, tenant.id, RECONCILE_CHECKPOINT, { since: now.toISOString() });
  return { seen, decisions };
}
