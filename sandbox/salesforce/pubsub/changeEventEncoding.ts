// A bus event in the Pub/Sub API's form: the Avro binary payload of the entity's change event schema, with every
// record field present (unchanged ones null) and the header's changedFields, nulledFields and diffFields as field
// bitmaps (Pub/Sub API guide, event-deserialization-considerations).
import { NAME_PARTS, type CdcMessage } from '../cdc/changeEventMessage.ts';
import type { FieldValue } from '../model/fieldSpec.ts';
import type { AvroValueType, ChangeEventSchema } from './changeEventSchema.ts';

/**
 * Hex of a bitmask, as in the guide's example ['0x650004E0','4-0x10','7-0x06']: "0x" then upper-case digits
 * (the example's case), padded to whole bytes because Salesforce's Java example (EventParser.java,
 * convertHexStringToBitSet) reads the digits in pairs.
 */
function hex(bits: bigint): string {
  const digits = bits.toString(16).toUpperCase();
  return `0x${digits.length % 2 === 0 ? digits : `0${digits}`}`;
}

/** What bitmaps need of a schema: its top-level field names by position, and a compound field's parts. */
export type BitmapLayout = readonly { name: string; parts?: readonly string[] }[];

/** Position 0 is the ChangeEventHeader; the compound Name has its parts in the order of its record. */
export const bitmapLayoutOf = (schema: ChangeEventSchema): BitmapLayout => [
  { name: 'ChangeEventHeader' },
  ...schema.fields.map((f) => (f.kind === 'name' ? { name: f.name, parts: NAME_PARTS } : { name: f.name })),
];

/**
 * Field names ("Title", "Name.FirstName") → the bitmap strings the Pub/Sub API sends: first the top-level bitmap
 * (bit i = schema field i; "The first element of the array contains a bitmap for the individual non-compound
 * fields"), then "{parentPosition}-0x…" per compound field with changed parts, by position (Salesforce's decoders,
 * ChangeEventHeaderUtility.py and EventParser.java, read them after the first element). Choices where the guide is
 * silent: an empty list stays [] (as in the Python README's example, 'nulledFields': []); a compound's own bit is
 * not set in the top-level bitmap, so decoders list "Name.FirstName" as CometD did, not "Name" as well; when only
 * nested fields changed, the top-level element is "0x00". Names the schema lacks are left out.
 */
export function fieldBitmaps(names: readonly string[], layout: BitmapLayout): string[] {
  let top = 0n;
  const nested = new Map<number, bigint>();
  for (const name of names) {
    const [parent, part] = name.split('.', 2);
    const position = layout.findIndex((f) => f.name === parent);
    if (position === -1) continue;
    if (part === undefined) {
      top |= 1n << BigInt(position);
      continue;
    }
    const p = layout[position]?.parts?.indexOf(part) ?? -1;
    if (p !== -1) nested.set(position, (nested.get(position) ?? 0n) | (1n << BigInt(p)));
  }
  if (top === 0n && nested.size === 0) return [];
  return [
    hex(top),
    ...[...nested.entries()].sort(([a], [b]) => a - b).map(([position, bits]) => `${position}-${hex(bits)}`),
  ];
}

/** A bus value (change-event JSON form: ISO datetimes, YYYY-MM-DD dates) as the schema's Avro type. */
function avroValue(type: AvroValueType, v: unknown, field: string): string | number | boolean | null {
  if (v === null || v === undefined) return null;
  switch (type) {
    case 'long': {
      // Dates and datetimes: epoch ms (a date at UTC midnight, assumed; see avroTypeOf).
      const ms =
        typeof v === 'number'
          ? v
          : typeof v === 'string'
            ? Date.parse(/T/.test(v) ? v : `${v}T00:00:00Z`)
            : NaN;
      if (!Number.isFinite(ms)) throw new Error(`${field}: not a date or datetime: ${String(v)}`);
      return ms;
    }
    case 'int':
    case 'double':
      if (typeof v !== 'number') throw new Error(`${field}: not a number: ${String(v)}`);
      return v;
    case 'boolean':
      if (typeof v !== 'boolean') throw new Error(`${field}: not a boolean: ${String(v)}`);
      return v;
    case 'string':
      return typeof v === 'string' ? v : String(v as FieldValue);
  }
}

/** The record avsc encodes: header with bitmaps, then every schema field (null unless the event carries it). */
export function avroRecord(message: CdcMessage, schema: ChangeEventSchema): Record<string, unknown> {
  const { ChangeEventHeader: h, ...values } = message.payload;
  const layout = bitmapLayoutOf(schema);
  const record: Record<string, unknown> = {
    ChangeEventHeader: {
      entityName: h.entityName,
      recordIds: h.recordIds,
      changeType: h.changeType,
      changeOrigin: h.changeOrigin,
      transactionKey: h.transactionKey,
      sequenceNumber: h.sequenceNumber,
      commitTimestamp: h.commitTimestamp,
      commitNumber: h.commitNumber,
      commitUser: h.commitUser,
      nulledFields: fieldBitmaps(h.nulledFields, layout),
      diffFields: fieldBitmaps(h.diffFields, layout),
      changedFields: fieldBitmaps(h.changedFields, layout),
    },
  };
  for (const f of schema.fields) {
    const v = values[f.name];
    if (f.kind === 'value') {
      record[f.name] = avroValue(f.avroType, v, f.name);
      continue;
    }
    const parts = (v ?? null) as Record<string, unknown> | null;
    record.Name =
      parts === null
        ? null
        : Object.fromEntries(NAME_PARTS.map((p) => [p, avroValue('string', parts[p], `Name.${p}`)]));
  }
  return record;
}

export const encodeChangeEvent = (message: CdcMessage, schema: ChangeEventSchema): Buffer =>
  schema.type.toBuffer(avroRecord(message, schema));
