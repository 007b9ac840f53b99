// Test helper: a Change Data Capture subscriber over the Pub/Sub API as an outside client sees it — @grpc/grpc-js
// on the published proto (plain text on loopback), session metadata on every call, schemas fetched with GetSchema
// and payloads decoded with avsc, header bitmaps expanded to field names by the documented algorithm.
import * as grpc from '@grpc/grpc-js';
import avro from 'avsc';
import { z } from 'zod';
import { pubSubService } from '../pubsub/pubsubProto.ts';

export interface PubSubSession {
  accessToken: string;
  instanceUrl: string;
  orgId: string;
}

interface AvroRecordJson {
  fields: { name: string; type: unknown }[];
}

/** A compound field's record: the non-null branch of an optional union (as ChangeEventHeaderUtility.py does). */
function nestedRecord(type: unknown): AvroRecordJson | undefined {
  const branches = Array.isArray(type) ? type : [type];
  for (const t of branches) {
    if (t && typeof t === 'object' && Array.isArray((t as { fields?: unknown }).fields))
      return t as AvroRecordJson;
  }
  return undefined;
}

/** Names of the fields whose bits are set: hex → bits, least significant first = field 0 (…Utility.py). */
function namesOf(hexBitmap: string, record: AvroRecordJson): string[] {
  let bits = BigInt(hexBitmap);
  const names: string[] = [];
  for (let i = 0; bits > 0n; i++, bits >>= 1n) {
    if (bits & 1n) names.push(record.fields[i]?.name ?? `#${i}`);
  }
  return names;
}

/**
 * Expands a bitmap field (changedFields, nulledFields, diffFields) into field names, as Salesforce's
 * ChangeEventHeaderUtility.py does: the first element "0x…" is the top-level bitmap, every "{pos}-0x…" a nested
 * bitmap of the compound field at pos, named "Parent.Child".
 */
export function decodeBitmaps(bitmaps: readonly string[], schema: AvroRecordJson): string[] {
  const names: string[] = [];
  for (const bitmap of bitmaps) {
    if (bitmap.startsWith('0x')) {
      names.push(...namesOf(bitmap, schema));
      continue;
    }
    const [pos, nestedHex] = bitmap.split('-', 2);
    const parent = schema.fields[Number(pos)];
    const child = parent && nestedRecord(parent.type);
    if (!parent || !child || nestedHex === undefined) throw new Error(`bad nested bitmap ${bitmap}`);
    names.push(...namesOf(nestedHex, child).map((n) => `${parent.name}.${n}`));
  }
  return names;
}

const bytes = z.instanceof(Uint8Array).transform((b) => Buffer.from(b));
const fetchResponse = z.object({
  events: z.array(
    z.object({
      event: z.object({ id: z.string(), schemaId: z.string(), payload: bytes }),
      replayId: bytes,
    }),
  ),
  latestReplayId: bytes,
  rpcId: z.string(),
  pendingNumRequested: z.number(),
});
export type RawFetchResponse = z.infer<typeof fetchResponse>;

const header = z.object({
  entityName: z.string(),
  recordIds: z.array(z.string()),
  changeType: z.string(),
  changeOrigin: z.string(),
  transactionKey: z.string(),
  sequenceNumber: z.number(),
  commitTimestamp: z.number(),
  commitNumber: z.number(),
  commitUser: z.string(),
  nulledFields: z.array(z.string()),
  diffFields: z.array(z.string()),
  changedFields: z.array(z.string()),
});

export interface ReceivedChangeEvent {
  id: string;
  schemaId: string;
  replayId: number;
  /** The header as sent (bitmaps). */
  rawHeader: z.infer<typeof header>;
  /** The header with its bitmaps expanded to field names. */
  header: z.infer<typeof header>;
  /** Every record field of the schema (null when unchanged). */
  fields: Record<string, unknown>;
}

export const replayIdOf = (b: Buffer): number => Number(b.readBigUInt64BE());
export const replayIdBuffer = (n: number): Buffer => {
  const b = Buffer.alloc(8);
  b.writeBigUInt64BE(BigInt(n));
  return b;
};

type Unary = (
  request: object,
  metadata: grpc.Metadata,
  callback: (error: grpc.ServiceError | null, response?: unknown) => void,
) => void;
interface PubSubStub extends grpc.Client {
  GetTopic: Unary;
  GetSchema: Unary;
  Publish: Unary;
  Subscribe(metadata: grpc.Metadata): grpc.ClientDuplexStream<object, unknown>;
}

export const topicInfo = z.object({
  topicName: z.string(),
  tenantGuid: z.string(),
  canPublish: z.boolean(),
  canSubscribe: z.boolean(),
  schemaId: z.string(),
  rpcId: z.string(),
});

export class PubSubTestClient {
  readonly stub: PubSubStub;
  readonly session: PubSubSession;
  private readonly schemas = new Map<string, { json: AvroRecordJson; type: avro.Type }>();

  constructor(url: string, session: PubSubSession) {
    const u = new URL(url);
    if (u.hostname !== '127.0.0.1') throw new Error(`tests stay on loopback: ${url}`);
    const Service = pubSubService();
    this.stub = new Service(u.host, grpc.credentials.createInsecure()) as unknown as PubSubStub;
    this.session = session;
  }

  metadata(): grpc.Metadata {
    const m = new grpc.Metadata();
    m.set('accesstoken', this.session.accessToken);
    m.set('instanceurl', this.session.instanceUrl);
    m.set('tenantid', this.session.orgId);
    return m;
  }

  unary(method: 'GetTopic' | 'GetSchema' | 'Publish', request: object): Promise<unknown> {
    return new Promise((resolve, reject) =>
      this.stub[method](request, this.metadata(), (err, res) => (err ? reject(err) : resolve(res))),
    );
  }

  async topic(topicName: string): Promise<z.infer<typeof topicInfo>> {
    return topicInfo.parse(await this.unary('GetTopic', { topicName }));
  }

  async schema(schemaId: string): Promise<{ json: AvroRecordJson; type: avro.Type }> {
    let s = this.schemas.get(schemaId);
    if (!s) {
      const info = z
        .object({ schemaJson: z.string(), schemaId: z.string() })
        .parse(await this.unary('GetSchema', { schemaId }));
      const json = JSON.parse(info.schemaJson) as AvroRecordJson;
      s = { json, type: avro.Type.forSchema(json as Parameters<typeof avro.Type.forSchema>[0]) };
      this.schemas.set(schemaId, s);
    }
    return s;
  }

  async decode(e: RawFetchResponse['events'][number]): Promise<ReceivedChangeEvent> {
    const { json, type } = await this.schema(e.event.schemaId);
    const { ChangeEventHeader, ...fields } = {
      ...(type.fromBuffer(e.event.payload) as Record<string, unknown>),
    };
    const rawHeader = header.parse({ ...(ChangeEventHeader as object) });
    const expand = (b: string[]) => decodeBitmaps(b, json);
    return {
      id: e.event.id,
      schemaId: e.event.schemaId,
      replayId: replayIdOf(e.replayId),
      rawHeader,
      header: {
        ...rawHeader,
        nulledFields: expand(rawHeader.nulledFields),
        diffFields: expand(rawHeader.diffFields),
        changedFields: expand(rawHeader.changedFields),
      },
      fields: Object.fromEntries(
        Object.entries(fields).map(([k, v]) => [k, v && typeof v === 'object' ? { ...v } : v]),
      ),
    };
  }

  close(): void {
    this.stub.close();
  }
}

export interface SubscribeOptions {
  topic: string;
  preset?: 'LATEST' | 'EARLIEST' | 'CUSTOM';
  replayId?: number | Buffer;
  numRequested?: number;
}

/** One Subscribe stream: what arrived (raw and decoded), how it ended. */
export class CdcSubscriber {
  readonly responses: RawFetchResponse[] = [];
  readonly received: ReceivedChangeEvent[] = [];
  error: grpc.ServiceError | undefined;
  ended = false;
  private readonly call: grpc.ClientDuplexStream<object, unknown>;
  private decoding: Promise<void> = Promise.resolve();

  constructor(client: PubSubTestClient, options: SubscribeOptions) {
    this.call = client.stub.Subscribe(client.metadata());
    this.call.on('data', (raw: unknown) => {
      const res = fetchResponse.parse(raw);
      this.responses.push(res);
      this.decoding = this.decoding.then(async () => {
        for (const e of res.events) this.received.push(await client.decode(e));
      });
    });
    this.call.on('error', (err: grpc.ServiceError) => {
      if (err.code !== grpc.status.CANCELLED) this.error = err;
    });
    this.call.on('end', () => (this.ended = true));
    this.call.on('close', () => (this.ended = true));
    const { replayId } = options;
    this.call.write({
      topicName: options.topic,
      replayPreset: options.preset ?? 'LATEST',
      ...(replayId !== undefined && {
        replayId: typeof replayId === 'number' ? replayIdBuffer(replayId) : replayId,
      }),
      numRequested: options.numRequested ?? 100,
    });
  }

  request(numRequested: number): void {
    this.call.write({ numRequested });
  }

  replayIds(): number[] {
    return this.received.map((e) => e.replayId);
  }

  /** The error-code trailer of the status the stream ended with. */
  errorCode(): string | undefined {
    const v = this.error?.metadata.get('error-code')[0];
    return typeof v === 'string' ? v : undefined;
  }

  close(): void {
    this.call.cancel();
  }
}

/** Waits (real time) until `check` passes; fails after `ms`. */
export async function eventually(check: () => boolean, ms = 3_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 10));
  }
}

export const pause = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
