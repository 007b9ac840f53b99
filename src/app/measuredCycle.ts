// The tenant's own sales cycle, measured from its ledger (median days per stage over the last half year), kept
// for pipeline hygiene: a lead "stalls" relative to how this tenant's leads actually move.
import { z } from 'zod';
import { measuredCycle } from '../domain/funnel/measuredCycle.ts';
import type { MeasuredCycle } from '../domain/hygiene.ts';
import { STAGES } from '../domain/stages.ts';
import { readCheckpoint, writeCheckpoint } from '../store/checkpoints.ts';
import type { Executor } from '../store/executor.ts';
import { ledgerForPeriod } from '../store/ledger.ts';
import type { Tenant } from '../store/tenants.ts';

export const MEASURED_CYCLE_CHECKPOINT = 'measured-cycle';
const HALF_YEAR_MS = 182 * 86_400_000;
const shape = z.partialRecord(z.enum(STAGES), z.number());

export async function refreshMeasuredCycle(db: Executor, tenant: Tenant, now: Date): Promise<MeasuredCycle> {
  const period = { from: new Date(now.getTime() - HALF_YEAR_MS), to: now };
  const cycle = measuredCycle(await ledgerForPeriod(db, tenant.id, period.from, period.to), period);
  await writeCheckpoint(db, tenant.id, MEASURED_CYCLE_CHECKPOINT, cycle);
  return cycle;
}

export async function readMeasuredCycle(db: Executor, tenantId: string): Promise<MeasuredCycle> {
  return (await readCheckpoint(db, tenantId, MEASURED_CYCLE_CHECKPOINT, shape)) ?? {};
}
