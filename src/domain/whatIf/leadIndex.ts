// Rows grouped by lead without an array per lead: one index array in lead order (each lead's rows in time order,
// equal instants in ledger order) and where each lead's run starts. A quarter's million rows group in one pass
// and a counting sort; a Map of arrays cost a second of allocation and garbage collection.
import type { LedgerEntry } from '../ledger.ts';

export interface LeadIndex {
  /** Lead ids, in order of their first row. */
  ids: string[];
  /** Row positions, lead by lead. */
  order: Uint32Array;
  /** Lead i's rows are order[starts[i]] … order[starts[i + 1] - 1]. */
  starts: Uint32Array;
}

export function indexByLead(rows: readonly LedgerEntry[]): LeadIndex {
  const n = rows.length;
  let byTime = true;
  for (let i = 1; i < n && byTime; i++)
    byTime = (rows[i - 1]?.at.getTime() ?? 0) <= (rows[i]?.at.getTime() ?? 0);
  // The store returns rows in time order; anything else is put in it first (a stable sort keeps ledger order).
  const inTime = byTime
    ? null
    : Uint32Array.from(
        Array.from({ length: n }, (_, i) => i).sort(
          (a, b) => (rows[a]?.at.getTime() ?? 0) - (rows[b]?.at.getTime() ?? 0),
        ),
      );
  const leadOf = new Int32Array(n);
  const index = new Map<string, number>();
  const ids: string[] = [];
  let counts = new Uint32Array(1024);
  for (let k = 0; k < n; k++) {
    const i = inTime ? (inTime[k] ?? 0) : k;
    const leadId = rows[i]?.leadId ?? '';
    let lead = index.get(leadId);
    if (lead === undefined) {
      lead = ids.length;
      ids.push(leadId);
      index.set(leadId, lead);
      if (lead === counts.length) {
        const more = new Uint32Array(counts.length * 2);
        more.set(counts);
        counts = more;
      }
    }
    leadOf[k] = lead;
    counts[lead] = (counts[lead] ?? 0) + 1;
  }
  const starts = new Uint32Array(ids.length + 1);
  for (let l = 0; l < ids.length; l++) starts[l + 1] = (starts[l] ?? 0) + (counts[l] ?? 0);
  const next = starts.slice(0, ids.length);
  const order = new Uint32Array(n);
  for (let k = 0; k < n; k++) {
    const lead = leadOf[k] ?? 0;
    order[next[lead] ?? 0] = inTime ? (inTime[k] ?? 0) : k;
    next[lead] = (next[lead] ?? 0) + 1;
  }
  return { ids, order, starts };
}
