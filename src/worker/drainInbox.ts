// Processes a tenant's inbox: deletions erase Baton's copy of the person; changes are re-read from the CRM in
// batches and turned into domain events; each lead's decision is saved with its effects. Safe to run again after
// a crash: a re-read that changes nothing decides nothing. A run may stop at a bound (items, time) and say there
// is more, so the job runs tenants in slices: one tenant's backlog never holds the worker for long.
import { createHash } from 'node:crypto';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { decisionContexts, type DecisionContexts } from '../app/decisionContext.ts';
import { inboundChangeSchema, type InboundChange } from '../crm/inboundChange.ts';
import { isOlderRead } from '../store/recordRead.ts';
import type { CrmLead, CrmPort } from '../crm/port.ts';
import type { Decision } from '../domain/decide/draft.ts';
import type { Executor } from '../store/executor.ts';
import { hasPendingEffect } from '../store/effects.ts';
import { hasPendingInbox, pendingInbox, settleInbox, type InboxItem } from '../store/inbox.ts';
import { erasePersonalData, loadLead } from '../store/leads.ts';
import { leadsOfRecords } from '../store/relatedRecords.ts';
import type { Tenant } from '../store/tenants.ts';
import { applyEvent } from '../app/applyEvent.ts';
import { refuseReturnRequest } from '../app/returnRefusals.ts';
import { syncSettingAsideUnreadable } from './setAsideUnreadable.ts';
import type { Clock } from './clock.ts';
import { settleCrmDisqualification } from './crmDisqualifications.ts';
import { eventsFromSnapshot } from './snapshotEvents.ts';

export interface DrainResult {
  items: number;
  leadsRead: number;
  decisions: number;
  erased: number;
  failed: number;
  /** Stopped at a bound with items still pending: the caller queues the next slice. */
  more: boolean;
}

/** How much one drain run may take on: a page at most this many items, the run these many items and ms. */
export interface DrainBounds {
  pageSize?: number;
  maxItems?: number;
  budgetMs?: number;
}

/** A stable anonymous id for a deleted person's ledger rows: same person, same id; no way back. */
export const anonymousIdOf = (tenantId: string, leadId: string) =>
  `anon-${createHash('sha256').update(`${tenantId}:${leadId}`).digest('hex').slice(0, 16)}`;

/** Lifecycles Baton starts tracking; a customer or "other" it has never seen is not a lead. */
const TRACKED_WHEN_NEW = new Set(['subscriber', 'lead', 'mql', 'sql', 'opportunity', 'unknown']);

export interface SnapshotDeps {
  db: Executor;
  clock: Clock;
  observeDecision?: (decision: Decision) => void;
}

/**
 * Brings one lead in line with a CRM snapshot read at `readAt` (when its request went out). Returns how many
 * decisions were saved. A snapshot older than the one the lead already follows is dropped whole (recordRead.ts).
 */
export async function applySnapshot(
  deps: SnapshotDeps,
  tenant: Tenant,
  contexts: DecisionContexts,
  lead: CrmLead,
  readAt: Date,
): Promise<number> {
  const stored = await loadLead(deps.db, tenant.id, lead.id);
  if (!stored && !TRACKED_WHEN_NEW.has(lead.lifecycle)) return 0;
  const read = { modifiedAt: lead.modifiedAt, readAt };
  if (stored?.read && isOlderRead(read, stored.read)) return 0;
  // Baton decided an owner change the CRM has not received yet: the owner read now is the old one, not news.
  const ownerPending = stored && (await hasPendingEffect(deps.db, tenant.id, lead.id, 'set_owner'));
  const snapshot = ownerPending ? { ...lead, ownerId: stored.state.ownerId } : lead;
  let decisions = 0;
  for (const event of eventsFromSnapshot(stored?.state ?? null, snapshot, deps.clock.now(), tenant.policy)) {
    const outcome = await applyEvent(deps.db, {
      tenantId: tenant.id,
      leadId: lead.id,
      event,
      contexts,
      now: deps.clock.now(),
      observe: deps.observeDecision,
      read,
    });
    // A fresher read was applied meanwhile (another job, another worker): it decided the rest.
    if ('olderRead' in outcome) return decisions;
    if (outcome.ok && outcome.saved) decisions++;
    // A return the rep requested on the record that Baton cannot act on is answered there, never dropped.
    if (!outcome.ok && event.kind === 'returned') {
      const current = await loadLead(deps.db, tenant.id, lead.id);
      // An answer to write counts as a decision: the run's flush takes it to the CRM now.
      const answered = await refuseReturnRequest(deps.db, {
        tenantId: tenant.id,
        leadId: lead.id,
        requestedAt: event.at,
        problem: outcome.problem,
        stage: current?.state.stage ?? 'inquiry',
        now: deps.clock.now(),
      });
      if (answered) decisions++;
    }
  }
  return decisions + (await settleCrmDisqualification(deps, tenant, contexts, lead, read));
}

export async function syncLeads(
  deps: SnapshotDeps,
  tenant: Tenant,
  contexts: DecisionContexts,
  crm: CrmPort,
  leadIds: readonly string[],
): Promise<{ read: number; decisions: number }> {
  if (leadIds.length === 0) return { read: 0, decisions: 0 };
  const readAt = deps.clock.now();
  const leads = await crm.readLeads(leadIds);
  let decisions = 0;
  for (const lead of leads) {
    decisions += await applySnapshot(deps, tenant, contexts, lead, readAt);
    // An in-process database (PGlite) answers on the microtask queue: without a turn of the event loop here, a
    // long page would starve timers and sockets (other tenants' jobs, webhook acks) until it ends.
    await yieldToEventLoop();
  }
  return { read: leads.length, decisions };
}

/**
 * The leads whose related records changed (HubSpot Lead records): known records from Baton's memory, new ones from
 * the CRM's associations. A deleted record is found only in memory (its associations go with it), and its lead is
 * read again: its owner and any held return follow what is left.
 */
async function leadsOfRelatedChanges(
  db: Executor,
  tenantId: string,
  crm: CrmPort,
  changes: ReadonlyArray<Extract<InboundChange, { kind: 'related' }>>,
): Promise<string[]> {
  const leads = new Set<string>();
  for (const objectType of new Set(changes.map((c) => c.objectType))) {
    const ids = [...new Set(changes.filter((c) => c.objectType === objectType).map((c) => c.leadId))];
    const known = await leadsOfRecords(db, tenantId, objectType, ids);
    const unknown = changes.filter((c) => c.objectType === objectType && !c.deleted && !known.has(c.leadId));
    const found = await (crm.leadsOfRelated?.(objectType, [...new Set(unknown.map((c) => c.leadId))]) ??
      new Map<string, string>());
    for (const leadId of [...known.values(), ...found.values()]) leads.add(leadId);
  }
  return [...leads];
}

export async function drainInbox(
  deps: SnapshotDeps,
  tenant: Tenant,
  crm: CrmPort,
  opts: DrainBounds = {},
): Promise<DrainResult> {
  const result: DrainResult = { items: 0, leadsRead: 0, decisions: 0, erased: 0, failed: 0, more: false };
  const started = Date.now();
  const contexts = await decisionContexts(deps.db, tenant);
  const pageSize = opts.pageSize ?? 500;
  const maxItems = opts.maxItems ?? Number.POSITIVE_INFINITY;
  for (;;) {
    const room = Math.min(pageSize, maxItems - result.items);
    // The clock is checked after the first page: every run makes progress.
    const outOfTime = result.items > 0 && Date.now() - started >= (opts.budgetMs ?? 50_000);
    if (room <= 0 || outOfTime) {
      result.more = await hasPendingInbox(deps.db, tenant.id);
      break;
    }
    const items = await pendingInbox(deps.db, tenant.id, room);
    if (items.length === 0) break;
    result.items += items.length;
    const parsed = items.map((item) => ({ item, change: inboundChangeSchema.safeParse(item.payload) }));
    const broken = parsed.filter((p) => !p.change.success).map((p) => p.item.id);
    await settleInbox(deps.db, broken, 'failed', 'payload does not parse');
    result.failed += broken.length;

    const gone = new Set<string>();
    const changed = new Set<string>();
    const related: Array<Extract<InboundChange, { kind: 'related' }>> = [];
    const settled: InboxItem['id'][] = [];
    const itemsOfLead = new Map<string, number[]>();
    for (const { item, change } of parsed) {
      if (!change.success) continue;
      const c = change.data;
      if (c.kind === 'deleted') gone.add(c.leadId);
      else if (c.kind === 'merged') {
        for (const id of c.mergedIds) if (id !== c.leadId) gone.add(id);
        changed.add(c.leadId);
      } else if (c.kind === 'related') related.push(c);
      else changed.add(c.leadId);
      if (c.kind !== 'related') itemsOfLead.set(c.leadId, [...(itemsOfLead.get(c.leadId) ?? []), item.id]);
      settled.push(item.id);
    }
    for (const leadId of await leadsOfRelatedChanges(deps.db, tenant.id, crm, related)) changed.add(leadId);
    for (const leadId of gone) {
      await deps.db
        .transaction()
        .execute((tx) => erasePersonalData(tx, tenant.id, leadId, anonymousIdOf(tenant.id, leadId)));
      result.erased++;
      await yieldToEventLoop();
    }
    const sync = await syncSettingAsideUnreadable(
      deps.db,
      tenant.id,
      [...changed].filter((id) => !gone.has(id)),
      (leadId) => itemsOfLead.get(leadId) ?? [],
      (ids) => syncLeads(deps, tenant, contexts, crm, ids),
    );
    result.leadsRead += sync.read;
    result.decisions += sync.decisions;
    result.failed += sync.setAside;
    // Items set aside above keep their failed status (settled only while still pending).
    await settleInbox(deps.db, settled, 'processed', null, { onlyPending: true });
  }
  return result;
}
