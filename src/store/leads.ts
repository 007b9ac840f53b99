// Tracked leads: current state (versioned for optimistic concurrency) and when each next needs a tick.
import { sql } from 'kysely';
import type { Decision } from '../domain/decide/draft.ts';
import type { LeadState } from '../domain/decide/leadState.ts';
import type { RecordRead } from './recordRead.ts';
import { appendLedger } from './ledger.ts';
import { decodeLeadState, encodeLeadState } from './leadStateCodec.ts';
import { insertEffects } from './effects.ts';
import type { Executor, Tx } from './executor.ts';

export interface StoredLead {
  state: LeadState;
  version: number;
  /** The CRM read the state was last brought in line with; null when none was (a lead met only through ticks). */
  read: RecordRead | null;
}

/** Another worker saved this lead first: reload and decide again. */
export class StaleLead extends Error {
  constructor(tenantId: string, leadId: string) {
    super(`Lead ${leadId} of ${tenantId} changed while it was being decided`);
  }
}

export async function loadLead(db: Executor, tenantId: string, leadId: string): Promise<StoredLead | null> {
  const row = await db
    .selectFrom('leads')
    .select(['state', 'version', 'crm_modified_at', 'crm_read_at'])
    .where('tenant_id', '=', tenantId)
    .where('lead_id', '=', leadId)
    .executeTakeFirst();
  if (!row) return null;
  const read =
    row.crm_modified_at && row.crm_read_at
      ? { modifiedAt: new Date(row.crm_modified_at), readAt: new Date(row.crm_read_at) }
      : null;
  return { state: decodeLeadState(row.state), version: row.version, read };
}

/**
 * Saves a decision atomically: the lead's new state, its ledger rows and its effects (the outbox).
 * `expectedVersion` null means the lead is new. Returns the new version.
 */
export async function saveDecision(
  tx: Tx,
  tenantId: string,
  decision: Decision,
  opts: { expectedVersion: number | null; nextTimerAt: Date | null; read?: RecordRead | undefined },
): Promise<number> {
  const s = decision.state;
  const values = {
    stage: s.stage,
    owner_id: s.ownerId,
    state: JSON.stringify(encodeLeadState(s)),
    next_timer_at: opts.nextTimerAt,
    updated_at: new Date(),
    // Only a decision made on a CRM read moves the mark; a tick or a card return keeps the last read's.
    ...(opts.read && { crm_modified_at: opts.read.modifiedAt, crm_read_at: opts.read.readAt }),
  };
  const saved =
    opts.expectedVersion === null
      ? await tx
          .insertInto('leads')
          .values({ tenant_id: tenantId, lead_id: s.leadId, version: 1, ...values })
          .onConflict((oc) => oc.columns(['tenant_id', 'lead_id']).doNothing())
          .returning('version')
          .executeTakeFirst()
      : await tx
          .updateTable('leads')
          .set({ ...values, version: opts.expectedVersion + 1 })
          .where('tenant_id', '=', tenantId)
          .where('lead_id', '=', s.leadId)
          .where('version', '=', opts.expectedVersion)
          .returning('version')
          .executeTakeFirst();
  if (!saved) throw new StaleLead(tenantId, s.leadId);
  await appendLedger(tx, tenantId, decision.ledger);
  await insertEffects(tx, tenantId, decision.effects);
  return saved.version;
}

/** Leads whose timer is due, oldest first, across tenants or for one. Uses the partial index. */
export async function dueLeads(
  db: Executor,
  opts: { now: Date; limit: number; tenantId?: string },
): Promise<Array<{ tenantId: string; leadId: string; nextTimerAt: Date }>> {
  let q = db
    .selectFrom('leads')
    .select(['tenant_id', 'lead_id', 'next_timer_at'])
    .where('next_timer_at', 'is not', null)
    .where('next_timer_at', '<=', opts.now);
  if (opts.tenantId) q = q.where('tenant_id', '=', opts.tenantId);
  const rows = await q.orderBy('next_timer_at').limit(opts.limit).execute();
  return rows.map((r) => ({
    tenantId: r.tenant_id,
    leadId: r.lead_id,
    nextTimerAt: r.next_timer_at ?? opts.now,
  }));
}

/** Open assigned leads per rep: capacity checks and routing. */
export async function openLeadsByOwner(db: Executor, tenantId: string): Promise<Record<string, number>> {
  const rows = await db
    .selectFrom('leads')
    .select(['owner_id', sql<number>`count(*)::int`.as('open')])
    .where('tenant_id', '=', tenantId)
    .where('stage', '=', 'assigned')
    .where('owner_id', 'is not', null)
    .groupBy('owner_id')
    .execute();
  return Object.fromEntries(rows.map((r) => [r.owner_id ?? '', r.open]));
}

/**
 * A privacy deletion: Baton's copy of the person goes (state, inbox payloads, pending effects); ledger rows
 * stay for the funnel counts under an anonymous id, with notes removed.
 */
export async function erasePersonalData(
  tx: Tx,
  tenantId: string,
  leadId: string,
  anonymousId: string,
): Promise<void> {
  await tx.deleteFrom('leads').where('tenant_id', '=', tenantId).where('lead_id', '=', leadId).execute();
  for (const table of ['held_returns', 'related_records'] as const)
    await tx.deleteFrom(table).where('tenant_id', '=', tenantId).where('lead_id', '=', leadId).execute();
  await tx
    .updateTable('ledger')
    .set({ lead_id: anonymousId, note: null, actor_id: null, actor_owner_id: null })
    .where('tenant_id', '=', tenantId)
    .where('lead_id', '=', leadId)
    .execute();
  await tx
    .updateTable('inbox')
    .set({ payload: JSON.stringify({ erased: true }), lead_id: anonymousId })
    .where('tenant_id', '=', tenantId)
    .where('lead_id', '=', leadId)
    .execute();
  await tx
    .updateTable('effects')
    .set({ status: 'dead', last_error: 'contact erased (privacy deletion)', payload: JSON.stringify({}) })
    .where('tenant_id', '=', tenantId)
    .where('lead_id', '=', leadId)
    .where('status', '=', 'pending')
    .execute();
}

/** Leads whose engagement score is above zero (decay recompute), in id order after `afterLeadId`. */
export async function engagedLeads(
  db: Executor,
  tenantId: string,
  opts: { afterLeadId: string | null; limit: number },
): Promise<string[]> {
  let q = db
    .selectFrom('leads')
    .select('lead_id')
    .where('tenant_id', '=', tenantId)
    .where(sql<boolean>`coalesce((state->'scores'->>'engagement')::int, 0) > 0`);
  if (opts.afterLeadId !== null) q = q.where('lead_id', '>', opts.afterLeadId);
  const rows = await q.orderBy('lead_id').limit(opts.limit).execute();
  return rows.map((r) => r.lead_id);
}

export interface DueLead extends Omit<StoredLead, 'read'> {
  nextTimerAt: Date;
}

/** Due leads with their state, one page, oldest timer first (the sweep decides a page at a time). */
export async function dueLeadStates(
  db: Executor,
  opts: { now: Date; limit: number; tenantId: string },
): Promise<DueLead[]> {
  const rows = await db
    .selectFrom('leads')
    .select(['state', 'version', 'next_timer_at'])
    .where('tenant_id', '=', opts.tenantId)
    .where('next_timer_at', 'is not', null)
    .where('next_timer_at', '<=', opts.now)
    .orderBy('next_timer_at')
    .orderBy('lead_id')
    .limit(opts.limit)
    .execute();
  return rows.map((r) => ({
    state: decodeLeadState(r.state),
    version: r.version,
    nextTimerAt: r.next_timer_at ?? opts.now,
  }));
}

/**
 * Saves many leads' decisions in one transaction with three statements (one versioned update for all leads,
 * one ledger insert, one effect insert). A lead another worker saved meanwhile is left out and reported stale.
 */
export async function saveDecisionsBatch(
  tx: Tx,
  tenantId: string,
  items: ReadonlyArray<{ decision: Decision; expectedVersion: number; nextTimerAt: Date | null }>,
): Promise<{ saved: Set<string>; stale: string[] }> {
  if (items.length === 0) return { saved: new Set(), stale: [] };
  const values = items.map((i) => ({
    lead_id: i.decision.state.leadId,
    stage: i.decision.state.stage,
    owner_id: i.decision.state.ownerId,
    state: encodeLeadState(i.decision.state),
    next_timer_at: i.nextTimerAt?.toISOString() ?? null,
    version: i.expectedVersion,
  }));
  const updated = await sql<{ lead_id: string }>`
    update leads as l
       set state = v.state, stage = v.stage, owner_id = v.owner_id, next_timer_at = v.next_timer_at,
           version = l.version + 1, updated_at = now()
      from jsonb_to_recordset(${JSON.stringify(values)}::jsonb)
           as v(lead_id text, stage text, owner_id text, state jsonb, next_timer_at timestamptz, version int)
     where l.tenant_id = ${tenantId} and l.lead_id = v.lead_id and l.version = v.version
    returning l.lead_id`.execute(tx);
  const saved = new Set(updated.rows.map((r) => r.lead_id));
  const kept = items.filter((i) => saved.has(i.decision.state.leadId));
  await appendLedger(
    tx,
    tenantId,
    kept.flatMap((i) => i.decision.ledger),
  );
  await insertEffects(
    tx,
    tenantId,
    kept.flatMap((i) => i.decision.effects),
  );
  return {
    saved,
    stale: items.filter((i) => !saved.has(i.decision.state.leadId)).map((i) => i.decision.state.leadId),
  };
}
