// A lead the CRM refuses to read for good (a malformed id, a record the query cannot name) must not hold up the
// tenant's inbox: the read of a page that fails for good is narrowed down by halves to the leads it fails on, the
// inbox items naming them are set aside with the CRM's answer (ops sees and can replay them), and the rest of the
// page is read and applied as usual. Passing failures (429, 5xx, timeouts) still fail the run, to be retried.
import { CrmError } from '../crm/port.ts';
import { settleInbox } from '../store/inbox.ts';
import { recordSync } from '../store/syncLog.ts';
import type { Executor } from '../store/executor.ts';

const refusedForGood = (e: unknown): e is CrmError =>
  e instanceof CrmError && (e.kind === 'permanent' || e.kind === 'not_found');

export interface NarrowedSync {
  read: number;
  decisions: number;
  /** Inbox items set aside, by the lead the CRM would not read. */
  setAside: number;
}

/**
 * Runs `sync` over `leadIds`; where it fails for good, over each half, down to single leads, whose items
 * (`itemsOf`) are set aside as failed with the cause.
 */
export async function syncSettingAsideUnreadable(
  db: Executor,
  tenantId: string,
  leadIds: readonly string[],
  itemsOf: (leadId: string) => readonly number[],
  sync: (ids: readonly string[]) => Promise<{ read: number; decisions: number }>,
): Promise<NarrowedSync> {
  const out: NarrowedSync = { read: 0, decisions: 0, setAside: 0 };
  const run = async (ids: readonly string[]): Promise<void> => {
    if (ids.length === 0) return;
    try {
      const done = await sync(ids);
      out.read += done.read;
      out.decisions += done.decisions;
    } catch (error) {
      if (!refusedForGood(error)) throw error;
      if (ids.length > 1) {
        const half = Math.ceil(ids.length / 2);
        await run(ids.slice(0, half));
        await run(ids.slice(half));
        return;
      }
      const [leadId = ''] = ids;
      const items = itemsOf(leadId);
      const cause = `The CRM will not read this record: ${error.message}`;
      await settleInbox(db, items, 'failed', cause);
      await recordSync(db, [
        {
          tenantId,
          direction: 'inbound',
          operation: 'inbox item set aside',
          recordIds: [leadId],
          status: 'error',
          errorKind: error.kind,
          message: cause,
        },
      ]);
      out.setAside += items.length;
    }
  };
  await run(leadIds);
  return out;
}
