// Read-only queries behind the ops console: dead letters, outbox depth, assigned leads, a lead's inbound events,
// API use — each bounded, so the console stays fast on big tenants.
import { sql } from 'kysely';
import type { LeadState } from '../domain/decide/leadState.ts';
import { decodeLeadState } from './leadStateCodec.ts';
import type { Executor } from './executor.ts';

export interface DeadEffect {
  tenantId: string;
  key: string;
  leadId: string;
  kind: string;
  lastError: string | null;
  attempts: number;
  createdAt: Date;
}

export async function deadEffects(
  db: Executor,
  opts: { tenantId?: string; limit: number },
): Promise<DeadEffect[]> {
  let q = db
    .selectFrom('effects')
    .select(['tenant_id', 'key', 'lead_id', 'kind', 'last_error', 'attempts', 'created_at'])
    .where('status', '=', 'dead');
  if (opts.tenantId) q = q.where('tenant_id', '=', opts.tenantId);
  const rows = await q.orderBy('created_at', 'desc').limit(opts.limit).execute();
  return rows.map((r) => ({
    tenantId: r.tenant_id,
    key: r.key,
    leadId: r.lead_id,
    kind: r.kind,
    lastError: r.last_error,
    attempts: r.attempts,
    createdAt: r.created_at,
  }));
}

/** Outbox counts per tenant and status. */
export async function effectCounts(
  db: Executor,
): Promise<Array<{ tenantId: string; status: string; n: number }>> {
  const rows = await db
    .selectFrom('effects')
    .select(['tenant_id', 'status', sql<number>`count(*)::int`.as('n')])
    .where('status', '!=', 'applied')
    .groupBy(['tenant_id', 'status'])
    .execute();
  return rows.map((r) => ({ tenantId: r.tenant_id, status: r.status, n: r.n }));
}

/** Leads with effects still pending or dead, per tenant (the ones a sync problem holds back). */
export async function leadsWithUnappliedEffects(
  db: Executor,
  tenantId: string,
): Promise<Map<string, string>> {
  const rows = await db
    .selectFrom('effects')
    .select(['lead_id', 'status', 'last_error'])
    .where('tenant_id', '=', tenantId)
    .where('status', 'in', ['pending', 'dead'])
    .where('last_error', 'is not', null)
    .execute();
  return new Map(rows.map((r) => [r.lead_id, r.last_error ?? r.status]));
}

export async function leadsInStages(
  db: Executor,
  tenantId: string,
  stages: readonly string[],
  limit: number,
): Promise<LeadState[]> {
  const rows = await db
    .selectFrom('leads')
    .select('state')
    .where('tenant_id', '=', tenantId)
    .where('stage', 'in', [...stages])
    .orderBy('next_timer_at')
    .limit(limit)
    .execute();
  return rows.map((r) => decodeLeadState(r.state));
}

export async function inboxOfLead(
  db: Executor,
  tenantId: string,
  leadId: string,
): Promise<Array<{ at: Date; source: string; status: string; payload: Record<string, unknown> }>> {
  const rows = await db
    .selectFrom('inbox')
    .select(['received_at', 'source', 'status', 'payload'])
    .where('tenant_id', '=', tenantId)
    .where('lead_id', '=', leadId)
    .orderBy('id')
    .limit(500)
    .execute();
  return rows.map((r) => ({ at: r.received_at, source: r.source, status: r.status, payload: r.payload }));
}

/** Outbound CRM calls since a moment, and how many were rate limited (API budget and waits). */
export async function callsSince(
  db: Executor,
  tenantId: string,
  since: Date,
): Promise<{ calls: number; rateLimited: number }> {
  const row = await db
    .selectFrom('sync_log')
    .select([
      sql<number>`count(*)::int`.as('calls'),
      sql<number>`count(*) filter (where http_status = 429)::int`.as('limited'),
    ])
    .where('tenant_id', '=', tenantId)
    .where('direction', '=', 'outbound')
    .where('at', '>=', since)
    .executeTakeFirst();
  return { calls: row?.calls ?? 0, rateLimited: row?.limited ?? 0 };
}

export async function lastInbound(db: Executor, tenantId: string): Promise<Date | null> {
  const row = await db
    .selectFrom('sync_log')
    .select(sql<Date | null>`max(at)`.as('at'))
    .where('tenant_id', '=', tenantId)
    .where('direction', '=', 'inbound')
    .executeTakeFirst();
  return row?.at ?? null;
}
