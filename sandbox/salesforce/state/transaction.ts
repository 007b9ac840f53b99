// One Salesforce transaction: every write of a request (or a simulated user action) happens inside one. It
// keeps an undo log (allOrNone rolls back, a failed record of a partial save leaves no trace) and a journal of
// what each record looked like before, so that on commit each touched record yields one change with its
// committed state, as Change Data Capture reports it.
import { randomUUID } from 'node:crypto';
import type { FieldValue } from '../model/fieldSpec.ts';
import type { RecordStore, SObjectRecord, Values } from './recordStore.ts';

/** How the change entered the org: who made it, through what, and whether assignment rules apply. */
export interface WriteActor {
  userId: string;
  /** CDC changeOrigin: com/salesforce/api/rest/62.0;client=Baton, the UI's, or '' for the system. */
  origin: string;
  /** Lead assignment: the active rule, a specific rule id, or none. */
  autoAssign: { mode: 'none' } | { mode: 'active' } | { mode: 'rule'; ruleId: string };
}

export type ChangeType = 'CREATE' | 'UPDATE' | 'DELETE';

export interface CommittedChange {
  type: string;
  id: string;
  changeType: ChangeType;
  /** Fields whose committed value differs from the value before the transaction (UPDATE only). */
  changedFields: string[];
  values: Values;
}

interface JournalEntry {
  record: SObjectRecord;
  before: Values | null;
  deleted: boolean;
  /** Undo-log length when the record was first touched: a rollback past it forgets the entry. */
  mark: number;
}

export class Transaction {
  readonly key: string = randomUUID();
  readonly now: number;
  readonly actor: WriteActor;
  private readonly store: RecordStore;
  private readonly undo: Array<() => void> = [];
  private readonly journal = new Map<string, JournalEntry>();

  constructor(store: RecordStore, actor: WriteActor, now: number) {
    this.store = store;
    this.actor = actor;
    this.now = now;
  }

  private touch(record: SObjectRecord, before: Values | null): JournalEntry {
    let entry = this.journal.get(record.id);
    if (!entry) {
      entry = { record, before, deleted: false, mark: this.undo.length };
      this.journal.set(record.id, entry);
    }
    return entry;
  }

  insert(record: SObjectRecord): void {
    this.touch(record, null);
    this.store.put(record);
    this.undo.push(() => this.store.remove(record.type, record.id));
  }

  /** A write a client or user makes: journaled, so it appears in change events. */
  set(record: SObjectRecord, values: Values): void {
    this.touch(record, { ...record.values });
    this.setSilently(record, values);
  }

  /** A platform roll-up (LastActivityDate): undone with the rest, but no change event of its own. */
  setSilently(record: SObjectRecord, values: Values): void {
    const previous: Values = {};
    for (const name of Object.keys(values)) previous[name] = record.values[name] ?? null;
    Object.assign(record.values, values);
    this.undo.push(() => Object.assign(record.values, previous));
  }

  markDeleted(record: SObjectRecord, values: Values): void {
    const entry = this.touch(record, { ...record.values });
    const wasDeletedAt = record.deletedAt;
    this.setSilently(record, values);
    record.deletedAt = this.now;
    entry.deleted = true;
    this.undo.push(() => {
      entry.deleted = false;
      if (wasDeletedAt === undefined) delete record.deletedAt;
      else record.deletedAt = wasDeletedAt;
    });
  }

  savepoint(): number {
    return this.undo.length;
  }

  rollbackTo(savepoint: number): void {
    while (this.undo.length > savepoint) this.undo.pop()?.();
    for (const [id, entry] of this.journal) if (entry.mark >= savepoint) this.journal.delete(id);
  }

  rollback(): void {
    this.rollbackTo(0);
  }

  /** The committed changes, one per touched record, in the order records were first touched. */
  changes(): CommittedChange[] {
    const out: CommittedChange[] = [];
    for (const { record, before, deleted } of this.journal.values()) {
      if (deleted) {
        if (before !== null)
          out.push({ type: record.type, id: record.id, changeType: 'DELETE', changedFields: [], values: {} });
        continue;
      }
      if (before === null) {
        out.push({
          type: record.type,
          id: record.id,
          changeType: 'CREATE',
          changedFields: [],
          values: { ...record.values },
        });
        continue;
      }
      const changedFields = Object.keys(record.values).filter(
        (k) => !sameValue(record.values[k] ?? null, before[k] ?? null),
      );
      // Every update stamps LastModifiedDate, even within the same millisecond: CDC always lists it.
      if ('LastModifiedDate' in record.values && !changedFields.includes('LastModifiedDate')) {
        changedFields.push('LastModifiedDate');
      }
      out.push({
        type: record.type,
        id: record.id,
        changeType: 'UPDATE',
        changedFields,
        values: { ...record.values },
      });
    }
    return out;
  }
}

const sameValue = (a: FieldValue, b: FieldValue): boolean => a === b;
