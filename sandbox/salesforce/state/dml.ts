// The write pipeline every create, update and delete goes through, whoever makes it (REST, collections, UI
// API, simulated users): field-level checks (unknown, read-only, types, lengths, references), the object's
// rules, required fields, audit fields, then the write into the transaction.
import type { FieldSpec, FieldValue } from '../model/fieldSpec.ts';
import { checkValue, coerceInput } from '../model/fieldValues.ts';
import { canonicalId, keyPrefixOf } from '../model/ids.ts';
import type { SObjectSchema } from '../model/objectSchema.ts';
import {
  cannotDelete,
  cannotInsert,
  cannotUpdate,
  entityDeleted,
  idOfIncorrectType,
  idOnInsert,
  invalidCrossReference,
  malformedId,
  noSuchField,
  notWritable,
  RecordError,
  requiredFieldsMissing,
} from '../model/recordError.ts';
import type { OrgContext, WriteContext } from './orgContext.ts';
import type { SObjectRecord, Values } from './recordStore.ts';
import { rulesFor } from './rules/index.ts';

/** Fields of a request, coerced to their types; names the object does not have are kept apart. */
export interface PreparedFields {
  values: Values;
  unknown: string[];
}

/** Coerces JSON fields (throws InputTypeError, which fails the whole request as JSON_PARSER_ERROR). */
export function prepareFields(org: OrgContext, type: string, raw: Record<string, unknown>): PreparedFields {
  const values: Values = {};
  const unknown: string[] = [];
  for (const [name, value] of Object.entries(raw)) {
    if (name === 'attributes') continue;
    const f = org.schemas.field(type, name);
    if (!f) unknown.push(name);
    else values[f.name] = coerceInput(f, value);
  }
  return { values, unknown };
}

/** Objects the sandbox does not store but whose ids appear in references (conversion results). */
const UNSTORED_PREFIXES: Record<string, string> = {
  '001': 'Account',
  '003': 'Contact',
  '006': 'Opportunity',
};

function checkReference(org: OrgContext, f: FieldSpec, value: FieldValue): FieldValue {
  if (typeof value !== 'string') return value;
  const id = canonicalId(value);
  if (!id) throw malformedId(f.label, f.name, value);
  const target = org.schemas.byKeyPrefix(keyPrefixOf(id))?.name ?? UNSTORED_PREFIXES[keyPrefixOf(id)];
  if (!target || !(f.referenceTo ?? []).includes(target)) throw idOfIncorrectType(f.label, f.name, value);
  if (org.schemas.object(target) && !org.store.live(target, id)) throw invalidCrossReference(f.name);
  return id;
}

function checkedValues(org: OrgContext, schema: SObjectSchema, values: Values): Values {
  const out: Values = {};
  for (const [name, v] of Object.entries(values)) {
    const f = org.schemas.field(schema.name, name);
    if (!f) continue;
    const problem = checkValue(f, v);
    if (problem) throw problem;
    out[f.name] = f.type === 'reference' ? checkReference(org, f, v) : v;
  }
  return out;
}

function requireSchema(org: OrgContext, type: string): SObjectSchema {
  const schema = org.schemas.object(type);
  if (!schema) throw new RecordError('INVALID_TYPE', `sObject type '${type}' is not supported.`);
  return schema;
}

function checkRequired(schema: SObjectSchema, values: Values): void {
  const missing = schema.fields
    .filter((f) => f.required && (values[f.name] ?? null) === null)
    .map((f) => f.name);
  if (missing.length > 0) throw requiredFieldsMissing(missing);
}

function defaults(schema: SObjectSchema, ctx: WriteContext): Values {
  const { now, actor } = ctx.tx;
  const values: Values = {};
  for (const f of schema.fields) {
    values[f.name] =
      f.type === 'boolean' ? false : (f.picklist?.values.find((p) => p.defaultValue)?.value ?? null);
  }
  const audit: Values = {
    IsDeleted: false,
    CreatedDate: now,
    CreatedById: actor.userId,
    LastModifiedDate: now,
    LastModifiedById: actor.userId,
    SystemModstamp: now,
    OwnerId: actor.userId,
  };
  for (const [k, v] of Object.entries(audit)) if (k in values) values[k] = v;
  return values;
}

/** Values only the platform sets (conversion, completion time of a logged call): they skip the read-only check. */
export interface SystemValues {
  system?: Values;
}

/**
 * Custom validation rules run after before-save automation and system validation (Apex Developer Guide, "Triggers
 * and Order of Execution": "runs most system validation steps again and runs custom validation rules"); the first
 * rule that refuses fails the record with FIELD_CUSTOM_VALIDATION_EXCEPTION and the rule's message (errorcodes.htm).
 */
function checkValidationRules(org: OrgContext, object: string, next: Values, prev: Values | undefined): void {
  const refusing = org.validationRules.find((r) => r.object === object && r.refuses(next, prev));
  if (refusing)
    throw new RecordError(
      'FIELD_CUSTOM_VALIDATION_EXCEPTION',
      refusing.message,
      refusing.field ? [refusing.field] : [],
    );
}

export function insertRecord(
  ctx: WriteContext,
  type: string,
  input: PreparedFields,
  opts: SystemValues = {},
): SObjectRecord {
  const { org, tx } = ctx;
  const schema = requireSchema(org, type);
  if (!schema.createable) throw cannotInsert(schema.label);
  const [unknown] = input.unknown;
  if (unknown !== undefined) throw noSuchField(schema.name, unknown);
  if ('Id' in input.values) throw idOnInsert();
  const readOnly = Object.keys(input.values).filter((n) => !org.schemas.field(schema.name, n)?.createable);
  if (readOnly.length > 0) throw notWritable(readOnly);
  const next = { ...defaults(schema, ctx), ...checkedValues(org, schema, input.values), ...opts.system };
  const rules = rulesFor(schema.name);
  rules.beforeSave?.(ctx, next, undefined);
  checkRequired(schema, next);
  checkValidationRules(org, schema.name, next, undefined);
  const record: SObjectRecord = { type: schema.name, id: org.newId(schema.keyPrefix), values: next };
  next.Id = record.id;
  tx.insert(record);
  rules.afterSave?.(ctx, record, undefined);
  return record;
}

/** The live record to change, or the per-record error Salesforce gives for it. */
export function recordToChange(org: OrgContext, schema: SObjectSchema, rawId: string): SObjectRecord {
  const id = canonicalId(rawId);
  if (!id || keyPrefixOf(id) !== schema.keyPrefix) throw malformedId(`${schema.label} ID`, 'Id', rawId);
  const current = org.store.get(schema.name, id);
  if (!current) throw invalidCrossReference('Id');
  if (current.values.IsDeleted === true) throw entityDeleted();
  return current;
}

/** The audit fields an update stamps, for the objects that have them. */
function audited(prev: Values, tx: WriteContext['tx']): Values {
  const stamps: Values = {
    LastModifiedDate: tx.now,
    LastModifiedById: tx.actor.userId,
    SystemModstamp: tx.now,
  };
  return Object.fromEntries(Object.entries(stamps).filter(([k]) => k in prev));
}

export function updateRecord(
  ctx: WriteContext,
  type: string,
  rawId: string,
  input: PreparedFields,
  opts: SystemValues = {},
): SObjectRecord {
  const { org, tx } = ctx;
  const schema = requireSchema(org, type);
  if (!schema.updateable) throw cannotUpdate(schema.label);
  const current = recordToChange(org, schema, rawId);
  // Another transaction holds the row (a bulk job, a flow, an integration): the record fails with UNABLE_TO_LOCK_ROW
  // (REST API "Status Codes and Error Responses", errorcodes.htm) and a later attempt succeeds once the lock is gone.
  // How long Salesforce waits for the lock first is not in the REST docs; the message is as jsforce users report it.
  if ((org.rowLocks.get(current.id) ?? 0) > tx.now)
    throw new RecordError(
      'UNABLE_TO_LOCK_ROW',
      'unable to obtain exclusive access to this record or 1 records',
    );
  const rules = rulesFor(schema.name);
  rules.guardUpdate?.(ctx, current);
  const [unknown] = input.unknown;
  if (unknown !== undefined) throw noSuchField(schema.name, unknown);
  const { Id: _ignored, ...changes } = input.values;
  const readOnly = Object.keys(changes).filter((n) => !org.schemas.field(schema.name, n)?.updateable);
  if (readOnly.length > 0) throw notWritable(readOnly);
  const prev = { ...current.values };
  const next: Values = {
    ...prev,
    ...checkedValues(org, schema, changes),
    ...opts.system,
    ...audited(prev, tx),
  };
  rules.beforeSave?.(ctx, next, prev);
  checkRequired(schema, next);
  checkValidationRules(org, schema.name, next, prev);
  tx.set(current, next);
  rules.afterSave?.(ctx, current, prev);
  return current;
}

export function deleteRecord(ctx: WriteContext, type: string, rawId: string): SObjectRecord {
  const { org, tx } = ctx;
  const schema = requireSchema(org, type);
  if (!schema.deletable) throw cannotDelete(schema.label);
  const current = recordToChange(org, schema, rawId);
  const rules = rulesFor(schema.name);
  rules.beforeDelete?.(ctx, current);
  const prev = { ...current.values };
  tx.markDeleted(current, { IsDeleted: true, ...('SystemModstamp' in prev && { SystemModstamp: tx.now }) });
  rules.afterSave?.(ctx, current, prev);
  return current;
}
