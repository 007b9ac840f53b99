// Change events in the shape CometD subscribers receive them: {schema, payload: {ChangeEventHeader, ...fields},
// event: {replayId}}. Creates carry every non-null field, updates only the changed ones (plus
// LastModifiedDate), deletes only the header. The lead's Name is a compound field ({FirstName, LastName, ...}).
import { createHash } from 'node:crypto';
import type { FieldSpec, FieldValue } from '../model/fieldSpec.ts';
import { eventValue } from '../model/fieldValues.ts';
import type { CommittedChange } from '../state/transaction.ts';

export type CdcChangeType = 'CREATE' | 'UPDATE' | 'DELETE' | 'UNDELETE' | 'GAP_OVERFLOW';

export interface ChangeEventHeader {
  entityName: string;
  recordIds: string[];
  changeType: CdcChangeType;
  changeOrigin: string;
  transactionKey: string;
  sequenceNumber: number;
  commitTimestamp: number;
  commitNumber: number;
  commitUser: string;
  changedFields: string[];
  diffFields: string[];
  nulledFields: string[];
}

export interface CdcMessage {
  schema: string;
  payload: { ChangeEventHeader: ChangeEventHeader } & Record<string, unknown>;
  event: { replayId: number };
}

export interface CommitInfo {
  transactionKey: string;
  commitTimestamp: number;
  commitNumber: number;
  commitUser: string;
  changeOrigin: string;
}

/** Not in change events: the id travels in recordIds; IsDeleted and SystemModstamp are left out. */
const NOT_IN_EVENTS = new Set(['Id', 'IsDeleted', 'SystemModstamp']);
const NAME_PARTS = new Set(['Salutation', 'FirstName', 'LastName']);
const hasCompoundName = (entity: string): boolean => entity === 'Lead' || entity === 'User';

/** A stable schema id per entity, like the opaque ids Salesforce sends. */
export const schemaIdOf = (entity: string): string =>
  createHash('sha256').update(`${entity}ChangeEvent`).digest('base64url').slice(0, 22);

export const channelOf = (entity: string): string => `/data/${entity}ChangeEvent`;

type FieldOf = (entity: string, name: string) => FieldSpec | undefined;

function body(
  change: CommittedChange,
  fieldOf: FieldOf,
): { fields: Record<string, unknown>; changed: string[] } {
  const compound = hasCompoundName(change.type);
  const names =
    change.changeType === 'UPDATE'
      ? change.changedFields
      : Object.keys(change.values).filter((k) => (change.values[k] ?? null) !== null);
  const fields: Record<string, unknown> = {};
  const changed: string[] = [];
  const name: Record<string, FieldValue> = {};
  for (const n of names) {
    const f = fieldOf(change.type, n);
    if (!f || NOT_IN_EVENTS.has(n) || (compound && n === 'Name')) continue;
    const value = eventValue(f, change.values[n] ?? null);
    if (compound && NAME_PARTS.has(n)) {
      name[n] = value;
      changed.push(`Name.${n}`);
    } else {
      fields[n] = value;
      changed.push(n);
    }
  }
  if (Object.keys(name).length > 0) fields.Name = name;
  return { fields, changed };
}

export function changeEventMessage(
  change: CommittedChange,
  commit: CommitInfo,
  sequenceNumber: number,
  replayId: number,
  fieldOf: FieldOf,
): CdcMessage {
  const isUpdate = change.changeType === 'UPDATE';
  const { fields, changed } =
    change.changeType === 'DELETE' ? { fields: {}, changed: [] } : body(change, fieldOf);
  return {
    schema: schemaIdOf(change.type),
    payload: {
      ChangeEventHeader: {
        entityName: change.type,
        recordIds: [change.id],
        changeType: change.changeType,
        changeOrigin: commit.changeOrigin,
        transactionKey: commit.transactionKey,
        sequenceNumber,
        commitTimestamp: commit.commitTimestamp,
        commitNumber: commit.commitNumber,
        commitUser: commit.commitUser,
        changedFields: isUpdate ? changed : [],
        diffFields: [],
        nulledFields: [],
      },
      ...fields,
    },
    event: { replayId },
  };
}

/** An event that carries a header and no record fields (gaps and overflows, field type conversions). */
function headerOnlyMessage(
  entity: string,
  header: Pick<
    ChangeEventHeader,
    'recordIds' | 'changeType' | 'changeOrigin' | 'transactionKey' | 'commitUser'
  >,
  commit: { commitTimestamp: number; commitNumber: number },
  replayId: number,
): CdcMessage {
  return {
    schema: schemaIdOf(entity),
    payload: {
      ChangeEventHeader: {
        entityName: entity,
        ...header,
        sequenceNumber: 1,
        commitTimestamp: commit.commitTimestamp,
        commitNumber: commit.commitNumber,
        changedFields: [],
        diffFields: [],
        nulledFields: [],
      },
    },
    event: { replayId },
  };
}

/** What a subscriber gets instead of events it can no longer have: re-read the data. */
export function gapOverflowMessage(
  entity: string,
  replayId: number,
  now: number,
  commitNumber: number,
): CdcMessage {
  return headerOnlyMessage(
    entity,
    { recordIds: [], changeType: 'GAP_OVERFLOW', changeOrigin: '', transactionKey: '', commitUser: '' },
    { commitTimestamp: now, commitNumber },
    replayId,
  );
}

/**
 * One event for a custom field type conversion that loses data (CDC developer guide, "Conversions That Generate a
 * Change Event"): "One change event is generated for all the affected records, and the event message contains no
 * record fields"; recordIds holds the object's three-character key prefix followed by "*" (e.g. "001*"). The guide
 * does not say which changeType or changedFields such an event carries: UPDATE with none listed here.
 */
export function fieldConversionMessage(
  entity: string,
  keyPrefix: string,
  commit: CommitInfo,
  replayId: number,
): CdcMessage {
  return headerOnlyMessage(
    entity,
    {
      recordIds: [`${keyPrefix}*`],
      changeType: 'UPDATE',
      changeOrigin: commit.changeOrigin,
      transactionKey: commit.transactionKey,
      commitUser: commit.commitUser,
    },
    commit,
    replayId,
  );
}
