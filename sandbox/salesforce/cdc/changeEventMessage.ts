// Change events as the org's bus holds them: {payload: {ChangeEventHeader, ...fields}} with field names in the
// header (the Pub/Sub transport turns them into Avro and field bitmaps, see pubsub/changeEventEncoding.ts).
// Creates carry every non-null field, updates only the changed ones (plus LastModifiedDate), deletes only the
// header. The lead's Name is a compound field ({FirstName, LastName, ...}).
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
  payload: { ChangeEventHeader: ChangeEventHeader } & Record<string, unknown>;
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
/** The parts of the compound Name, in the order of its Avro record. */
export const NAME_PARTS = ['Salutation', 'FirstName', 'LastName'] as const;
const isNamePart = (n: string): boolean => (NAME_PARTS as readonly string[]).includes(n);
export const hasCompoundName = (entity: string): boolean => entity === 'Lead' || entity === 'User';

export const channelOf = (entity: string): string => `/data/${entity}ChangeEvent`;

type FieldOf = (entity: string, name: string) => FieldSpec | undefined;

function body(
  change: CommittedChange,
  fieldOf: FieldOf,
): { fields: Record<string, unknown>; changed: string[]; nulled: string[] } {
  const compound = hasCompoundName(change.type);
  const names =
    change.changeType === 'UPDATE'
      ? change.changedFields
      : Object.keys(change.values).filter((k) => (change.values[k] ?? null) !== null);
  const fields: Record<string, unknown> = {};
  const changed: string[] = [];
  const nulled: string[] = [];
  const name: Record<string, FieldValue> = {};
  for (const n of names) {
    const f = fieldOf(change.type, n);
    if (!f || NOT_IN_EVENTS.has(n) || (compound && n === 'Name')) continue;
    const value = eventValue(f, change.values[n] ?? null);
    const path = compound && isNamePart(n) ? `Name.${n}` : n;
    if (path === n) fields[n] = value;
    else name[n] = value;
    changed.push(path);
    if (value === null) nulled.push(path);
  }
  if (Object.keys(name).length > 0) fields.Name = name;
  return { fields, changed, nulled };
}

export function changeEventMessage(
  change: CommittedChange,
  commit: CommitInfo,
  sequenceNumber: number,
  fieldOf: FieldOf,
): CdcMessage {
  const isUpdate = change.changeType === 'UPDATE';
  const { fields, changed, nulled } =
    change.changeType === 'DELETE' ? { fields: {}, changed: [], nulled: [] } : body(change, fieldOf);
  return {
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
        // "The fields that were set to null" (CDC guide, cdc_event_fields_header): listed for updates only, as
        // changedFields is; a create's empty fields are not set to null (the guide does not say; chosen).
        nulledFields: isUpdate ? nulled : [],
      },
      ...fields,
    },
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
): CdcMessage {
  return {
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
  };
}

/** What a subscriber gets instead of events it can no longer have: re-read the data. */
export function gapOverflowMessage(entity: string, now: number, commitNumber: number): CdcMessage {
  return headerOnlyMessage(
    entity,
    { recordIds: [], changeType: 'GAP_OVERFLOW', changeOrigin: '', transactionKey: '', commitUser: '' },
    { commitTimestamp: now, commitNumber },
  );
}

/**
 * One event for a custom field type conversion that loses data (CDC developer guide, "Conversions That Generate a
 * Change Event"): "One change event is generated for all the affected records, and the event message contains no
 * record fields"; recordIds holds the object's three-character key prefix followed by "*" (e.g. "001*"). The guide
 * does not say which changeType or changedFields such an event carries: UPDATE with none listed here.
 */
export function fieldConversionMessage(entity: string, keyPrefix: string, commit: CommitInfo): CdcMessage {
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
  );
}
