// Disqualifications in the CRM's lead workspace that Baton holds instead of recycling on a guess: no reason, an
// unmapped reason, or a reason that needs a note without one. Shown on the lead's card and in the ops console;
// cleared when a later read no longer holds it (the rep fixed the record, returned it from the card, or re-opened it).
import type { Executor } from './executor.ts';

export interface HeldReturn {
  leadId: string;
  recordId: string;
  reasonOption: string | null;
  why: string;
  disqualifiedAt: Date;
  heldSince: Date;
}

export async function holdReturn(
  db: Executor,
  tenantId: string,
  held: Omit<HeldReturn, 'heldSince'>,
  now: Date,
): Promise<void> {
  const row = {
    record_id: held.recordId,
    reason_option: held.reasonOption,
    why: held.why,
    disqualified_at: held.disqualifiedAt,
  };
  await db
    .insertInto('held_returns')
    .values({ tenant_id: tenantId, lead_id: held.leadId, ...row, held_since: now })
    // Held again for another cause or record: the same hold, its start kept.
    .onConflict((oc) => oc.columns(['tenant_id', 'lead_id']).doUpdateSet(row))
    .execute();
}

export async function releaseHeldReturn(db: Executor, tenantId: string, leadId: string): Promise<void> {
  await db
    .deleteFrom('held_returns')
    .where('tenant_id', '=', tenantId)
    .where('lead_id', '=', leadId)
    .execute();
}

const fromRow = (r: {
  lead_id: string;
  record_id: string;
  reason_option: string | null;
  why: string;
  disqualified_at: Date;
  held_since: Date;
}): HeldReturn => ({
  leadId: r.lead_id,
  recordId: r.record_id,
  reasonOption: r.reason_option,
  why: r.why,
  disqualifiedAt: r.disqualified_at,
  heldSince: r.held_since,
});

export async function heldReturnOf(
  db: Executor,
  tenantId: string,
  leadId: string,
): Promise<HeldReturn | null> {
  const row = await db
    .selectFrom('held_returns')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('lead_id', '=', leadId)
    .executeTakeFirst();
  return row ? fromRow(row) : null;
}

/** The tenant's held returns, oldest first (the ops console). */
export async function heldReturns(db: Executor, tenantId: string, limit = 200): Promise<HeldReturn[]> {
  const rows = await db
    .selectFrom('held_returns')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .orderBy('held_since')
    .limit(limit)
    .execute();
  return rows.map(fromRow);
}
