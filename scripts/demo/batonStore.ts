// Baton's side of the demo, read from its store for one tenant: what it still has to do (for settling), its
// next timer, the demo's numbers (ledger, leads table, outbox, sync log) and the run's health.
import { sql } from 'kysely';
import { decide } from '../../src/domain/decide/decide.ts';
import { nextTimerAt } from '../../src/domain/decide/nextTimer.ts';
import type { Policy } from '../../src/domain/policy/schema.ts';
import type { DemoMetrics, ExtraMetrics } from '../../sandbox/simulation/demoMetrics.ts';
import type { Executor } from '../../src/store/executor.ts';
import { decodeEffect } from '../../src/store/effectCodec.ts';
import { pendingEffects } from '../../src/store/effects.ts';
import { decodeLeadState, encodeLeadState } from '../../src/store/leadStateCodec.ts';
import { ledgerForPeriod } from '../../src/store/ledger.ts';

/** What Baton still has to do: inbox items, outbox effects, and due timers whose tick would change something. */
export async function batonPending(
  db: Executor,
  tenantId: string,
  policy: Policy,
  now: Date,
): Promise<string | null> {
  const inbox = await db
    .selectFrom('inbox')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('tenant_id', '=', tenantId)
    .where('status', '=', 'pending')
    .executeTakeFirst();
  if (Number(inbox?.n ?? 0) > 0) return `${inbox?.n} inbox items`;
  if ((await pendingEffects(db, tenantId, { limit: 1 })).length > 0) return 'effects in the outbox';
  // A due lead is work when its tick would change something, its timer included (the sweep saves that too).
  const due = await db
    .selectFrom('leads')
    .select(['state', 'next_timer_at'])
    .where('tenant_id', '=', tenantId)
    .where('next_timer_at', '<=', now)
    .execute();
  const work = due.filter((row) => {
    const state = decodeLeadState(row.state);
    const result = decide(state, { kind: 'tick', at: now }, { policy, now, measuredCycle: {} });
    if (!result.ok) return false;
    const d = result.decision;
    return (
      d.ledger.length > 0 ||
      d.effects.length > 0 ||
      nextTimerAt(d.state, policy, now, {})?.getTime() !== row.next_timer_at?.getTime() ||
      JSON.stringify(encodeLeadState(d.state)) !== JSON.stringify(encodeLeadState(state))
    );
  });
  if (work.length > 0) return `${work.length} due SLA/cooldown timers`;
  // A job between its token check and its request must not see the clock jump (its token would expire).
  const active = await sql<{
    n: number;
  }>`select count(*)::int as n from pgboss.job where state = 'active'`.execute(db);
  const jobs = active.rows[0]?.n ?? 0;
  return jobs > 0 ? `${jobs} jobs running` : null;
}

/** Baton's next timer after now. */
export async function nextBatonTimer(db: Executor, tenantId: string, now: Date): Promise<number | null> {
  const row = await db
    .selectFrom('leads')
    .select((eb) => eb.fn.min('next_timer_at').as('next'))
    .where('tenant_id', '=', tenantId)
    .where('next_timer_at', '>', now)
    .executeTakeFirst();
  return row?.next ? new Date(row.next).getTime() : null;
}

const SCORE_FIELDS = ['fit', 'engagement', 'grade', 'scoreReasons'] as const;

/**
 * Score writes Baton applied, one per lead and flush batch (the batch's applied_at): those that went out, and
 * those done without a call (Salesforce: to a lead converted in the meantime, which is frozen).
 */
async function appliedScoreWrites(db: Executor, tenantId: string) {
  const writes = await db
    .selectFrom('effects')
    .select(['key', 'lead_id', 'kind', 'payload', 'applied_at', 'left_alone'])
    .where('tenant_id', '=', tenantId)
    .where('kind', '=', 'write_fields')
    .where('status', '=', 'applied')
    .execute();
  const score = writes.flatMap((w) => {
    const e = decodeEffect(w.key, w.lead_id, w.kind, w.payload);
    return e.kind === 'write_fields' && SCORE_FIELDS.some((f) => e.fields[f] !== undefined)
      ? [{ leadId: w.lead_id, at: w.applied_at?.getTime() ?? 0, leftAlone: w.left_alone !== null }]
      : [];
  });
  const batches = (list: typeof score) => new Set(list.map((w) => `${w.leadId}@${w.at}`)).size;
  return {
    sent: batches(score.filter((w) => !w.leftAlone)),
    leftAlone: batches(score.filter((w) => w.leftAlone)),
  };
}

/**
 * The same numbers from Baton's own store: the ledger, the leads table, the outbox and the sync log. Score writes
 * count those that went out (a write to a lead converted in Salesforce is done without a call: not a write).
 */
export async function batonMetrics(db: Executor, tenantId: string): Promise<DemoMetrics & ExtraMetrics> {
  const ledger = await ledgerForPeriod(db, tenantId, new Date(0), new Date('9999-12-31T00:00:00Z'));
  const moves = ledger.filter((e) => e.from !== e.to);
  const leads = (
    await db
      .selectFrom('leads')
      .select(['lead_id', 'stage', 'state'])
      .where('tenant_id', '=', tenantId)
      .execute()
  ).map((r) => ({ id: r.lead_id, stage: r.stage, state: decodeLeadState(r.state) }));
  const scoreWrites = await appliedScoreWrites(db, tenantId);
  const calls = await db
    .selectFrom('sync_log')
    .select(['status'])
    .where('tenant_id', '=', tenantId)
    .where('direction', '=', 'outbound')
    .execute();
  const mqlLeads = new Set(moves.filter((e) => e.to === 'mql').map((e) => e.leadId)).size;
  /** Per lead, the cause of its latest move into recycled. */
  const lastRecycleCause = new Map(moves.filter((e) => e.to === 'recycled').map((e) => [e.leadId, e.cause]));
  return {
    leads: leads.length,
    mql: mqlLeads,
    assigned: ledger.filter(
      (e) => e.to === 'assigned' && ['assigned', 'reassigned', 'review_resolved'].includes(e.cause),
    ).length,
    touchedInSla: ledger.filter((e) => e.cause === 'first_touch' && e.context?.slaMet === true).length,
    breached: ledger.filter((e) => e.cause === 'sla_breach').length,
    recycledUntouched: leads.filter((l) => l.state.lists.includes('nurture_untouched')).length,
    // A return writes a row into "returned", then (recycle, disqualify) one out of it with the same cause.
    returned: ledger.filter((e) => e.cause === 'rep_returned' && e.to === 'returned').length,
    recycledReturned: leads.filter(
      (l) => l.stage === 'recycled' && lastRecycleCause.get(l.id) === 'rep_returned',
    ).length,
    disqualified: leads.filter((l) => l.stage === 'disqualified').length,
    scoreWrites: scoreWrites.sent,
    apiCalls: calls.length,
    failedCalls: calls.filter((c) => c.status !== 'ok').length,
    reMql: moves.filter((e) => e.from === 'recycled' && e.to === 'mql').length,
    qualified: moves.filter((e) => e.to === 'qualified').length,
    won: moves.filter((e) => e.to === 'won').length,
    inReview: leads.filter((l) => l.state.lists.includes('ops_review')).length,
  };
}

export async function runHealth(db: Executor, tenantId: string, now: Date) {
  const count = async (table: 'effects' | 'inbox', status: 'dead' | 'failed' | 'pending') => {
    const row = await db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('tenant_id', '=', tenantId)
      .where('status', '=', status)
      .executeTakeFirst();
    return Number(row?.n ?? 0);
  };
  const due = await db
    .selectFrom('leads')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('tenant_id', '=', tenantId)
    .where('next_timer_at', '<=', now)
    .executeTakeFirst();
  return {
    deadEffects: await count('effects', 'dead'),
    failedInboxItems: await count('inbox', 'failed'),
    pendingEffects: await count('effects', 'pending'),
    leadsDueButIdle: Number(due?.n ?? 0),
  };
}

/** Score writes Baton did without a call: to leads converted in Salesforce (frozen, they belong to sales). */
export async function scoreWritesLeftAlone(db: Executor, tenantId: string): Promise<number> {
  return (await appliedScoreWrites(db, tenantId)).leftAlone;
}
