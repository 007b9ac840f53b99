// Change capture for every connected Salesforce org: each org's change stream stores its events in the inbox
// together with the channel's replayId (one transaction, so a crash replays rather than loses), wakes the inbox
// drain, and asks for a reconciliation when Salesforce says events were lost.
import { z } from 'zod';
import { SalesforceChangeStream, type ChangeStreamDeps } from '../crm/salesforce/changeStream.ts';
import type { ChangeChannel } from '../crm/salesforce/changeEvents.ts';
import type { Logger } from '../logger.ts';
import { readCheckpoint, writeCheckpoint } from '../store/checkpoints.ts';
import type { Database } from '../store/database.ts';
import type { Tx } from '../store/executor.ts';
import { acceptManyIntoInbox } from '../store/inbox.ts';
import { recordSync } from '../store/syncLog.ts';
import { listTenants } from '../store/tenants.ts';
import type { SalesforceOrgs } from './salesforceOrgs.ts';

export const replayCheckpointOf = (channel: ChangeChannel) => `salesforce.replay:${channel}`;
const replayCheckpoint = z.object({ replayId: z.number().int() });

export interface SalesforceChangeCaptureDeps {
  db: Database['db'];
  orgs: SalesforceOrgs;
  log: Logger;
  now: () => Date;
  /** Queues the tenant's inbox drain inside the transaction that stored the events. */
  enqueueDrain: (tx: Tx, tenantId: string) => Promise<void>;
  enqueueReconcile: (tenantId: string) => Promise<void>;
  /** Told how many events each store accepted (metrics). */
  onIngest?: (counts: { accepted: number; duplicates: number; ignored: number }) => void;
  restartDelayMs?: number;
  channels?: ChangeStreamDeps['channels'];
}

export class SalesforceChangeCapture {
  private readonly deps: SalesforceChangeCaptureDeps;
  private readonly streams = new Map<string, SalesforceChangeStream>();
  private readonly subscribing = new Map<string, Promise<void>>();

  constructor(deps: SalesforceChangeCaptureDeps) {
    this.deps = deps;
  }

  /** Subscribes every connected Salesforce org not yet subscribed and stops disconnected ones (worker ticks). */
  async sync(): Promise<void> {
    const tenants = (await listTenants(this.deps.db)).filter((t) => t.crm === 'salesforce');
    for (const t of tenants) {
      if (t.status === 'disconnected') this.stopTenant(t.id);
      else if (!this.streams.has(t.id)) await this.startTenant(t.id);
    }
  }

  isStreaming(tenantId: string): boolean {
    return this.streams.has(tenantId);
  }

  async startTenant(tenantId: string): Promise<void> {
    this.stopTenant(tenantId);
    const d = this.deps;
    const log = d.log.child({ tenantId, component: 'salesforce-cdc' });
    let session;
    try {
      session = await d.orgs.session(tenantId);
    } catch (err) {
      log.warn({ err }, 'change capture not started: the org has no usable connection');
      return;
    }
    const { tokens } = session;
    const stream = new SalesforceChangeStream({
      instanceUrl: session.instanceUrl,
      accessToken: () => tokens.accessToken(),
      refreshAccessToken: () => tokens.refreshNow(),
      replayFrom: async (channel) =>
        (await readCheckpoint(d.db, tenantId, replayCheckpointOf(channel), replayCheckpoint))?.replayId ??
        null,
      persist: async (channel, event) => {
        const counts = await d.db.transaction().execute(async (tx) => {
          const stored = await acceptManyIntoInbox(
            tx,
            event.changes.map((c) => ({
              tenantId,
              source: 'salesforce.cdc',
              dedupeKey: c.dedupeKey,
              leadId: c.change.leadId,
              payload: { ...c.change, occurredAt: c.change.occurredAt.toISOString() },
              receivedAt: d.now(),
            })),
          );
          await writeCheckpoint(tx, tenantId, replayCheckpointOf(channel), { replayId: event.replayId });
          if (event.changes.length > 0) {
            await recordSync(tx, [
              {
                at: d.now(),
                tenantId,
                direction: 'inbound',
                operation: `change event ${channel.replace('/data/', '')}`,
                recordIds: [...new Set(event.changes.map((c) => c.change.leadId))].slice(0, 100),
                status: 'ok',
                message: `replayId ${event.replayId}: ${stored.accepted} new, ${stored.duplicates} already seen`,
              },
            ]);
          }
          if (stored.accepted > 0) await d.enqueueDrain(tx, tenantId);
          return stored;
        });
        d.onIngest?.({ ...counts, ignored: event.changes.length === 0 && !event.reread ? 1 : 0 });
      },
      onGap: async (channel, why) => {
        log.warn({ channel, why }, 'change events may be missing: reconciling now');
        await d.enqueueReconcile(tenantId);
      },
      onProblem: (channel, problem, err) => log.warn({ channel, err }, problem),
      ...(d.restartDelayMs !== undefined && { restartDelayMs: d.restartDelayMs }),
      ...(d.channels && { channels: d.channels }),
    });
    this.streams.set(tenantId, stream);
    // Not awaited: an unreachable org keeps retrying in the background and must not hold up the caller.
    this.subscribing.set(
      tenantId,
      stream.start().then(
        () => log.info('change capture subscribed'),
        (err: unknown) => log.warn({ err }, 'change capture could not subscribe'),
      ),
    );
  }

  /** Resolves once the org's channels have answered their first subscribe (tests, demo). */
  async subscribed(tenantId: string): Promise<void> {
    await this.subscribing.get(tenantId);
  }

  stopTenant(tenantId: string): void {
    this.streams.get(tenantId)?.stop();
    this.streams.delete(tenantId);
    this.subscribing.delete(tenantId);
  }

  /** Resolves once every event received so far is stored (tests, graceful stop). */
  async settled(): Promise<void> {
    await Promise.all([...this.streams.values()].map((s) => s.settled()));
  }

  async stop(): Promise<void> {
    await this.settled();
    for (const id of [...this.streams.keys()]) this.stopTenant(id);
  }
}
