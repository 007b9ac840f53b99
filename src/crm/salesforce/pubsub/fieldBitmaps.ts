// The Pub/Sub API sends a change event header's changedFields, nulledFields and diffFields as bitmaps, not names
// (Pub/Sub API guide, "Event Deserialization Considerations"): the first element, "0x…", sets bit i for the field at
// position i of the event's Avro schema; a compound field's nested fields follow as "{parentPosition}-0x…" against
// the nested record's fields. Decoded here into the names CometD used to send ("LastName", "Name.FirstName").

/** What decoding needs of an Avro record schema: its fields in order (avsc's RecordType has this shape). */
export interface AvroRecordShape {
  readonly fields: ReadonlyArray<{ readonly name: string; readonly type: unknown }>;
}

export class BitmapError extends Error {}

const HEX = /^0x[0-9a-f]*$/i;

function namesSet(bitmap: string, fields: AvroRecordShape['fields']): string[] {
  if (!HEX.test(bitmap)) throw new BitmapError(`not a field bitmap: ${bitmap.slice(0, 40)}`);
  let bits = bitmap.length > 2 ? BigInt(bitmap) : 0n;
  const names: string[] = [];
  for (let i = 0; bits > 0n; i++, bits >>= 1n) {
    if ((bits & 1n) === 0n) continue;
    const field = fields[i];
    // A bit past the schema's fields: the event and its schema disagree, so no name here can be trusted.
    if (!field) throw new BitmapError(`bit ${i} names no field of the schema (${fields.length} fields)`);
    names.push(field.name);
  }
  return names;
}

/** The record inside an optional compound field (a union of null and a record). */
function nestedRecord(type: unknown): AvroRecordShape | null {
  const branches = (type as { types?: unknown } | null)?.types;
  const candidates = Array.isArray(branches) ? branches : [type];
  for (const t of candidates) {
    const fields = (t as { fields?: unknown } | null)?.fields;
    if (Array.isArray(fields)) return t as AvroRecordShape;
  }
  return null;
}

export function fieldNamesFromBitmaps(bitmaps: readonly string[], record: AvroRecordShape): string[] {
  const names: string[] = [];
  for (const bitmap of bitmaps) {
    const dash = bitmap.indexOf('-');
    if (dash === -1) {
      names.push(...namesSet(bitmap, record.fields));
      continue;
    }
    const position = Number(bitmap.slice(0, dash));
    const parent = Number.isInteger(position) ? record.fields[position] : undefined;
    const nested = parent ? nestedRecord(parent.type) : null;
    if (!parent || !nested) throw new BitmapError(`${bitmap.slice(0, 40)} names no compound field`);
    names.push(...namesSet(bitmap.slice(dash + 1), nested.fields).map((n) => `${parent.name}.${n}`));
  }
  return names;
}
