// This month's MQL volume against what sales can work so far, for the capacity alert. The capacity plan reads
// twelve weeks of ledger, too much for every alert pass: the worker's pass keeps its target in a checkpoint for
// six hours, or until the capacity settings change; a read (the ops API's alerts) uses it but never writes.
import { sql } from 'kysely';
import { z } from 'zod';
import { capacityPlan, PACE_WINDOW_WEEKS } from '../domain/scorecard/capacityPlan.ts';
import { elapsedShare, mqlCommitment } from '../domain/scorecard/marketingSide.ts';
import { periodAt } from '../domain/scorecard/scorecardPeriod.ts';
import { readCheckpoint, writeCheckpoint } from '../store/checkpoints.ts';
import type { Executor } from '../store/executor.ts';
import { ledgerForPeriod } from '../store/ledger.ts';
import type { Tenant } from '../store/tenants.ts';

export const CAPACITY_CHECKPOINT = 'capacity.plan';
const PLAN_TTL_MS = 6 * 3_600_000;
const WEEK_MS = 7 * 86_400_000;

const cachedPlan = z.object({
  at: z.string(),
  settings: z.string(),
  mqlTargetPerWeek: z.number().nullable(),
});

async function mqlTargetPerWeek(
  db: Executor,
  tenant: Tenant,
  now: Date,
  remember: boolean,
): Promise<number | null> {
  const { capacity, routing, escalation } = tenant.policy;
  const settings = JSON.stringify({ capacity, routing, escalation });
  const cached = await readCheckpoint(db, tenant.id, CAPACITY_CHECKPOINT, cachedPlan);
  const age = cached ? now.getTime() - Date.parse(cached.at) : Infinity;
  if (cached && cached.settings === settings && age >= 0 && age < PLAN_TTL_MS) return cached.mqlTargetPerWeek;
  const rows = await ledgerForPeriod(
    db,
    tenant.id,
    new Date(now.getTime() - PACE_WINDOW_WEEKS * WEEK_MS),
    now,
  );
  const plan = capacityPlan(rows, { at: now, policy: tenant.policy });
  if (!remember) return plan.mqlTargetPerWeek;
  await writeCheckpoint(db, tenant.id, CAPACITY_CHECKPOINT, {
    at: now.toISOString(),
    settings,
    mqlTargetPerWeek: plan.mqlTargetPerWeek,
  });
  return plan.mqlTargetPerWeek;
}

/** `remember`: keep a newly computed plan for the next passes (the worker's alert pass; never a read). */
export async function mqlCapacityNow(
  db: Executor,
  tenant: Tenant,
  now: Date,
  opts: { remember: boolean },
): Promise<{ period: string; mqls: number; capacityToDate: number | null }> {
  const period = periodAt('month', now, tenant.policy.timeZone);
  const counted = await db
    .selectFrom('ledger')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('tenant_id', '=', tenant.id)
    .where('to_stage', '=', 'mql')
    .where((eb) => eb.or([eb('from_stage', 'is', null), eb('from_stage', '<>', 'mql')]))
    .where('at', '>=', period.from)
    .where('at', '<', now)
    .executeTakeFirst();
  const commitment = mqlCommitment(period, {
    commitment: tenant.policy.commitment,
    mqlTargetPerWeek: await mqlTargetPerWeek(db, tenant, now, opts.remember),
    elapsed: elapsedShare(period, now),
  });
  return { period: period.label, mqls: counted?.n ?? 0, capacityToDate: commitment.capacityToDate };
}
