// One org's Change Data Capture over the Pub/Sub API: a Subscribe stream per topic that resumes after the last
// stored replay id, asks for events only as fast as they are stored (flow control, num_requested), hands each
// event over in order, and starts again — from what was stored, never from memory — after a stream error, a
// silent stream, a refused session (new token) or a storage failure. Errors are told apart by the Pub/Sub API's
// error code (Pub/Sub API guide, "Handle Errors" and "Retry Long-Lived RPC Calls After an Error Occurs").
import type { FeedProblemKind } from '../provider.ts';
import { withTimeout } from '../withTimeout.ts';
import { mapChangeEvent, CHANGE_CHANNELS } from './changeEvents.ts';
import type { ChangeChannel, MappedChangeEvent } from './changeEvents.ts';
import { ChangeEventDecoder, replayIdText, UnreadableEvent } from './pubsub/changeEventDecoder.ts';
import { cannotSubscribe, describeStreamError, PUBSUB_ERRORS, restartWait } from './pubsub/streamErrors.ts';
import {
  fetchResponseSchema,
  grpc,
  grpcStatusOf,
  MAX_NUM_REQUESTED,
  PubSubClient,
  pubSubErrorCode,
  type FetchRequest,
  type FetchResponse,
} from './pubsub/pubSubClient.ts';
import type { ChangeStreamDeps } from './changeStreamDeps.ts';

export type { ChangeStreamDeps } from './changeStreamDeps.ts';

/** What a stream's end means, and what to do about it. */
type Restart = { refreshFirst: boolean; delayMs?: number; kind: FeedProblemKind };

interface Subscription {
  generation: number;
  call: grpc.ClientDuplexStream<FetchRequest, unknown>;
  /** Events asked for and not received yet. */
  outstanding: number;
  idle: NodeJS.Timeout | null;
  lastStored: string | null;
}

export class SalesforceChangeStream {
  private readonly deps: ChangeStreamDeps;
  private readonly client: PubSubClient;
  private readonly decoder: ChangeEventDecoder;
  private readonly subscriptions = new Map<ChangeChannel, Subscription>();
  /** What each topic received, stored in order — kept past its stream's end, so a new stream starts after it. */
  private readonly chains = new Map<ChangeChannel, Promise<void>>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly generation = new Map<ChangeChannel, number>();
  /**
   * Failed subscribes in a row per topic: a topic the org keeps refusing is asked ever less often. A topic listed
   * here has a standing problem, told as over ("flowing") once a response from it is stored.
   */
  private readonly failures = new Map<ChangeChannel, number>();
  /** Resolved when a topic's first subscribe answered (a response) or failed. */
  private readonly answered = new Map<ChangeChannel, () => void>();
  /** What refused the topic's last attempt: a refused session twice in a row is not retried at once again. */
  private readonly lastRefusal = new Map<ChangeChannel, 'auth' | 'other'>();
  /** One token refresh at a time for every topic (each topic refused at once waits for the same new token). */
  private refreshing: Promise<string> | null = null;
  private stopped = false;

  constructor(deps: ChangeStreamDeps) {
    this.deps = deps;
    this.client = new PubSubClient(deps.pubSubUrl, async () => {
      const accessToken = await deps.accessToken();
      return { accessToken, instanceUrl: deps.instanceUrl, orgId: deps.orgId };
    });
    this.decoder = new ChangeEventDecoder((schemaId) => this.client.schemaJson(schemaId));
  }

  /** Subscribes every topic; resolves when each has answered (a first response) or failed and scheduled a retry. */
  async start(): Promise<void> {
    await Promise.all(
      (this.deps.channels ?? CHANGE_CHANNELS).map(
        (c) =>
          new Promise<void>((resolve) => {
            this.answered.set(c, resolve);
            void this.subscribe(c, false);
          }),
      ),
    );
  }

  stop(): void {
    this.stopped = true;
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
    for (const channel of [...this.subscriptions.keys()]) this.end(channel);
    for (const resolve of this.answered.values()) resolve();
    this.answered.clear();
    this.client.close();
  }

  /** Resolves once everything received so far is stored. */
  async settled(): Promise<void> {
    await Promise.all([...this.chains.values()]);
  }

  private markAnswered(channel: ChangeChannel): void {
    this.answered.get(channel)?.();
    this.answered.delete(channel);
  }

  /** Ends the topic's stream (if any); events still arriving from it are ignored. */
  private end(channel: ChangeChannel): void {
    this.generation.set(channel, (this.generation.get(channel) ?? 0) + 1);
    const s = this.subscriptions.get(channel);
    if (!s) return;
    if (s.idle) clearTimeout(s.idle);
    s.call.cancel();
    this.subscriptions.delete(channel);
  }

  private current(channel: ChangeChannel, generation: number): boolean {
    return !this.stopped && this.generation.get(channel) === generation;
  }

  /** A new access token; topics refused at the same moment share one refresh. */
  private async refreshToken(): Promise<void> {
    this.refreshing ??= this.deps.refreshAccessToken().finally(() => {
      this.refreshing = null;
    });
    await this.refreshing;
  }

  private async subscribe(channel: ChangeChannel, refreshFirst: boolean): Promise<void> {
    if (this.stopped) return;
    this.end(channel);
    const generation = this.generation.get(channel) ?? 0;
    let replayId: string | null;
    let call: grpc.ClientDuplexStream<FetchRequest, unknown>;
    try {
      if (refreshFirst) await this.refreshToken();
      // What the previous stream received is stored first: its position is where this one starts.
      await this.chains.get(channel);
      // No position yet (a first subscription, or after a gap): from the newest event. What changed before the
      // stream is in place (up to its first keepalive, within 270 s) is read by the five-minute reconciliation; a
      // new org's initial sync covers its past.
      replayId = await this.deps.replayFrom(channel);
      // GetTopic says whether this user may subscribe at all (TopicInfo.can_subscribe in the proto).
      const topic = await this.client.topic(channel);
      if (!this.current(channel, generation)) return;
      if (!topic.canSubscribe) {
        this.refused(channel, cannotSubscribe(channel), undefined, { refreshFirst: false, kind: 'refused' });
        return;
      }
      call = await this.client.subscribe();
    } catch (error) {
      if (!this.current(channel, generation)) return;
      const problem =
        grpcStatusOf(error) === null ? 'cannot start the subscription' : describeStreamError(channel, error);
      this.refused(channel, problem, error, this.restartFor(channel, error));
      return;
    }
    if (!this.current(channel, generation)) {
      call.on('error', () => {}); // cancelling emits an error: this stream is no longer anyone's
      call.cancel();
      return;
    }
    const batch = Math.min(Math.max(this.deps.batchSize ?? MAX_NUM_REQUESTED, 1), MAX_NUM_REQUESTED);
    const s: Subscription = { generation, call, outstanding: batch, idle: null, lastStored: replayId };
    this.subscriptions.set(channel, s);
    this.watchIdle(channel, s);
    call.on('data', (raw: unknown) => this.received(channel, s, raw, batch));
    call.on('error', (error: unknown) => {
      if (!this.current(channel, generation)) return;
      // This stream is over: nothing more from it (an 'end' after the error included) restarts anything.
      this.generation.set(channel, generation + 1);
      this.subscriptions.delete(channel);
      if (s.idle) clearTimeout(s.idle);
      void this.streamFailed(channel, error);
    });
    call.on('end', () => {
      // A stream the server closes without an error status is restarted like a failed one.
      if (!this.current(channel, generation)) return;
      this.end(channel);
      this.refused(channel, 'the stream ended', undefined, { refreshFirst: false, kind: 'failing' });
    });
    call.write({
      topicName: channel,
      numRequested: batch,
      ...(replayId === null
        ? { replayPreset: 'LATEST' }
        : { replayPreset: 'CUSTOM', replayId: Buffer.from(replayId, 'base64') }),
    });
  }

  private watchIdle(channel: ChangeChannel, s: Subscription): void {
    if (s.idle) clearTimeout(s.idle);
    const ms = this.deps.idleTimeoutMs ?? 330_000;
    s.idle = setTimeout(() => {
      if (!this.current(channel, s.generation)) return;
      this.end(channel);
      this.refused(channel, `no message for ${Math.round(ms / 1000)} s (keepalives stopped)`, undefined, {
        refreshFirst: false,
        delayMs: 0,
        kind: 'failing',
      });
    }, ms);
  }

  private received(channel: ChangeChannel, s: Subscription, raw: unknown, batch: number): void {
    if (!this.current(channel, s.generation)) return;
    this.watchIdle(channel, s);
    this.markAnswered(channel);
    const parsed = fetchResponseSchema.safeParse(raw);
    if (!parsed.success) {
      this.end(channel);
      this.refused(channel, `unreadable response: ${parsed.error.issues[0]?.message ?? ''}`, undefined, {
        refreshFirst: false,
        kind: 'failing',
      });
      return;
    }
    const response = parsed.data;
    s.outstanding = Math.max(0, s.outstanding - response.events.length);
    const previous = this.chains.get(channel) ?? Promise.resolve();
    this.chains.set(
      channel,
      previous.then(() => this.store(channel, s, response, batch)),
    );
  }

  private async store(
    channel: ChangeChannel,
    s: Subscription,
    response: FetchResponse,
    batch: number,
  ): Promise<void> {
    try {
      for (const consumed of response.events) {
        if (!this.current(channel, s.generation)) return;
        let event: MappedChangeEvent | null;
        try {
          event = mapChangeEvent(await this.decoder.decode(consumed));
        } catch (error) {
          if (!(error instanceof UnreadableEvent)) throw error;
          // What it said is unknown: move past it and re-read what changed rather than stop the topic.
          this.deps.onProblem(channel, `${error.message}; re-reading recent changes instead`);
          // The re-read is queued before the position moves past the event: a failure in between replays it.
          await this.deps.onGap(channel, 'an unreadable change event');
          await this.persist(channel, replayIdText(consumed.replayId), null);
          continue;
        }
        if (event.reread) await this.deps.onGap(channel, 'the change event asks for a re-read');
        await this.persist(channel, event.replayId, event);
        s.lastStored = event.replayId;
      }
      if (!this.current(channel, s.generation)) return;
      // A keepalive while Baton could take events means none are waiting: its latest replay id is a safe place to
      // resume from (and the first one gives a fresh subscription a stored position at all).
      const latest = response.latestReplayId.length > 0 ? replayIdText(response.latestReplayId) : null;
      const idle = response.events.length === 0 && response.pendingNumRequested > 0;
      if (idle && latest && latest !== s.lastStored) {
        await this.persist(channel, latest, null);
        s.lastStored = latest;
      }
      if (s.outstanding === 0) {
        s.outstanding = batch;
        s.call.write({ topicName: channel, numRequested: batch });
      }
      // Healthy again only once something was stored: a topic whose events keep failing to store is not "flowing",
      // and its restarts keep backing off instead of fetching the same events every few seconds.
      this.lastRefusal.delete(channel);
      if (this.failures.delete(channel)) this.deps.onFlowing(channel);
    } catch (error) {
      if (!this.current(channel, s.generation)) return;
      // Not stored: start again from the last stored position so these events are delivered again.
      this.end(channel);
      this.refused(channel, 'storing a change event failed; resubscribing from the stored position', error, {
        refreshFirst: false,
        kind: 'failing',
      });
    }
  }

  /**
   * Stores through the sink, but never waits forever: a database that hangs would hold the topic's chain, and with it
   * every later event, with no problem recorded. Past the deadline the store counts as failed and the topic
   * resubscribes from its stored position; should the hung write land after all, the events that come again are
   * dropped as duplicates by the inbox (transactionKey + record id).
   */
  private persist(
    channel: ChangeChannel,
    replayId: string | null,
    event: MappedChangeEvent | null,
  ): Promise<void> {
    const ms = this.deps.persistTimeoutMs ?? 60_000;
    return withTimeout(this.deps.persist(channel, replayId, event), ms, 'the store did not answer');
  }

  private async streamFailed(channel: ChangeChannel, error: unknown): Promise<void> {
    const code = pubSubErrorCode(error);
    if (code === PUBSUB_ERRORS.replayCorrupted) {
      // Past the retention window (72 h): take new events from now on and re-read what was missed.
      let recorded = true;
      try {
        await this.deps.onGap(channel, 'the stored replay position is no longer available');
        await this.persist(channel, null, null);
      } catch (e) {
        recorded = false;
        this.deps.onProblem(channel, 'could not record the gap', e);
      }
      this.refused(channel, 'replay position expired: resuming from the newest event', error, {
        refreshFirst: false,
        ...(recorded && { delayMs: 0 }),
        kind: 'failing',
      });
      return;
    }
    this.refused(channel, describeStreamError(channel, error), error, this.restartFor(channel, error));
  }

  private restartFor(channel: ChangeChannel, error: unknown): Restart {
    const code = pubSubErrorCode(error);
    const status = grpcStatusOf(error);
    if (code === PUBSUB_ERRORS.deliveryLimit)
      return {
        refreshFirst: false,
        delayMs: this.deps.deliveryLimitWaitMs ?? 3_600_000,
        kind: 'delivery_limit',
      };
    if (code === PUBSUB_ERRORS.auth || status === grpc.status.UNAUTHENTICATED) {
      // A new token at once, unless the last attempt was already refused with a fresh one: then a growing wait.
      const again = this.lastRefusal.get(channel) === 'auth';
      this.lastRefusal.set(channel, 'auth');
      return { refreshFirst: true, kind: 'failing', ...(!again && { delayMs: 0 }) };
    }
    this.lastRefusal.set(channel, 'other');
    // A working stream reset (UNAVAILABLE: "Retry the Subscribe RPC call", handling-errors) is retried at once;
    // failures in a row wait longer each time.
    if (status === grpc.status.UNAVAILABLE && (this.failures.get(channel) ?? 0) === 0)
      return { refreshFirst: false, kind: 'failing', delayMs: 0 };
    const refused = status === grpc.status.PERMISSION_DENIED || status === grpc.status.NOT_FOUND;
    return { refreshFirst: false, kind: refused ? 'refused' : 'failing' };
  }

  /** Tells ops, then subscribes again later: after `delayMs`, or a wait that doubles with each failure in a row. */
  private refused(channel: ChangeChannel, problem: string, error: unknown, restart: Restart): void {
    this.deps.onProblem(channel, problem, error, restart.kind);
    this.markAnswered(channel);
    if (this.stopped) return;
    const failures = (this.failures.get(channel) ?? 0) + 1;
    this.failures.set(channel, failures);
    const wait =
      restart.delayMs ??
      restartWait(failures, this.deps.restartDelayMs ?? 5_000, this.deps.maxRestartDelayMs ?? 1_800_000);
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      void this.subscribe(channel, restart.refreshFirst);
    }, wait);
    this.timers.add(timer);
  }
}
