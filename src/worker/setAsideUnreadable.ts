// A lead the CRM refuses to read for good (a malformed id, a record the query cannot name) must not hold up the
// tenant's inbox: the read of a page that fails for good is narrowed down by halves to the leads it fails on, the
// inbox items naming them are set aside with the CRM's answer (ops sees and can replay them), and the rest of the
// page is read and applied as usual. A lead is set aside only when the failure is its own: other leads of the page
// were read, or the CRM's answer names it. A failure of every read (a field missing in the org, the API switched
// off) sets nothing aside and fails the run, as do passing failures (429, 5xx, timeouts): retried, nothing lost.
import { CrmError } from '../crm/port.ts';
import { settleInbox } from '../store/inbox.ts';
import { recordSync } from '../store/syncLog.ts';
import type { Executor } from '../store/executor.ts';

const refusedForGood = (e: unknown): e is CrmError =>
  e instanceof CrmError && (e.kind === 'permanent' || e.kind === 'not_found');

/** The most reads one narrowing makes: enough for a few bad leads in a page of 500 (about 2 log2(n) each). */
const MAX_NARROWING_READS = 64;

export interface NarrowedSync {
  read: number;
  decisions: number;
  /** Inbox items set aside, by the lead the CRM would not read. */
  setAside: number;
}

/**
 * Runs `sync` over `leadIds`; where it fails for good, over each half, down to single leads, whose items
 * (`itemsOf`) are set aside as failed with the cause when the failure is theirs alone.
 */
export async function syncSettingAsideUnreadable(
  db: Executor,
  tenantId: string,
  leadIds: readonly string[],
  itemsOf: (leadId: string) => readonly number[],
  sync: (ids: readonly string[]) => Promise<{ read: number; decisions: number }>,
): Promise<NarrowedSync> {
  const out: NarrowedSync = { read: 0, decisions: 0, setAside: 0 };
  const unreadable: Array<{ leadId: string; error: CrmError }> = [];
  let reads = 0;
  let firstError: CrmError | null = null;
  let exhausted = false;
  const run = async (ids: readonly string[]): Promise<void> => {
    if (ids.length === 0) return;
    if (reads >= MAX_NARROWING_READS) {
      exhausted = true;
      return;
    }
    reads++;
    try {
      const done = await sync(ids);
      out.read += done.read;
      out.decisions += done.decisions;
    } catch (error) {
      if (!refusedForGood(error)) throw error;
      firstError ??= error;
      if (ids.length === 1) {
        unreadable.push({ leadId: ids[0] ?? '', error });
        return;
      }
      const half = Math.ceil(ids.length / 2);
      await run(ids.slice(0, half));
      await run(ids.slice(half));
    }
  };
  await run(leadIds);
  const theirOwn = unreadable.filter((u) => out.read > 0 || u.error.message.includes(u.leadId));
  for (const { leadId, error } of theirOwn)
    out.setAside += await setAside(db, tenantId, leadId, itemsOf(leadId), error);
  if (firstError && (exhausted || theirOwn.length < unreadable.length)) throw firstError;
  return out;
}

async function setAside(
  db: Executor,
  tenantId: string,
  leadId: string,
  items: readonly number[],
  error: CrmError,
): Promise<number> {
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
  return items.length;
}
