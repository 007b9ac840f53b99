// The append-only ledger: every stage change and SLA milestone, read by analytics and the funnel card.
import { z } from 'zod';
import { isLedgerCause, type LedgerEntry } from '../domain/ledger.ts';
import { isStage } from '../domain/stages.ts';
import type { Executor } from './executor.ts';

const storedContext = z.object({
  source: z.string().nullable().optional(),
  campaign: z.string().nullable().optional(),
  fit: z.number().optional(),
  engagement: z.number().optional(),
  grade: z.string().optional(),
  humanLatencyMinutes: z.number().optional(),
  systemLatencyMinutes: z.number().optional(),
  slaMet: z.boolean().optional(),
});

export async function appendLedger(
  db: Executor,
  tenantId: string,
  entries: readonly LedgerEntry[],
): Promise<void> {
  if (entries.length === 0) return;
  await db
    .insertInto('ledger')
    .values(
      entries.map((e) => ({
        tenant_id: tenantId,
        lead_id: e.leadId,
        at: e.at,
        from_stage: e.from,
        to_stage: e.to,
        cause: e.cause,
        actor_kind: e.actor.kind,
        actor_id: e.actor.kind === 'user' ? e.actor.userId : null,
        actor_owner_id: e.actor.kind === 'user' ? (e.actor.ownerId ?? null) : null,
        reason: e.reason ?? null,
        note: e.note ?? null,
        owner_id: e.ownerId ?? null,
        context: JSON.stringify(e.context ?? {}),
      })),
    )
    .execute();
}

type Row = {
  lead_id: string;
  at: Date;
  from_stage: string | null;
  to_stage: string;
  cause: string;
  actor_kind: string;
  actor_id: string | null;
  actor_owner_id?: string | null;
  reason: string | null;
  note: string | null;
  owner_id: string | null;
  context: Record<string, unknown>;
};

function fromRow(r: Row): LedgerEntry {
  if (!isStage(r.to_stage) || (r.from_stage !== null && !isStage(r.from_stage)) || !isLedgerCause(r.cause)) {
    throw new Error(`Ledger row of lead ${r.lead_id} has an unknown stage or cause`);
  }
  return {
    leadId: r.lead_id,
    at: r.at,
    from: r.from_stage,
    to: r.to_stage,
    cause: r.cause,
    actor:
      r.actor_kind === 'user' && r.actor_id
        ? { kind: 'user', userId: r.actor_id, ...(r.actor_owner_id && { ownerId: r.actor_owner_id }) }
        : r.actor_kind === 'crm'
          ? { kind: 'crm' }
          : { kind: 'system' },
    ...(r.reason !== null && { reason: r.reason }),
    ...(r.note !== null && { note: r.note }),
    ownerId: r.owner_id,
    context: storedContext.parse(r.context),
  };
}

export async function ledgerOfLead(db: Executor, tenantId: string, leadId: string): Promise<LedgerEntry[]> {
  const rows = await db
    .selectFrom('ledger')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('lead_id', '=', leadId)
    .orderBy('at')
    .orderBy('id')
    .execute();
  return rows.map(fromRow);
}

/** Rows up to `to` for leads with any row in [from, to): metrics need each lead's history, not just the window. */
export async function ledgerForPeriod(
  db: Executor,
  tenantId: string,
  from: Date,
  to: Date,
): Promise<LedgerEntry[]> {
  const rows = await db
    .selectFrom('ledger')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('at', '<', to)
    .where('lead_id', 'in', (q) =>
      q
        .selectFrom('ledger')
        .select('lead_id')
        .where('tenant_id', '=', tenantId)
        .where('at', '>=', from)
        .where('at', '<', to),
    )
    .orderBy('at')
    .orderBy('id')
    .execute();
  return rows.map(fromRow);
}

/** The rep Baton's routing handed a lead to last (its round robin continues after them), or null. */
export async function lastRoutedOwner(db: Executor, tenantId: string): Promise<string | null> {
  const row = await db
    .selectFrom('ledger')
    .select('owner_id')
    .where('tenant_id', '=', tenantId)
    .where('actor_kind', '=', 'system')
    .where('cause', 'in', ['assigned', 'reassigned'])
    .where('owner_id', 'is not', null)
    .orderBy('at', 'desc')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row?.owner_id ?? null;
}
