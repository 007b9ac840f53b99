// A Pub/Sub API change event → the message Baton maps (changeEvents.ts): the Avro payload decoded with the schema
// its schema id names (GetSchema, fetched once per id), the header's field bitmaps turned into names, and the
// opaque replay id kept as base64 (Pub/Sub API guide, "Event Message Durability": store it, never compute with it).
import avro from 'avsc';
import type { ChangeEventMessage } from '../changeEvents.ts';
import { changeEventMessageSchema } from '../changeEvents.ts';
import { fieldNamesFromBitmaps, type AvroRecordShape } from './fieldBitmaps.ts';
import type { FetchResponse } from './pubSubClient.ts';

type ConsumerEvent = FetchResponse['events'][number];

export class UnreadableEvent extends Error {}

export const replayIdText = (replayId: Buffer): string => replayId.toString('base64');

export class ChangeEventDecoder {
  private readonly schemaJson: (schemaId: string) => Promise<string>;
  private readonly types = new Map<string, Promise<avro.Type>>();

  constructor(schemaJson: (schemaId: string) => Promise<string>) {
    this.schemaJson = schemaJson;
  }

  private typeOf(schemaId: string): Promise<avro.Type> {
    let type = this.types.get(schemaId);
    if (!type) {
      type = this.schemaJson(schemaId).then((json) => avro.Type.forSchema(JSON.parse(json) as avro.Schema));
      // A failed fetch is asked again next time rather than remembered.
      type.catch(() => this.types.delete(schemaId));
      this.types.set(schemaId, type);
    }
    return type;
  }

  /** Throws UnreadableEvent when the bytes do not fit the schema; a schema that cannot be fetched rethrows. */
  async decode(event: ConsumerEvent): Promise<ChangeEventMessage> {
    const type = await this.typeOf(event.event.schemaId);
    let payload: Record<string, unknown>;
    try {
      payload = type.fromBuffer(event.event.payload) as Record<string, unknown>;
      const header = payload.ChangeEventHeader as Record<string, unknown> | undefined;
      if (header && Array.isArray(header.changedFields)) {
        header.changedFields = fieldNamesFromBitmaps(
          header.changedFields as string[],
          type as unknown as AvroRecordShape,
        );
      }
    } catch (error) {
      throw new UnreadableEvent(
        `undecodable event: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
    const parsed = changeEventMessageSchema.safeParse({
      payload,
      event: { replayId: replayIdText(event.replayId) },
    });
    if (!parsed.success)
      throw new UnreadableEvent(`unexpected event: ${parsed.error.issues[0]?.message ?? ''}`);
    return parsed.data;
  }
}
