// One ingest path for every CRM: what a provider verified and normalised (a webhook delivery, a change feed event)
// is claimed in the inbox — stored once per tenant and notification, in one transaction with the tenant's drain
// job, the sync log line and, for a feed, the feed's new position — and answered with a typed outcome. Nothing is
// stored for a delivery Baton refuses, and a crash between the steps loses nothing (the transaction).
import type { FeedDelivery, CrmKind } from '../crm/provider.ts';
import { storedChange, type InboundBatch, type InboundChange } from '../crm/inboundChange.ts';
import { writeCheckpoint } from '../store/checkpoints.ts';
import type { Executor } from '../store/executor.ts';
import { acceptManyIntoInbox } from '../store/inbox.ts';
import { firstTimeSeen } from '../store/seenRequests.ts';
import { recordSync } from '../store/syncLog.ts';
import { findTenant, type Tenant } from '../store/tenants.ts';
import { forTenant, JOBS, type Enqueue } from './tenantJobs.ts';

export interface IngestCounts {
  /** New notifications stored. */
  accepted: number;
  /** Stored before (a CRM's retry or redelivery). */
  duplicates: number;
  /** Not news for Baton (its own writes coming back, events it does not use). */
  ignored: number;
  /** For an account with no active Baton connection (skipped; the rest of the delivery is stored). */
  notConnected: number;
}

export type IngestOutcome =
  | ({ kind: 'stored' } & IngestCounts)
  /** This exact delivery was received before: a replay. */
  | { kind: 'replayed' }
  | { kind: 'refused'; why: 'not_connected'; message: string };

export interface IngestDeps {
  db: Executor;
  enqueue: Enqueue;
  now: () => Date;
  /** Told what each delivery brought (metrics). */
  observe?: (crm: CrmKind, counts: IngestCounts) => void;
}

/** Deliveries come in bursts for the same few accounts: their tenant is looked up at most every few seconds. */
const TENANT_CACHE_MS = 5_000;
/** A second's wait lets one drain read a burst of small deliveries in full batches. */
const DRAIN_DELAY_MS = 1_000;

interface Claim {
  source: string;
  operation: string;
  /** Each change with its tenant; `total` counts the ignored ones too. */
  changes: Array<{ tenantId: string; dedupeKey: string; change: InboundChange }>;
  tenants: string[];
  total: number;
  /** Items skipped for an account Baton does not serve (not in `total`). */
  notConnected?: number;
  delivery?: { key: string; until: Date };
  position?: { tenantId: string; key: string; value: unknown };
}

export class ChangeIngest {
  private readonly deps: IngestDeps;
  private readonly tenants = new Map<string, { tenant: Tenant | null; until: number }>();

  constructor(deps: IngestDeps) {
    this.deps = deps;
  }

  /**
   * A pushed delivery (a webhook request). A CRM batches events of every account that has the app in one request, so
   * events of an account Baton no longer serves (uninstalled, disconnected) are counted and skipped while the rest
   * is stored; a delivery with no connected account at all is refused.
   */
  async delivery(
    crm: CrmKind,
    batch: InboundBatch,
    delivery: { key: string; until: Date },
  ): Promise<IngestOutcome> {
    const tenantOf = new Map<string, string>();
    const unserved: string[] = [];
    for (const account of new Set(batch.items.map((i) => i.account))) {
      const tenant = await this.tenant(crm, account);
      if (tenant && tenant.status !== 'disconnected') tenantOf.set(account, tenant.id);
      else unserved.push(account);
    }
    if (tenantOf.size === 0) {
      const accounts = unserved.join(', ');
      return {
        kind: 'refused',
        why: 'not_connected',
        message: `Account ${accounts} has no active Baton connection`,
      };
    }
    const served = batch.items.filter((i) => tenantOf.has(i.account));
    const changes = served.flatMap((i) => {
      const tenantId = tenantOf.get(i.account);
      return i.change && tenantId ? [{ tenantId, dedupeKey: i.dedupeKey, change: i.change }] : [];
    });
    const claim = {
      source: batch.source,
      operation: 'webhook',
      changes,
      tenants: [...tenantOf.values()],
      total: served.length,
      notConnected: batch.items.length - served.length,
      delivery,
    };
    return this.claim(crm, claim);
  }

  /** One event of a tenant's change feed, stored with the feed's new position. */
  feed(
    crm: CrmKind,
    tenantId: string,
    delivery: FeedDelivery,
    position: { key: string; value: unknown },
  ): Promise<IngestOutcome> {
    return this.claim(crm, {
      source: delivery.source,
      operation: delivery.operation,
      changes: delivery.changes.map((c) => ({ tenantId, ...c })),
      // An event that brought nothing (its own write, a gap marker) only moves the position.
      tenants: delivery.changes.length > 0 ? [tenantId] : [],
      total: delivery.changes.length + delivery.ignored,
      position: { tenantId, ...position },
    });
  }

  private async tenant(crm: CrmKind, account: string): Promise<Tenant | null> {
    const now = this.deps.now().getTime();
    const key = `${crm}:${account}`;
    const hit = this.tenants.get(key);
    if (hit && hit.until > now) return hit.tenant;
    const tenant = await findTenant(this.deps.db, crm, account);
    this.tenants.set(key, { tenant, until: now + TENANT_CACHE_MS });
    return tenant;
  }

  private async claim(crm: CrmKind, c: Claim): Promise<IngestOutcome> {
    const now = this.deps.now();
    const stored = await this.deps.db.transaction().execute(async (tx) => {
      // False when this exact delivery was received before, while it could still verify (expired keys are deleted by
      // the worker's minute tick, store/expiredRows.ts).
      if (c.delivery && !(await firstTimeSeen(tx, c.delivery.key, c.delivery.until))) return null;
      const counts = await acceptManyIntoInbox(
        tx,
        c.changes.map((i) => ({
          tenantId: i.tenantId,
          source: c.source,
          dedupeKey: i.dedupeKey,
          leadId: i.change.leadId,
          payload: storedChange(i.change),
          receivedAt: now,
        })),
      );
      if (c.position) await writeCheckpoint(tx, c.position.tenantId, c.position.key, c.position.value);
      if (counts.accepted > 0) {
        for (const tenantId of new Set(c.changes.map((i) => i.tenantId)))
          await forTenant(this.deps, JOBS.drainInbox, tenantId, { tx, delayMs: DRAIN_DELAY_MS });
      }
      await recordSync(
        tx,
        c.tenants.map((tenantId) => this.syncLine(c, tenantId, counts.duplicates, now)),
      );
      return counts;
    });
    if (!stored) return { kind: 'replayed' };
    const counts = { ...stored, ignored: c.total - c.changes.length, notConnected: c.notConnected ?? 0 };
    this.deps.observe?.(crm, counts);
    return { kind: 'stored', ...counts };
  }

  private syncLine(c: Claim, tenantId: string, duplicates: number, at: Date) {
    const mine = c.changes.filter((i) => i.tenantId === tenantId);
    return {
      tenantId,
      direction: 'inbound' as const,
      at,
      operation: c.operation,
      recordIds: [...new Set(mine.map((i) => i.change.leadId))].slice(0, 100),
      status: 'ok' as const,
      message: `${c.total} notifications: ${mine.length} for this account, ${duplicates} already seen`,
    };
  }
}
