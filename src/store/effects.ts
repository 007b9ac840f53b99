// The effect outbox: intents decided with the lead's state, applied to the CRM later in batches across leads.
import type { Effect } from '../domain/decide/effect.ts';
import { decodeEffect, encodeEffectBody } from './effectCodec.ts';
import type { Executor } from './executor.ts';

export interface PendingEffect {
  effect: Effect;
  attempts: number;
  createdAt: Date;
  /** Set when a create went out before and its outcome is unknown: look in the CRM before sending it again. */
  sentAt: Date | null;
  /** Position in the tenant's outbox, in decision order. */
  seq: number;
}

export async function insertEffects(
  db: Executor,
  tenantId: string,
  effects: readonly Effect[],
): Promise<void> {
  // The same key again is the same intent: it was decided already (a replayed decision).
  await insertNewEffects(db, tenantId, effects);
}

/** Inserts effects whose keys are new; returns the keys it inserted (a key seen before is the same intent). */
export async function insertNewEffects(
  db: Executor,
  tenantId: string,
  effects: readonly Effect[],
): Promise<string[]> {
  if (effects.length === 0) return [];
  const rows = await db
    .insertInto('effects')
    .values(
      effects.map((e) => ({
        tenant_id: tenantId,
        key: e.key,
        lead_id: e.leadId,
        kind: e.kind,
        payload: JSON.stringify(encodeEffectBody(e)),
      })),
    )
    .onConflict((oc) => oc.columns(['tenant_id', 'key']).doNothing())
    .returning('key')
    .execute();
  return rows.map((r) => r.key);
}

/** Pending effects in decision order; `afterSeq` continues after a page already read. */
export async function pendingEffects(
  db: Executor,
  tenantId: string,
  opts: { limit: number; afterSeq?: number },
): Promise<PendingEffect[]> {
  let q = db
    .selectFrom('effects')
    .select(['key', 'lead_id', 'kind', 'payload', 'attempts', 'created_at', 'sent_at', 'seq'])
    .where('tenant_id', '=', tenantId)
    .where('status', '=', 'pending');
  if (opts.afterSeq !== undefined) q = q.where('seq', '>', opts.afterSeq);
  const rows = await q.orderBy('seq').limit(opts.limit).execute();
  return rows.map((r) => ({
    effect: decodeEffect(r.key, r.lead_id, r.kind, r.payload),
    attempts: r.attempts,
    createdAt: r.created_at,
    sentAt: r.sent_at,
    seq: r.seq,
  }));
}

/** True when an effect of this kind waits to be applied to the lead (the CRM does not show it yet). */
export async function hasPendingEffect(
  db: Executor,
  tenantId: string,
  leadId: string,
  kind: Effect['kind'],
): Promise<boolean> {
  const row = await db
    .selectFrom('effects')
    .select('key')
    .where('tenant_id', '=', tenantId)
    .where('lead_id', '=', leadId)
    .where('kind', '=', kind)
    .where('status', '=', 'pending')
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

export async function markEffectsApplied(
  db: Executor,
  tenantId: string,
  keys: readonly string[],
  at: Date,
  opts: { leftAlone?: string } = {},
): Promise<void> {
  if (keys.length === 0) return;
  await db
    .updateTable('effects')
    .set({ status: 'applied', applied_at: at, last_error: null, left_alone: opts.leftAlone ?? null })
    .where('tenant_id', '=', tenantId)
    .where('key', 'in', [...keys])
    .execute();
}

/** Marks creates as sent, committed before the call: if no answer comes back, the next try looks first. */
export async function markEffectsSent(
  db: Executor,
  tenantId: string,
  keys: readonly string[],
  at: Date,
): Promise<void> {
  if (keys.length === 0) return;
  await db
    .updateTable('effects')
    .set({ sent_at: at })
    .where('tenant_id', '=', tenantId)
    .where('key', 'in', [...keys])
    .execute();
}

/** A failed attempt: stays pending for the next try, or is dead-lettered (visible in ops, replayable). */
export async function markEffectsFailed(
  db: Executor,
  tenantId: string,
  keys: readonly string[],
  error: string,
  opts: { dead: boolean },
): Promise<void> {
  if (keys.length === 0) return;
  await db
    .updateTable('effects')
    .set((eb) => ({
      status: opts.dead ? 'dead' : 'pending',
      attempts: eb('attempts', '+', 1),
      last_error: error,
    }))
    .where('tenant_id', '=', tenantId)
    .where('key', 'in', [...keys])
    .execute();
}

/** Replay after a fix: dead effects go back to pending. */
export async function reviveEffects(
  db: Executor,
  tenantId: string,
  keys?: readonly string[],
): Promise<number> {
  let q = db
    .updateTable('effects')
    .set({ status: 'pending', attempts: 0 })
    .where('tenant_id', '=', tenantId)
    .where('status', '=', 'dead');
  if (keys) q = q.where('key', 'in', [...keys]);
  const result = await q.executeTakeFirst();
  return Number(result.numUpdatedRows);
}
