// The sync log: every CRM call and inbound event, for ops to see what Baton did and why.
import { sql } from 'kysely';
import type { Executor } from './executor.ts';
import type { SyncLogTable } from './tables.ts';

export interface SyncLogEntry {
  tenantId: string | null;
  direction: SyncLogTable['direction'];
  operation: string;
  recordIds: readonly string[];
  status: SyncLogTable['status'];
  httpStatus?: number | null;
  latencyMs?: number | null;
  attempt?: number;
  errorKind?: string | null;
  message?: string | null;
  at?: Date;
}

export interface SyncLogRow extends SyncLogEntry {
  id: number;
  at: Date;
}

export async function recordSync(db: Executor, entries: readonly SyncLogEntry[]): Promise<void> {
  if (entries.length === 0) return;
  await db
    .insertInto('sync_log')
    .values(
      entries.map((e) => ({
        tenant_id: e.tenantId,
        direction: e.direction,
        operation: e.operation,
        record_ids: [...e.recordIds],
        status: e.status,
        http_status: e.httpStatus ?? null,
        latency_ms: e.latencyMs === undefined || e.latencyMs === null ? null : Math.round(e.latencyMs),
        attempt: e.attempt ?? 1,
        error_kind: e.errorKind ?? null,
        message: e.message ?? null,
        ...(e.at && { at: e.at }),
      })),
    )
    .execute();
}

export interface SyncLogFilter {
  tenantId?: string;
  recordId?: string;
  status?: SyncLogTable['status'];
  since?: Date;
  until?: Date;
  beforeId?: number;
  limit: number;
}

export async function querySyncLog(db: Executor, f: SyncLogFilter): Promise<SyncLogRow[]> {
  let q = db.selectFrom('sync_log').selectAll();
  if (f.tenantId) q = q.where('tenant_id', '=', f.tenantId);
  if (f.recordId) q = q.where(sql<boolean>`record_ids @> ARRAY[${f.recordId}]::text[]`);
  if (f.status) q = q.where('status', '=', f.status);
  if (f.since) q = q.where('at', '>=', f.since);
  if (f.until) q = q.where('at', '<', f.until);
  if (f.beforeId) q = q.where('id', '<', f.beforeId);
  const rows = await q.orderBy('id', 'desc').limit(f.limit).execute();
  return rows.map((r) => ({
    id: r.id,
    at: r.at,
    tenantId: r.tenant_id,
    direction: r.direction,
    operation: r.operation,
    recordIds: r.record_ids,
    status: r.status,
    httpStatus: r.http_status,
    latencyMs: r.latency_ms,
    attempt: r.attempt,
    errorKind: r.error_kind,
    message: r.message,
  }));
}
