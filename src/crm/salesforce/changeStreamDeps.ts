// What a change stream needs from its owner (changeFeed.ts): where to connect, the session, where the replay
// position and the events are kept, and how it reports gaps and problems; with the timings tests shorten.
import type { FeedProblemKind } from '../provider.ts';
import type { ChangeChannel, MappedChangeEvent } from './changeEvents.ts';

export interface ChangeStreamDeps {
  /** Salesforce's Pub/Sub endpoint (https://api.pubsub.salesforce.com:7443) or the sandbox org's. */
  pubSubUrl: string;
  instanceUrl: string;
  orgId: string;
  accessToken(): Promise<string>;
  /** The session was refused: a new access token, refreshed now. */
  refreshAccessToken(): Promise<string>;
  /** The replay id stored for the topic (base64), or null: subscribe from the tip of the stream. */
  replayFrom(channel: ChangeChannel): Promise<string | null>;
  /** Keeps what one event says together with the topic's new replay id (one transaction), or throws. */
  persist(channel: ChangeChannel, replayId: string | null, event: MappedChangeEvent | null): Promise<void>;
  /** Events may have been missed (replay position too old, unreadable event): re-read recent changes. */
  onGap(channel: ChangeChannel, why: string): Promise<void>;
  /** `standing`: the topic stopped for this reason until it answers again. */
  onProblem(channel: ChangeChannel, problem: string, error?: unknown, standing?: FeedProblemKind): void;
  /** The topic answers again after a standing problem. */
  onFlowing(channel: ChangeChannel): void;
  /** Wait before subscribing again after a failure (default 5 s), doubled after each failure in a row. */
  restartDelayMs?: number;
  /** The longest wait between attempts (default 30 minutes). */
  maxRestartDelayMs?: number;
  /** How long to stay away once the org's event delivery allocation is used up (default 1 hour). */
  deliveryLimitWaitMs?: number;
  /** A stream silent this long is dead: Salesforce sends a keepalive within 270 s (proto, FetchResponse). */
  idleTimeoutMs?: number;
  /** A store that has not answered after this long counts as failed (default 60 s): a hung database stalls no topic. */
  persistTimeoutMs?: number;
  /** Events asked for at a time (at most 100). */
  batchSize?: number;
  channels?: readonly ChangeChannel[];
}
