// What became of the leads recycled in the period: did they come back as MQLs, reach qualified (SQL),
// win? Each recycle owns what happens until the lead's next recycle, so an outcome is credited to the
// recycle (and reason) it followed, never to two.
import type { LedgerEntry } from '../ledger.ts';
import { visitsAt } from './leadHistory.ts';
import { compareKeys } from './order.ts';
import { inPeriod, type Period } from './period.ts';
import { ratio } from './stats.ts';

export interface RecycleTally {
  /** Recycles in the period (a lead recycled twice counts twice). */
  recycled: number;
  /** Of those, recycles followed by a re-MQL (new engagement after the cooldown). */
  reMql: number;
  qualified: number;
  won: number;
  reMqlRate: number | null;
  qualifiedRate: number | null;
  wonRate: number | null;
}

export interface RecycleOutcomes extends RecycleTally {
  /** Distinct leads recycled in the period. */
  leads: number;
  byReason: Array<RecycleTally & { reason: string | null }>;
}

interface Recycle {
  leadId: string;
  reason: string | null;
  reMql: boolean;
  qualified: boolean;
  won: boolean;
}

function tally(recycles: readonly Recycle[]): RecycleTally {
  const count = (pick: (r: Recycle) => boolean) => recycles.filter(pick).length;
  const reMql = count((r) => r.reMql);
  const qualified = count((r) => r.qualified);
  const won = count((r) => r.won);
  return {
    recycled: recycles.length,
    reMql,
    qualified,
    won,
    reMqlRate: ratio(reMql, recycles.length),
    qualifiedRate: ratio(qualified, recycles.length),
    wonRate: ratio(won, recycles.length),
  };
}

export function recycleOutcomes(rows: readonly LedgerEntry[], period: Period): RecycleOutcomes {
  const recycles: Recycle[] = [];
  for (const visits of visitsAt(rows, period.to)) {
    visits.forEach((visit, i) => {
      if (visit.stage !== 'recycled' || !inPeriod(visit.enteredAt, period)) return;
      const rest = visits.slice(i + 1);
      const nextRecycle = rest.findIndex((v) => v.stage === 'recycled');
      const after = nextRecycle < 0 ? rest : rest.slice(0, nextRecycle);
      recycles.push({
        leadId: visit.leadId,
        reason: visit.entry.reason ?? null,
        reMql: after.some((v) => v.entry.cause === 're_engaged'),
        qualified: after.some((v) => v.stage === 'qualified'),
        won: after.some((v) => v.stage === 'won'),
      });
    });
  }
  const byReason = [...Map.groupBy(recycles, (r) => r.reason)]
    .map(([reason, group]) => ({ reason, ...tally(group) }))
    .toSorted((a, b) => b.recycled - a.recycled || compareKeys(a.reason, b.reason));
  return { ...tally(recycles), leads: new Set(recycles.map((r) => r.leadId)).size, byReason };
}
