// The Avro schema of an entity's change event (<Entity>ChangeEvent, namespace com.sforce.eventbus) as the Pub/Sub
// API serves it from GetSchema, built from the org's current field specs: field 0 is the ChangeEventHeader, then
// every record field that change events carry as an optional value (CDC guide, cdc_message_structure: "All the
// record fields, including the unchanged fields … Unchanged fields are null"; Id, IsDeleted and SystemModstamp are
// not in change events). The Lead's (and User's) first, last name and salutation travel in the compound Name record.
import avro from 'avsc';
import { createHash } from 'node:crypto';
import { hasCompoundName, NAME_PARTS } from '../cdc/changeEventMessage.ts';
import type { FieldSpec, FieldType } from '../model/fieldSpec.ts';
import type { SObjectSchema } from '../model/objectSchema.ts';

export const NAMESPACE = 'com.sforce.eventbus';

type AvroSchema = Parameters<typeof avro.Type.forSchema>[0];

/** Not in change events (cdc_message_structure): the id travels in recordIds. */
const NOT_IN_EVENTS = new Set(['Id', 'IsDeleted', 'SystemModstamp']);

/** CDC guide, cdc_event_fields_header (changeType values; SNAPSHOT is reserved for future use). */
export const CHANGE_TYPES = [
  'CREATE',
  'UPDATE',
  'DELETE',
  'UNDELETE',
  'GAP_CREATE',
  'GAP_UPDATE',
  'GAP_DELETE',
  'GAP_UNDELETE',
  'GAP_OVERFLOW',
  'SNAPSHOT',
] as const;

/** The header in the order of the Pub/Sub payload example (CDC guide 252.0, cdc_message_structure). */
const HEADER = {
  type: 'record',
  name: 'ChangeEventHeader',
  fields: [
    { name: 'entityName', type: 'string' },
    { name: 'recordIds', type: { type: 'array', items: 'string' } },
    { name: 'changeType', type: { type: 'enum', name: 'ChangeType', symbols: [...CHANGE_TYPES] } },
    { name: 'changeOrigin', type: 'string' },
    { name: 'transactionKey', type: 'string' },
    { name: 'sequenceNumber', type: 'int' },
    // "represented as the number of milliseconds since January 1, 1970" (Apex EventBus.ChangeEventHeader).
    { name: 'commitTimestamp', type: 'long' },
    { name: 'commitNumber', type: 'long' },
    { name: 'commitUser', type: 'string' },
    { name: 'nulledFields', type: { type: 'array', items: 'string' } },
    { name: 'diffFields', type: { type: 'array', items: 'string' } },
    { name: 'changedFields', type: { type: 'array', items: 'string' } },
  ],
} as const;

export type AvroValueType = 'string' | 'boolean' | 'int' | 'double' | 'long';

/**
 * Record field types. Dates and datetimes are epoch milliseconds in a long: "Date fields are in Epoch time"
 * (Streaming API guide, cdc_event_diff_pubsub_cometd). The docs show no schema for date-only fields or numbers:
 * assumed here a long at UTC midnight for dates, int for int fields, double for double/currency/percent.
 */
export function avroTypeOf(type: FieldType): AvroValueType {
  switch (type) {
    case 'boolean':
      return 'boolean';
    case 'int':
      return 'int';
    case 'double':
    case 'currency':
    case 'percent':
      return 'double';
    case 'date':
    case 'datetime':
      return 'long';
    default:
      return 'string';
  }
}

/** A top-level record field of the event: a plain value or the compound Name. */
export type EventField =
  { kind: 'value'; name: string; spec: FieldSpec; avroType: AvroValueType } | { kind: 'name'; name: 'Name' };

export interface ChangeEventSchema {
  entity: string;
  /** Schema fingerprint (the proto: "Schema fingerprint for this event, which is a hash of the schema"). */
  schemaId: string;
  schemaJson: string;
  type: avro.Type;
  /** Record fields in schema order; position = index + 1 (field 0 is the header). */
  fields: readonly EventField[];
}

const optional = (type: unknown) => ({ type: ['null', type], default: null });

function eventFields(object: SObjectSchema): EventField[] {
  const compound = hasCompoundName(object.name);
  const out: EventField[] = [];
  let nameAdded = false;
  for (const spec of object.fields) {
    if (NOT_IN_EVENTS.has(spec.name)) continue;
    if (compound && (spec.name === 'Name' || (NAME_PARTS as readonly string[]).includes(spec.name))) {
      // The compound field takes the place of the first of its parts in the object's field order.
      if (!nameAdded) out.push({ kind: 'name', name: 'Name' });
      nameAdded = true;
      continue;
    }
    out.push({ kind: 'value', name: spec.name, spec, avroType: avroTypeOf(spec.type) });
  }
  return out;
}

/** A stable id per schema: the same fields give the same id in every run; a changed field list gives another. */
export const schemaIdOf = (schemaJson: string): string =>
  createHash('sha256').update(schemaJson).digest('base64url').slice(0, 22);

function build(object: SObjectSchema): ChangeEventSchema {
  const fields = eventFields(object);
  const schema = {
    type: 'record',
    name: `${object.name}ChangeEvent`,
    namespace: NAMESPACE,
    fields: [
      { name: 'ChangeEventHeader', type: HEADER },
      ...fields.map((f) =>
        f.kind === 'name'
          ? {
              name: 'Name',
              ...optional({
                type: 'record',
                name: 'Name',
                fields: NAME_PARTS.map((p) => ({ name: p, ...optional('string') })),
              }),
            }
          : { name: f.name, ...optional(f.avroType) },
      ),
    ],
  };
  const schemaJson = JSON.stringify(schema);
  return {
    entity: object.name,
    schemaId: schemaIdOf(schemaJson),
    schemaJson,
    type: avro.Type.forSchema(schema as AvroSchema),
    fields,
  };
}

// The registry replaces an object's schema when its fields change (custom fields installed), so identity works.
const cache = new WeakMap<SObjectSchema, ChangeEventSchema>();

export function changeEventSchema(object: SObjectSchema): ChangeEventSchema {
  let s = cache.get(object);
  if (!s) {
    s = build(object);
    cache.set(object, s);
  }
  return s;
}
