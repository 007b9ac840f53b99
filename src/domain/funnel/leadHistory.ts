// Each lead's ledger rows in order, and the stage visits they imply. A report reads only what was known
// at its end. Rows one decision wrote share an instant (mql → assigned, returned → recycled): they are
// put back in chain order (each row leaving the stage the previous one entered), whatever order the
// store returned them in.
import type { LedgerEntry } from '../ledger.ts';
import type { Stage } from '../stages.ts';
import { knownAt } from './period.ts';

/** SLA reminders, breaches and reassignments are written with from === to: they mark time, not a move. */
export const isStageChange = (row: LedgerEntry): boolean => row.from !== row.to;

/** Rows per lead known at `at`, oldest first. */
export function historiesAt(rows: readonly LedgerEntry[], at: Date): Map<string, LedgerEntry[]> {
  const byLead = new Map<string, LedgerEntry[]>();
  for (const row of rows) {
    if (!knownAt(row.at, at)) continue;
    const list = byLead.get(row.leadId);
    if (list) list.push(row);
    else byLead.set(row.leadId, [row]);
  }
  for (const [leadId, list] of byLead) byLead.set(leadId, inChainOrder(list));
  return byLead;
}

function inChainOrder(rows: readonly LedgerEntry[]): LedgerEntry[] {
  const sorted = rows.toSorted((a, b) => a.at.getTime() - b.at.getTime());
  const ordered: LedgerEntry[] = [];
  for (const group of Map.groupBy(sorted, (r) => r.at.getTime()).values()) {
    while (group.length > 0) ordered.push(...group.splice(nextInChain(group, ordered.at(-1)?.to ?? null), 1));
  }
  return ordered;
}

/**
 * A mark in `stage` (it changes nothing, so it cannot come too early), then the row that leaves `stage`,
 * else the row no other one leads to, else (a broken chain) the first.
 */
function nextInChain(group: readonly LedgerEntry[], stage: Stage | null): number {
  const mark = group.findIndex((r) => r.from === stage && r.to === stage);
  if (mark >= 0) return mark;
  const leaving = group.findIndex((r) => r.from === stage);
  if (leaving >= 0) return leaving;
  const head = group.findIndex((r) => !group.some((other) => other !== r && other.to === r.from));
  return Math.max(head, 0);
}

/** A stretch a lead spent in one stage: from the row that moved it in to the row that moved it out. */
export interface StageVisit {
  leadId: string;
  stage: Stage;
  enteredAt: Date;
  /** Null while the lead is still there (at the end of the history). */
  leftAt: Date | null;
  entry: LedgerEntry;
}

export function visitsOf(history: readonly LedgerEntry[]): StageVisit[] {
  const moves = history.filter(isStageChange);
  return moves.map((entry, i) => ({
    leadId: entry.leadId,
    stage: entry.to,
    enteredAt: entry.at,
    leftAt: moves[i + 1]?.at ?? null,
    entry,
  }));
}

/** Every lead's visits, in ledger order per lead. */
export function visitsAt(rows: readonly LedgerEntry[], at: Date): StageVisit[][] {
  return [...historiesAt(rows, at).values()].map(visitsOf);
}
