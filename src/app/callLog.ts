// Every CRM call attempt goes into the sync log, stamped with Baton's clock (the one the ops views compare
// against), and to whoever else watches calls (metrics).
import type { CallLog, CallLogEntry } from '../crm/callRunner.ts';
import type { Executor } from '../store/executor.ts';
import { recordSync } from '../store/syncLog.ts';

export function callLogWriter(
  db: Executor,
  now: () => Date,
  observe?: (entry: CallLogEntry) => void,
): CallLog {
  return async (e) => {
    observe?.(e);
    await recordSync(db, [
      {
        at: now(),
        tenantId: e.tenantId,
        direction: 'outbound',
        operation: e.operation,
        recordIds: e.recordIds,
        status: e.status,
        httpStatus: e.httpStatus,
        latencyMs: e.latencyMs,
        attempt: e.attempt,
        errorKind: e.errorKind,
        message: e.message,
      },
    ]);
  };
}
