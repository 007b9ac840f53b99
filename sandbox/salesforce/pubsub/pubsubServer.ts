// The sandbox org's Pub/Sub API: a gRPC server for service eventbus.v1.PubSub (Salesforce's published proto) that
// serves the orgs' Change Data Capture topics (/data/<Entity>ChangeEvent, /data/ChangeEvents) from their change
// event buses: GetTopic, GetSchema and Subscribe. Change event topics can't be published to, and managed
// subscriptions (beta) are not served. Plain text on loopback only: the sandbox never listens on a network.
import * as grpc from '@grpc/grpc-js';
import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { CdcOptions, PublishedEvent } from '../cdc/changeEventBus.ts';
import type { Org } from '../state/org.ts';
import type { SalesforceState } from '../state/salesforceState.ts';
import { encodeChangeEvent } from './changeEventEncoding.ts';
import { changeEventSchema, type ChangeEventSchema } from './changeEventSchema.ts';
import { DeliveryAllocation } from './deliveryAllocation.ts';
import { callerOf, type PubSubCaller } from './pubsubAuth.ts';
import {
  invalidArgument,
  newRpcId,
  notFound,
  pubSubError,
  streamReset,
  unauthenticated,
  type PubSubStatus,
} from './pubsubErrors.ts';
import { pubSubService } from './pubsubProto.ts';
import {
  entityOfChannel,
  SubscribeStream,
  type EncodedEvent,
  type FetchResponseOut,
} from './subscribeStream.ts';

export interface PubSubDeps {
  state: SalesforceState;
  cdc: () => CdcOptions;
  onInternalError: (err: unknown) => void;
}

export interface RunningPubSubServer {
  /** http://127.0.0.1:<port>: plain-text gRPC (Baton accepts http: for loopback only). */
  url: string;
  port: number;
  server: grpc.Server;
  close(): void;
}

const topicRequest = z.object({ topicName: z.string().default('') });
const schemaRequest = z.object({ schemaId: z.string().default('') });
const publishRequest = z.object({ topicName: z.string().default('') });

/**
 * Publishing to a change event topic: GetTopic answers can_publish false for them, and the docs found say nothing of
 * what Publish answers; PERMISSION_DENIED without an error-code string is the sandbox's choice.
 */
const cannotPublish = (topic: string): PubSubStatus =>
  pubSubError(
    grpc.status.PERMISSION_DENIED,
    `Publishing to ${topic} isn't allowed: it's a change event topic.`,
    undefined,
  );

type UnaryCallback = (error: PubSubStatus | null, value?: object) => void;

export class PubSubService {
  private readonly deps: PubSubDeps;
  private readonly streams = new Set<SubscribeStream>();
  private readonly allocation = new DeliveryAllocation();
  /** Every schema served or used, by id, so GetSchema finds one an event named even after the fields changed. */
  private readonly schemas = new Map<string, ChangeEventSchema>();
  private readonly encoded = new WeakMap<PublishedEvent, EncodedEvent>();

  constructor(deps: PubSubDeps) {
    this.deps = deps;
  }

  /** Subscribe streams open now. */
  openStreams(): number {
    return this.streams.size;
  }

  /** Ends every open Subscribe stream with UNAVAILABLE, as a reset HTTP/2 stream does (handling-errors). */
  dropStreams(): void {
    for (const s of [...this.streams]) s.fail(streamReset());
  }

  /** Ends every open Subscribe stream with an OK status (a test fault: see SubscribeStream.close). */
  closeStreams(): void {
    for (const s of [...this.streams]) s.close();
  }

  /** Sends every open Subscribe stream a response it cannot read (a test fault). */
  sendUnreadable(): void {
    for (const s of this.streams) s.sendWithoutPayload();
  }

  private caller(metadata: grpc.Metadata): PubSubCaller | undefined {
    return callerOf(this.deps.state, metadata);
  }

  private schemaOf(org: Org, entity: string): ChangeEventSchema {
    const object = org.schemas.object(entity);
    if (!object) throw new Error(`No object ${entity} in org ${org.id}`);
    const schema = changeEventSchema(object);
    this.schemas.set(schema.schemaId, schema);
    return schema;
  }

  private encode(org: Org, event: PublishedEvent): EncodedEvent {
    const schema = this.schemaOf(org, event.entity);
    const cached = this.encoded.get(event);
    if (cached?.schemaId === schema.schemaId) return cached;
    const encoded: EncodedEvent = {
      // "Either a user-provided ID or a system generated guid" (proto, ProducerEvent.id): a UUID-shaped id derived
      // from the org and event, so a replayed event keeps its id.
      id: uuidOf(`${org.id}/${event.replayId}/${event.message.payload.ChangeEventHeader.changeType}`),
      schemaId: schema.schemaId,
      payload: encodeChangeEvent(event.message, schema),
    };
    this.encoded.set(event, encoded);
    return encoded;
  }

  private getTopic(call: grpc.ServerUnaryCall<unknown, object>, callback: UnaryCallback): void {
    const caller = this.caller(call.metadata);
    if (!caller) return callback(unauthenticated());
    const req = topicRequest.safeParse(call.request);
    if (!req.success) return callback(invalidArgument('The TopicRequest is not valid.'));
    const { topicName } = req.data;
    const { org } = caller;
    if (!org.changeEvents.isChannel(topicName))
      return callback(notFound(`The topic ${topicName} doesn't exist.`));
    const entity = entityOfChannel(topicName);
    const { subscribeDenied, entities } = this.deps.cdc();
    callback(null, {
      topicName,
      tenantGuid: org.id,
      canPublish: false,
      canSubscribe:
        entity === undefined
          ? entities.some((e) => !subscribeDenied.includes(e))
          : !subscribeDenied.includes(entity),
      // /data/ChangeEvents carries several entities' events, each naming its own schema: the docs don't say what
      // GetTopic answers for it, so no schema id here.
      schemaId: entity === undefined ? '' : this.schemaOf(org, entity).schemaId,
      rpcId: newRpcId(),
    });
  }

  private getSchema(call: grpc.ServerUnaryCall<unknown, object>, callback: UnaryCallback): void {
    const caller = this.caller(call.metadata);
    if (!caller) return callback(unauthenticated());
    const req = schemaRequest.safeParse(call.request);
    if (!req.success) return callback(invalidArgument('The SchemaRequest is not valid.'));
    const { schemaId } = req.data;
    // The org's current schemas, then any served before (a change event names the schema it was encoded with).
    for (const entity of this.deps.cdc().entities)
      if (caller.org.schemas.object(entity)) this.schemaOf(caller.org, entity);
    const schema = this.schemas.get(schemaId);
    if (!schema) return callback(notFound(`The schema ${schemaId} doesn't exist.`));
    callback(null, { schemaJson: schema.schemaJson, schemaId: schema.schemaId, rpcId: newRpcId() });
  }

  private publishRefusal(metadata: grpc.Metadata, raw: unknown): PubSubStatus {
    const caller = this.caller(metadata);
    if (!caller) return unauthenticated();
    const req = publishRequest.safeParse(raw);
    if (!req.success) return invalidArgument('The PublishRequest is not valid.');
    const topic = req.data.topicName;
    return caller.org.changeEvents.isChannel(topic)
      ? cannotPublish(topic)
      : notFound(`The topic ${topic} doesn't exist.`);
  }

  private subscribe(call: grpc.ServerDuplexStream<unknown, FetchResponseOut>): void {
    const caller = this.caller(call.metadata);
    if (!caller) {
      call.emit('error', unauthenticated());
      return;
    }
    const stream: SubscribeStream = new SubscribeStream(call, {
      org: caller.org,
      now: () => this.deps.state.clock.now(),
      cdc: this.deps.cdc,
      allocation: this.allocation,
      encode: (org, e) => this.encode(org, e),
      onInternalError: this.deps.onInternalError,
      onEnd: () => this.streams.delete(stream),
    });
    this.streams.add(stream);
  }

  /** The handlers, keyed by the proto's method names. */
  implementation(): grpc.UntypedServiceImplementation {
    return {
      GetTopic: (call: grpc.ServerUnaryCall<unknown, object>, callback: UnaryCallback) =>
        this.getTopic(call, callback),
      GetSchema: (call: grpc.ServerUnaryCall<unknown, object>, callback: UnaryCallback) =>
        this.getSchema(call, callback),
      Publish: (call: grpc.ServerUnaryCall<unknown, object>, callback: UnaryCallback) =>
        callback(this.publishRefusal(call.metadata, call.request)),
      PublishStream: (call: grpc.ServerDuplexStream<unknown, object>) => {
        const caller = this.caller(call.metadata);
        if (!caller) return void call.emit('error', unauthenticated());
        call.once('data', (raw: unknown) => call.emit('error', this.publishRefusal(call.metadata, raw)));
      },
      // Managed subscriptions are a beta (proto) the sandbox doesn't serve: UNIMPLEMENTED is its choice.
      ManagedSubscribe: (call: grpc.ServerDuplexStream<unknown, object>) =>
        void call.emit(
          'error',
          pubSubError(grpc.status.UNIMPLEMENTED, 'Managed subscriptions are not available.', undefined),
        ),
      Subscribe: (call: grpc.ServerDuplexStream<unknown, FetchResponseOut>) => this.subscribe(call),
    };
  }
}

function uuidOf(text: string): string {
  const h = createHash('sha256').update(text).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

/** Serves `service` on host:port (127.0.0.1, any free port by default) with plain-text credentials. */
export async function startPubSubServer(
  service: PubSubService,
  port = 0,
  host = '127.0.0.1',
): Promise<RunningPubSubServer> {
  const server = new grpc.Server();
  server.addService(pubSubService().service, service.implementation());
  const address = host.includes(':') ? `[${host}]` : host;
  const bound = await new Promise<number>((resolve, reject) =>
    server.bindAsync(`${address}:${port}`, grpc.ServerCredentials.createInsecure(), (err, p) =>
      err ? reject(err) : resolve(p),
    ),
  );
  return {
    url: `http://${address}:${bound}`,
    port: bound,
    server,
    close: () => server.forceShutdown(),
  };
}
