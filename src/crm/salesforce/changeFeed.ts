// Change capture for every connected Salesforce org: one change stream per org over the Pub/Sub API
// (crm/salesforce/changeStream.ts), resumed from the replay id the sink stored, each event handed to the sink
// together with its topic's new replay id (stored in one transaction: a crash replays rather than loses), and a
// re-read asked for when Salesforce says events were lost.
import { z } from 'zod';
import type { Logger } from '../../logger.ts';
import type { ChangeFeed, ChangeSink } from '../provider.ts';
import type { ChangeChannel } from './changeEvents.ts';
import { SalesforceChangeStream, type ChangeStreamDeps } from './changeStream.ts';
import type { SalesforceOrgs } from './orgs.ts';

/**
 * Where a topic's replay id is kept (per tenant): base64 of the Pub/Sub API's opaque bytes, or null for "from the
 * newest event" (after a gap). Positions the CometD transport stored (`salesforce.replay:<channel>`) are not read:
 * a numeric CometD replayId is not documented to be a Pub/Sub replay id. An org followed over CometD before so
 * starts from the newest event, and the five-minute reconciliation reads what came before (as for any
 * subscription without a position).
 */
export const replayCheckpointOf = (channel: ChangeChannel) => `salesforce.pubsub:${channel}`;
const replayPosition = z.object({ replayId: z.string().min(1).max(200).nullable() });

export interface SalesforceFeedOptions {
  restartDelayMs?: number;
  idleTimeoutMs?: number;
  channels?: ChangeStreamDeps['channels'];
}

export class SalesforceChangeFeed implements ChangeFeed {
  private readonly orgs: SalesforceOrgs;
  private readonly sink: ChangeSink;
  private readonly log: Logger;
  private readonly pubSubUrl: string;
  private readonly options: SalesforceFeedOptions;
  private readonly streams = new Map<string, SalesforceChangeStream>();
  private readonly subscribing = new Map<string, Promise<void>>();

  constructor(
    orgs: SalesforceOrgs,
    sink: ChangeSink,
    log: Logger,
    pubSubUrl: string,
    options: SalesforceFeedOptions = {},
  ) {
    this.orgs = orgs;
    this.sink = sink;
    this.log = log;
    this.pubSubUrl = pubSubUrl;
    this.options = options;
  }

  isRunning(tenantId: string): boolean {
    return this.streams.has(tenantId);
  }

  async start(tenant: { id: string; externalId: string }): Promise<void> {
    const tenantId = tenant.id;
    this.stop(tenantId);
    const log = this.log.child({ tenantId, component: 'salesforce-cdc' });
    let session;
    try {
      session = await this.orgs.session(tenantId);
    } catch (err) {
      log.warn({ err }, 'change capture not started: the org has no usable connection');
      return;
    }
    const { tokens } = session;
    const sink = this.sink;
    // A topic's problem and its recovery are recorded in the order they happened (a late "problem" write landing
    // after "flowing" would leave a topic that flows marked as stopped).
    const health = new Map<ChangeChannel, Promise<void>>();
    const inOrder = (channel: ChangeChannel, write: () => Promise<void>, log: Logger) => {
      const next = (health.get(channel) ?? Promise.resolve()).then(write).catch((e: unknown) => {
        log.warn({ err: e, channel }, 'could not record the change capture state');
      });
      health.set(channel, next);
    };
    const stream = new SalesforceChangeStream({
      pubSubUrl: this.pubSubUrl,
      instanceUrl: session.instanceUrl,
      orgId: tenant.externalId,
      accessToken: () => tokens.accessToken(),
      refreshAccessToken: () => tokens.refreshNow(),
      replayFrom: async (channel) => {
        const stored = replayPosition.safeParse(await sink.position(tenantId, replayCheckpointOf(channel)));
        return stored.success ? stored.data.replayId : null;
      },
      persist: (channel, replayId, event) =>
        sink.deliver(
          tenantId,
          {
            source: 'salesforce.cdc',
            operation: `change event ${channel.replace('/data/', '')}`,
            changes: event?.changes ?? [],
            // Baton's own writes coming back (a keepalive's or a gap's new position is no notification).
            ignored: event && event.changes.length === 0 && !event.reread ? 1 : 0,
          },
          { key: replayCheckpointOf(channel), value: { replayId } },
        ),
      onGap: async (channel, why) => {
        log.warn({ channel, why }, 'change events may be missing: reconciling now');
        await sink.gap(tenantId, why);
      },
      onProblem: (channel, problem, err, kind) => {
        log.warn({ channel, err }, problem);
        const detail = err instanceof Error && !('code' in err) ? `: ${err.message}` : '';
        const standing = kind && { topic: channel, kind };
        inOrder(channel, () => sink.problem(tenantId, `${channel}: ${problem}${detail}`, standing), log);
      },
      onFlowing: (channel) => {
        log.info({ channel }, 'change capture flows again');
        inOrder(channel, () => sink.flowing(tenantId, channel), log);
      },
      ...(this.options.restartDelayMs !== undefined && { restartDelayMs: this.options.restartDelayMs }),
      ...(this.options.idleTimeoutMs !== undefined && { idleTimeoutMs: this.options.idleTimeoutMs }),
      ...(this.options.channels && { channels: this.options.channels }),
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

  async subscribed(tenantId: string): Promise<void> {
    await this.subscribing.get(tenantId);
  }

  stop(tenantId: string): void {
    this.streams.get(tenantId)?.stop();
    this.streams.delete(tenantId);
    this.subscribing.delete(tenantId);
  }

  async settled(): Promise<void> {
    await Promise.all([...this.streams.values()].map((s) => s.settled()));
  }

  async stopAll(): Promise<void> {
    await this.settled();
    for (const id of [...this.streams.keys()]) this.stop(id);
  }
}
