// The org's rows, by object type and 18-character id. Deleted rows stay (IsDeleted = true) as in the recycle
// bin, so queryAll and getDeleted can see them.
import type { FieldValue } from '../model/fieldSpec.ts';

export type Values = Record<string, FieldValue>;

export interface SObjectRecord {
  type: string;
  id: string;
  values: Values;
  /** Sandbox-clock time it went to the recycle bin. */
  deletedAt?: number;
}

export class RecordStore {
  private readonly byType = new Map<string, Map<string, SObjectRecord>>();

  private table(type: string): Map<string, SObjectRecord> {
    let t = this.byType.get(type);
    if (!t) {
      t = new Map();
      this.byType.set(type, t);
    }
    return t;
  }

  get(type: string, id: string): SObjectRecord | undefined {
    return this.byType.get(type)?.get(id);
  }

  /** A live (not deleted) row. */
  live(type: string, id: string): SObjectRecord | undefined {
    const r = this.get(type, id);
    return r && r.values.IsDeleted !== true ? r : undefined;
  }

  find(id: string): SObjectRecord | undefined {
    for (const t of this.byType.values()) {
      const r = t.get(id);
      if (r) return r;
    }
    return undefined;
  }

  put(record: SObjectRecord): void {
    this.table(record.type).set(record.id, record);
  }

  remove(type: string, id: string): void {
    this.byType.get(type)?.delete(id);
  }

  all(type: string, opts: { includeDeleted?: boolean } = {}): SObjectRecord[] {
    const rows = [...(this.byType.get(type)?.values() ?? [])];
    return opts.includeDeleted ? rows : rows.filter((r) => r.values.IsDeleted !== true);
  }
}
