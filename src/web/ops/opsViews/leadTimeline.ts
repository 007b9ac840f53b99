// A lead's full timeline: inbound events, Baton's decisions and its CRM calls, oldest first.
import { ledgerOfLead } from '../../../store/ledger.ts';
import { inboxOfLead } from '../../../store/opsQueries.ts';
import { querySyncLog } from '../../../store/syncLog.ts';
import type { OpsDeps } from './opsDeps.ts';

export async function leadTimeline(deps: OpsDeps, tenantId: string, leadId: string) {
  const [ledger, calls, inbound] = await Promise.all([
    ledgerOfLead(deps.db, tenantId, leadId),
    querySyncLog(deps.db, { tenantId, recordId: leadId, limit: 500 }),
    inboxOfLead(deps.db, tenantId, leadId),
  ]);
  const items = [
    ...inbound.map((e) => ({
      at: e.at.toISOString(),
      type: 'event' as const,
      summary: `${e.source}: ${String(e.payload['kind'] ?? 'event')}`,
      status: e.status,
      detail: e.payload,
    })),
    ...ledger.map((r) => ({
      at: r.at.toISOString(),
      type: 'decision' as const,
      summary:
        r.from === r.to
          ? `${r.cause.replace(/_/g, ' ')}`
          : `${r.from ?? 'new'} → ${r.to} (${r.cause.replace(/_/g, ' ')})`,
      status: 'ok',
      detail: { reason: r.reason ?? null, note: r.note ?? null, actor: r.actor, owner: r.ownerId ?? null },
    })),
    ...calls.map((c) => ({
      at: c.at.toISOString(),
      type: 'crm_call' as const,
      summary: `${c.direction === 'inbound' ? '←' : '→'} ${c.operation}`,
      status: c.status,
      detail: {
        httpStatus: c.httpStatus,
        attempt: c.attempt,
        latencyMs: c.latencyMs,
        errorKind: c.errorKind,
        message: c.message,
      },
    })),
  ];
  return { tenantId, leadId, items: items.sort((a, b) => a.at.localeCompare(b.at)) };
}
