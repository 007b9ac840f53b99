// Saving several records in one transaction, as sObject Collections do: each record either saves or reports
// its own errors (its partial writes undone); with allOrNone one failure rolls every record back and the
// others report ALL_OR_NONE_OPERATION_ROLLED_BACK.
import { RecordError, rolledBack, type SaveError } from '../model/recordError.ts';
import type { Transaction } from './transaction.ts';

export interface SaveResult {
  id?: string;
  success: boolean;
  errors: SaveError[];
}

export function saveEach<T>(
  tx: Transaction,
  items: readonly T[],
  allOrNone: boolean,
  save: (item: T) => string,
  knownId: (item: T) => string | undefined = () => undefined,
): SaveResult[] {
  const results: SaveResult[] = [];
  for (const item of items) {
    const savepoint = tx.savepoint();
    try {
      results.push({ id: save(item), success: true, errors: [] });
    } catch (err) {
      if (!(err instanceof RecordError)) throw err;
      tx.rollbackTo(savepoint);
      const id = knownId(item);
      results.push({ ...(id !== undefined && { id }), success: false, errors: [err.toSaveError()] });
    }
  }
  if (!allOrNone || results.every((r) => r.success)) return results;
  tx.rollback();
  return results.map((r, i) => {
    if (!r.success) return r;
    const id = knownId(items[i] as T);
    return { ...(id !== undefined && { id }), success: false, errors: [rolledBack().toSaveError()] };
  });
}
