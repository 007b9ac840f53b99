// The inbox: every inbound event stored once (unique per tenant and source event), then processed at least once.
import type { Executor } from './executor.ts';

export type InboxOutcome = { outcome: 'accepted'; id: number } | { outcome: 'duplicate' };

export interface InboxItem {
  id: number;
  tenantId: string;
  source: string;
  dedupeKey: string;
  leadId: string | null;
  receivedAt: Date;
  payload: Record<string, unknown>;
}

export async function acceptIntoInbox(
  db: Executor,
  item: {
    tenantId: string;
    source: string;
    dedupeKey: string;
    leadId: string | null;
    payload: Record<string, unknown>;
  },
): Promise<InboxOutcome> {
  const row = await db
    .insertInto('inbox')
    .values({
      tenant_id: item.tenantId,
      source: item.source,
      dedupe_key: item.dedupeKey,
      lead_id: item.leadId,
      payload: JSON.stringify(item.payload),
    })
    .onConflict((oc) => oc.columns(['tenant_id', 'dedupe_key']).doNothing())
    .returning('id')
    .executeTakeFirst();
  return row ? { outcome: 'accepted', id: row.id } : { outcome: 'duplicate' };
}

export async function pendingInbox(db: Executor, tenantId: string, limit: number): Promise<InboxItem[]> {
  const rows = await db
    .selectFrom('inbox')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('status', '=', 'pending')
    .orderBy('id')
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    tenantId: r.tenant_id,
    source: r.source,
    dedupeKey: r.dedupe_key,
    leadId: r.lead_id,
    receivedAt: r.received_at,
    payload: r.payload,
  }));
}

/** Changes waiting to be drained, across tenants (the partial index on pending rows answers it). */
export async function countPendingInbox(db: Executor): Promise<number> {
  const row = await db
    .selectFrom('inbox')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('status', '=', 'pending')
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** Whether the tenant has anything left to drain. */
export async function hasPendingInbox(db: Executor, tenantId: string): Promise<boolean> {
  const row = await db
    .selectFrom('inbox')
    .select('id')
    .where('tenant_id', '=', tenantId)
    .where('status', '=', 'pending')
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

export async function settleInbox(
  db: Executor,
  ids: readonly number[],
  status: 'processed' | 'skipped' | 'failed',
  error: string | null = null,
  opts: { onlyPending?: boolean } = {},
): Promise<void> {
  if (ids.length === 0) return;
  let update = db
    .updateTable('inbox')
    .set({ status, processed_at: new Date(), error })
    .where('id', 'in', [...ids]);
  if (opts.onlyPending) update = update.where('status', '=', 'pending');
  await update.execute();
}

/** Stores many events in one statement; returns how many were new. */
export async function acceptManyIntoInbox(
  db: Executor,
  items: ReadonlyArray<{
    tenantId: string;
    source: string;
    dedupeKey: string;
    leadId: string | null;
    payload: Record<string, unknown>;
    /** Baton's clock (defaults to the database's). */
    receivedAt?: Date;
  }>,
): Promise<{ accepted: number; duplicates: number }> {
  if (items.length === 0) return { accepted: 0, duplicates: 0 };
  const rows = await db
    .insertInto('inbox')
    .values(
      items.map((i) => ({
        tenant_id: i.tenantId,
        source: i.source,
        dedupe_key: i.dedupeKey,
        lead_id: i.leadId,
        payload: JSON.stringify(i.payload),
        ...(i.receivedAt && { received_at: i.receivedAt }),
      })),
    )
    .onConflict((oc) => oc.columns(['tenant_id', 'dedupe_key']).doNothing())
    .returning('id')
    .execute();
  return { accepted: rows.length, duplicates: items.length - rows.length };
}

export interface SetAsideItem {
  id: number;
  leadId: string | null;
  source: string;
  receivedAt: Date;
  setAsideAt: Date | null;
  cause: string | null;
}

/** Items the drain set aside (failed), newest first: what ops sees and may replay. */
export async function setAsideInbox(db: Executor, tenantId: string, limit = 200): Promise<SetAsideItem[]> {
  const rows = await db
    .selectFrom('inbox')
    .select(['id', 'lead_id', 'source', 'received_at', 'processed_at', 'error'])
    .where('tenant_id', '=', tenantId)
    .where('status', '=', 'failed')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    leadId: r.lead_id,
    source: r.source,
    receivedAt: r.received_at,
    setAsideAt: r.processed_at,
    cause: r.error,
  }));
}

/** How many items the drain set aside for the tenant. */
export async function countSetAsideInbox(db: Executor, tenantId: string): Promise<number> {
  const row = await db
    .selectFrom('inbox')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('tenant_id', '=', tenantId)
    .where('status', '=', 'failed')
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** Puts set-aside items (all of the tenant's, or those ids) back to pending; returns how many. */
export async function reviveInbox(db: Executor, tenantId: string, ids?: readonly number[]): Promise<number> {
  if (ids && ids.length === 0) return 0;
  let update = db
    .updateTable('inbox')
    .set({ status: 'pending', processed_at: null, error: null })
    .where('tenant_id', '=', tenantId)
    .where('status', '=', 'failed');
  if (ids) update = update.where('id', 'in', [...ids]);
  const result = await update.executeTakeFirst();
  return Number(result.numUpdatedRows);
}
