// Change capture for every connected Salesforce org: one change stream per org (crm/salesforce/changeStream.ts),
// resumed from the replay position the sink stored, each event handed to the sink together with its channel's new
// replayId (stored in one transaction: a crash replays rather than loses), and a re-read asked for when Salesforce
// says events were lost.
import { z } from 'zod';
import type { Logger } from '../../logger.ts';
import type { ChangeFeed, ChangeSink } from '../provider.ts';
import type { ChangeChannel } from './changeEvents.ts';
import { SalesforceChangeStream, type ChangeStreamDeps } from './changeStream.ts';
import type { SalesforceOrgs } from './orgs.ts';

/** Where a channel's replay position is kept (per tenant). */
export const replayCheckpointOf = (channel: ChangeChannel) => `salesforce.replay:${channel}`;
const replayPosition = z.object({ replayId: z.number().int() });

export interface SalesforceFeedOptions {
  restartDelayMs?: number;
  channels?: ChangeStreamDeps['channels'];
}

export class SalesforceChangeFeed implements ChangeFeed {
  private readonly orgs: SalesforceOrgs;
  private readonly sink: ChangeSink;
  private readonly log: Logger;
  private readonly options: SalesforceFeedOptions;
  private readonly streams = new Map<string, SalesforceChangeStream>();
  private readonly subscribing = new Map<string, Promise<void>>();

  constructor(orgs: SalesforceOrgs, sink: ChangeSink, log: Logger, options: SalesforceFeedOptions = {}) {
    this.orgs = orgs;
    this.sink = sink;
    this.log = log;
    this.options = options;
  }

  isRunning(tenantId: string): boolean {
    return this.streams.has(tenantId);
  }

  async start(tenantId: string): Promise<void> {
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
    const stream = new SalesforceChangeStream({
      instanceUrl: session.instanceUrl,
      accessToken: () => tokens.accessToken(),
      refreshAccessToken: () => tokens.refreshNow(),
      replayFrom: async (channel) => {
        const stored = replayPosition.safeParse(await sink.position(tenantId, replayCheckpointOf(channel)));
        return stored.success ? stored.data.replayId : null;
      },
      persist: (channel, event) =>
        sink.deliver(
          tenantId,
          {
            source: 'salesforce.cdc',
            operation: `change event ${channel.replace('/data/', '')}`,
            changes: event.changes,
            ignored: event.changes.length === 0 && !event.reread ? 1 : 0,
          },
          { key: replayCheckpointOf(channel), value: { replayId: event.replayId } },
        ),
      onGap: async (channel, why) => {
        log.warn({ channel, why }, 'change events may be missing: reconciling now');
        await sink.gap(tenantId, why);
      },
      onProblem: (channel, problem, err) => {
        log.warn({ channel, err }, problem);
        const detail = err instanceof Error ? `: ${err.message}` : '';
        void sink.problem(tenantId, `${channel}: ${problem}${detail}`).catch((e: unknown) => {
          log.warn({ err: e }, 'could not record a change capture problem');
        });
      },
      ...(this.options.restartDelayMs !== undefined && { restartDelayMs: this.options.restartDelayMs }),
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
