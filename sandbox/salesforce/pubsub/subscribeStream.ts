// One Subscribe call (a bidirectional stream): the first FetchRequest names the topic and where to start, every
// FetchRequest adds to the number of events the client is ready for, and the server never sends more events than
// that (proto: Subscribe's "Typical flow"; Pub/Sub API guide, flow-control). Events come from the org's bus
// (replay, then new ones as they are published); when there is nothing to send, an empty FetchResponse with the
// latest replay id goes out every keepaliveMs. Errors end the stream with a status, as the Pub/Sub API does.
import * as grpc from '@grpc/grpc-js';
import { z } from 'zod';
import {
  ALL_CHANGE_EVENTS,
  matches,
  type CdcOptions,
  type PublishedEvent,
  type ReplayOutcome,
} from '../cdc/changeEventBus.ts';
import type { Org } from '../state/org.ts';
import type { DeliveryAllocation } from './deliveryAllocation.ts';
import {
  ERROR_CODES,
  invalidArgument,
  newRpcId,
  notFound,
  pubSubError,
  type PubSubStatus,
} from './pubsubErrors.ts';
import { replayIdBytes, replayIdFromBytes } from './replayIds.ts';

/**
 * "The maximum number of events that can be requested across all FetchRequests … in a Subscribe … call is 100. If
 * a client requests more than 100 events, the server considers the number of requested events to be 100"
 * (Pub/Sub API guide, allocations and flow-control).
 */
export const MAX_PENDING = 100;

const fetchRequest = z.object({
  topicName: z.string().default(''),
  replayPreset: z.enum(['LATEST', 'EARLIEST', 'CUSTOM']).default('LATEST'),
  replayId: z.instanceof(Uint8Array).default(Buffer.alloc(0)),
  numRequested: z.number().int().default(0),
  authRefresh: z.string().default(''),
});
type FetchRequest = z.infer<typeof fetchRequest>;

export interface EncodedEvent {
  id: string;
  schemaId: string;
  payload: Buffer;
}

export interface ConsumerEventOut {
  event: EncodedEvent & { headers: never[] };
  replayId: Buffer;
}

export interface FetchResponseOut {
  events: ConsumerEventOut[];
  latestReplayId: Buffer;
  rpcId: string;
  pendingNumRequested: number;
}

export interface StreamDeps {
  org: Org;
  now: () => number;
  cdc: () => CdcOptions;
  allocation: DeliveryAllocation;
  encode: (org: Org, event: PublishedEvent) => EncodedEvent;
  onInternalError: (err: unknown) => void;
  onEnd: () => void;
}

export const entityOfChannel = (channel: string): string | undefined =>
  channel === ALL_CHANGE_EVENTS ? undefined : /^\/data\/(.+)ChangeEvent$/.exec(channel)?.[1];

/**
 * Task and Event change events need View All Data (CDC guide, cdc_security_perms); other objects need View All on
 * the object (per reference §"Update 2026-12"). The wording of the message is the sandbox's, and the docs found give
 * no error-code string for it, so none is sent.
 */
export function permissionDenied(entity: string): PubSubStatus {
  const permission = entity === 'Task' || entity === 'Event' ? 'View All Data' : `View All on ${entity}`;
  return pubSubError(
    grpc.status.PERMISSION_DENIED,
    `The user doesn't have permission to subscribe to ${entity}ChangeEvent: it requires ${permission}.`,
    undefined,
  );
}

/**
 * Over the delivery allocation: "sfdc.platform.eventbus.grpc.subscription.limit.exceeded … You have exceeded the
 * event delivery limit for your org." (cdc_allocations). The gRPC status code is not documented: RESOURCE_EXHAUSTED
 * is the sandbox's choice.
 */
export const limitExceeded = (rpcId: string): PubSubStatus =>
  pubSubError(
    grpc.status.RESOURCE_EXHAUSTED,
    'You have exceeded the event delivery limit for your org.',
    ERROR_CODES.limitExceeded,
    rpcId,
  );

export class SubscribeStream {
  readonly rpcId = newRpcId();
  private readonly call: grpc.ServerDuplexStream<unknown, FetchResponseOut>;
  private readonly deps: StreamDeps;
  private topic: string | undefined;
  private queue: PublishedEvent[] = [];
  private pending = 0;
  /** Every event of the topic up to this replayId was delivered (or came before the subscription's start). */
  private position = 0;
  private stopListening: (() => void) | undefined;
  private keepalive: NodeJS.Timeout | undefined;
  private ended = false;

  constructor(call: grpc.ServerDuplexStream<unknown, FetchResponseOut>, deps: StreamDeps) {
    this.call = call;
    this.deps = deps;
    call.on('data', (raw: unknown) => this.onRequest(raw));
    for (const event of ['cancelled', 'finish', 'close'] as const) call.on(event, () => this.cleanup());
    // The stream's own error handling sends the status; errors here are already ours or the client's.
    call.on('error', () => this.cleanup());
  }

  /** Ends the stream with `status` (nothing happens if it already ended). */
  fail(status: PubSubStatus): void {
    if (this.ended) return;
    this.cleanup();
    this.call.emit('error', status);
  }

  /**
   * Ends the stream with an OK status, no error: a fault for tests (the Pub/Sub docs are silent on whether the
   * server ever closes a Subscribe stream cleanly; gRPC allows it, and a client must then subscribe again).
   */
  close(): void {
    if (this.ended) return;
    this.cleanup();
    this.call.end();
  }

  /**
   * Sends a response whose event has no payload (a fault for tests: what a client gets from a response it cannot
   * read; a correct server never sends one).
   */
  sendWithoutPayload(): void {
    if (this.ended || this.topic === undefined) return;
    this.call.write({
      events: [{ replayId: Buffer.from([0, 0, 0, 0, 0, 0, 0, 1]) } as ConsumerEventOut],
      latestReplayId: this.latestReplayId(),
      rpcId: this.rpcId,
      pendingNumRequested: this.pending,
    });
  }

  private cleanup(): void {
    if (this.ended) return;
    this.ended = true;
    this.stopListening?.();
    clearTimeout(this.keepalive);
    this.deps.onEnd();
  }

  private get bus() {
    return this.deps.org.changeEvents;
  }

  private allowed(entity: string): boolean {
    return !this.deps.cdc().subscribeDenied.includes(entity);
  }

  private onRequest(raw: unknown): void {
    if (this.ended) return;
    const parsed = fetchRequest.safeParse(raw);
    if (!parsed.success) return this.fail(invalidArgument('The FetchRequest is not valid.'));
    const req = parsed.data;
    const first = this.topic === undefined;
    if (first) {
      if (!this.start(req)) return;
    } else if (req.topicName !== '' && req.topicName !== this.topic) {
      // "If any subsequent FetchRequest provides topic_name, it must match what was provided in the first
      // FetchRequest; otherwise, the RPC returns an error with INVALID_ARGUMENT status" (proto, Subscribe).
      return this.fail(invalidArgument(`The topic can't change within a Subscribe call: ${req.topicName}.`));
    }
    // Negative counts: the proto and guide are silent; refused here (no documented error code, so none).
    if (req.numRequested < 0) return this.fail(invalidArgument('num_requested must not be negative.'));
    this.pending = Math.min(MAX_PENDING, this.pending + req.numRequested);
    const queued = this.queue.length;
    this.pump();
    // A new subscription with nothing to deliver gets its first empty response at once rather than after
    // keepaliveMs: "within 270 seconds" (proto, FetchResponse) allows it, and the subscriber learns the stream is in
    // place and the latest replay id. Salesforce documents no sooner bound; Baton does not depend on one.
    if (first && queued === 0 && !this.ended) this.send([]);
    else this.armKeepalive();
  }

  /** The first FetchRequest: topic, permission, allocation, starting point. False if the stream ended. */
  private start(req: FetchRequest): boolean {
    const topic = req.topicName;
    if (topic === '') {
      this.fail(invalidArgument('The first FetchRequest must name a topic (topic_name).'));
      return false;
    }
    if (!this.bus.isChannel(topic)) {
      this.fail(notFound(`The topic ${topic} doesn't exist or isn't selected for Change Data Capture.`));
      return false;
    }
    const entity = entityOfChannel(topic);
    if (entity !== undefined && !this.allowed(entity)) {
      this.fail(permissionDenied(entity));
      return false;
    }
    if (this.remainingAllocation() <= 0) {
      this.fail(limitExceeded(this.rpcId));
      return false;
    }
    const outcome = this.replayFrom(topic, req);
    if (outcome === undefined || outcome.kind === 'invalid') {
      // The guide's example: an invalid replay id, "One possible cause is that it's an old Replay ID outside the
      // 72-hour retention period" (retry-rpc-calls), with this error code.
      this.fail(invalidArgument('The Replay ID validation failed.', ERROR_CODES.replayIdCorrupted));
      return false;
    }
    this.topic = topic;
    const keep = (e: PublishedEvent): boolean => this.allowed(e.entity);
    this.queue = [...(outcome.kind === 'gap' ? [outcome.gap] : []), ...outcome.events.filter(keep)];
    this.stopListening = this.bus.onEvent((e) => {
      if (!matches(topic, e) || !keep(e)) return;
      this.queue.push(e);
      this.pump();
    });
    return true;
  }

  /** LATEST (the default): new events only; EARLIEST: all retained; CUSTOM: those after replay_id (proto). */
  private replayFrom(topic: string, req: FetchRequest): ReplayOutcome | undefined {
    if (req.replayPreset === 'LATEST') {
      this.position = this.bus.latestReplayId();
      return this.bus.replay(topic, -1);
    }
    if (req.replayPreset === 'EARLIEST') return this.bus.replay(topic, -2);
    const id = replayIdFromBytes(req.replayId);
    if (id === undefined) return undefined;
    this.position = id;
    return this.bus.replay(topic, id);
  }

  private remainingAllocation(): number {
    const { org, now, cdc, allocation } = this.deps;
    return cdc().deliveryAllocation - allocation.used(org.id, now());
  }

  /** The replay id a client may store: the last delivered event, or the bus's newest once nothing waits. */
  private latestReplayId(): Buffer {
    const latest =
      this.queue.length === 0 ? Math.max(this.position, this.bus.latestReplayId()) : this.position;
    return replayIdBytes(latest);
  }

  private pump(): void {
    while (!this.ended && this.pending > 0 && this.queue.length > 0) {
      const remaining = this.remainingAllocation();
      if (remaining <= 0) return this.fail(limitExceeded(this.rpcId));
      const batch = this.queue.splice(0, Math.min(this.pending, this.queue.length, remaining));
      let events: ConsumerEventOut[];
      try {
        events = batch.map((e) => ({
          event: { ...this.deps.encode(this.deps.org, e), headers: [] },
          replayId: replayIdBytes(e.replayId),
        }));
      } catch (err) {
        this.deps.onInternalError(err);
        return this.fail(
          pubSubError(grpc.status.INTERNAL, 'An internal error occurred.', undefined, this.rpcId),
        );
      }
      this.pending -= batch.length;
      this.position = batch.at(-1)?.replayId ?? this.position;
      this.deps.allocation.record(this.deps.org.id, batch.length, this.deps.now());
      this.send(events);
    }
  }

  private send(events: ConsumerEventOut[]): void {
    this.call.write({
      events,
      latestReplayId: this.latestReplayId(),
      rpcId: this.rpcId,
      pendingNumRequested: this.pending,
    });
    this.armKeepalive();
  }

  /**
   * "If there are no events to deliver, the server sends an empty batch fetch response with the latest replay ID.
   * The empty fetch response is sent within 270 seconds" (proto, FetchResponse): here keepaliveMs after the last
   * response, whatever the pending count.
   */
  private armKeepalive(): void {
    if (this.ended || this.topic === undefined) return;
    clearTimeout(this.keepalive);
    this.keepalive = setTimeout(() => this.send([]), this.deps.cdc().keepaliveMs);
    this.keepalive.unref();
  }
}
