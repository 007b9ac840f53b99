// A client of Salesforce's Pub/Sub API (gRPC over HTTP/2, service eventbus.v1.PubSub in the published proto beside
// this file) for one org: GetTopic, GetSchema and the Subscribe stream, each call carrying the org's session as the
// proto's service comment asks (metadata accesstoken, instanceurl, tenantid). Responses are checked here, so the
// change stream only sees what the proto promises.
import * as grpc from '@grpc/grpc-js';
import * as protoLoader from '@grpc/proto-loader';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

/** Salesforce's endpoint (Pub/Sub API guide, "Pub/Sub API Endpoint"). */
export const SALESFORCE_PUBSUB_URL = 'https://api.pubsub.salesforce.com:7443';

/** The most events one FetchRequest may ask for (Pub/Sub API guide, flow control: num_requested ≤ 100). */
export const MAX_NUM_REQUESTED = 100;

const PROTO_FILE = fileURLToPath(new URL('./pubsub_api.proto', import.meta.url));

export interface OrgSession {
  accessToken: string;
  instanceUrl: string;
  /** The org id (tenantid in the proto's words). */
  orgId: string;
}

export interface FetchRequest {
  topicName: string;
  replayPreset?: 'LATEST' | 'EARLIEST' | 'CUSTOM';
  replayId?: Buffer;
  numRequested: number;
}

const bytes = z.instanceof(Uint8Array).transform((b) => Buffer.from(b));

const topicInfoSchema = z.object({
  topicName: z.string(),
  canSubscribe: z.boolean(),
  schemaId: z.string(),
});
export type TopicInfo = z.infer<typeof topicInfoSchema>;

const schemaInfoSchema = z.object({ schemaId: z.string(), schemaJson: z.string().min(2) });

export const fetchResponseSchema = z.object({
  events: z
    .array(
      z.object({
        event: z.object({ id: z.string(), schemaId: z.string().min(1), payload: bytes }),
        replayId: bytes,
      }),
    )
    .max(10_000),
  latestReplayId: bytes,
  pendingNumRequested: z.number().int(),
});
export type FetchResponse = z.infer<typeof fetchResponseSchema>;

type Unary = (
  request: object,
  metadata: grpc.Metadata,
  options: grpc.CallOptions,
  callback: (error: grpc.ServiceError | null, response?: unknown) => void,
) => grpc.ClientUnaryCall;

interface GeneratedPubSubClient extends grpc.Client {
  GetTopic: Unary;
  GetSchema: Unary;
  Subscribe(metadata: grpc.Metadata): grpc.ClientDuplexStream<FetchRequest, unknown>;
}

let serviceConstructor: grpc.ServiceClientConstructor | undefined;

function pubSubService(): grpc.ServiceClientConstructor {
  if (!serviceConstructor) {
    const definition = protoLoader.loadSync(PROTO_FILE, { keepCase: false, enums: String, defaults: true });
    const eventbus = grpc.loadPackageDefinition(definition).eventbus as grpc.GrpcObject;
    serviceConstructor = (eventbus.v1 as grpc.GrpcObject).PubSub as grpc.ServiceClientConstructor;
  }
  return serviceConstructor;
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * The channel for a Pub/Sub endpoint URL: https with the system's roots (Salesforce), or plain text for http —
 * only on this machine (the sandbox org), so a session is never sent in the clear over a network.
 */
export function pubSubTarget(url: string): { address: string; credentials: grpc.ChannelCredentials } {
  const u = new URL(url);
  const port = u.port || (u.protocol === 'https:' ? '443' : '80');
  if (u.protocol === 'https:')
    return { address: `${u.hostname}:${port}`, credentials: grpc.credentials.createSsl() };
  if (u.protocol === 'http:' && LOOPBACK.has(u.hostname))
    return { address: `${u.hostname}:${port}`, credentials: grpc.credentials.createInsecure() };
  throw new Error(`Pub/Sub API URL must be https (or http on this machine): ${url}`);
}

export class PubSubClient {
  private readonly client: GeneratedPubSubClient;
  private readonly session: () => Promise<OrgSession>;
  private readonly timeoutMs: number;

  constructor(url: string, session: () => Promise<OrgSession>, timeoutMs = 30_000) {
    const { address, credentials } = pubSubTarget(url);
    const Service = pubSubService();
    this.client = new Service(address, credentials, {
      // HTTP/2 pings keep an idle stream's connection open through proxies and notice a dead peer.
      'grpc.keepalive_time_ms': 60_000,
      'grpc.keepalive_timeout_ms': 20_000,
      // A batch may hold up to 100 events of up to 1 MB each (CDC allocations: event message size).
      'grpc.max_receive_message_length': 128 * 1024 * 1024,
    }) as unknown as GeneratedPubSubClient;
    this.session = session;
    this.timeoutMs = timeoutMs;
  }

  async metadata(): Promise<grpc.Metadata> {
    const s = await this.session();
    const m = new grpc.Metadata();
    m.set('accesstoken', s.accessToken);
    m.set('instanceurl', s.instanceUrl);
    m.set('tenantid', s.orgId);
    return m;
  }

  async topic(topicName: string): Promise<TopicInfo> {
    return topicInfoSchema.parse(await this.unary('GetTopic', { topicName }));
  }

  /** The Avro schema (JSON) an event's schema id names. */
  async schemaJson(schemaId: string): Promise<string> {
    return schemaInfoSchema.parse(await this.unary('GetSchema', { schemaId })).schemaJson;
  }

  async subscribe(): Promise<grpc.ClientDuplexStream<FetchRequest, unknown>> {
    return this.client.Subscribe(await this.metadata());
  }

  close(): void {
    this.client.close();
  }

  private async unary(method: 'GetTopic' | 'GetSchema', request: object): Promise<unknown> {
    const metadata = await this.metadata();
    return new Promise((resolve, reject) => {
      this.client[method](request, metadata, { deadline: Date.now() + this.timeoutMs }, (error, response) =>
        error ? reject(error) : resolve(response),
      );
    });
  }
}

/** The Pub/Sub API's own error code, sent in the trailers (Pub/Sub API guide, "Handle Errors"). */
export function pubSubErrorCode(error: unknown): string | null {
  const metadata = (error as { metadata?: unknown } | null)?.metadata;
  if (!(metadata instanceof grpc.Metadata)) return null;
  const value = metadata.get('error-code')[0];
  return typeof value === 'string' ? value : null;
}

export const grpcStatusOf = (error: unknown): grpc.status | null => {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'number' ? (code as grpc.status) : null;
};

export { grpc };
