// Sales made to former leads: leads marketing had back in nurture (recycled) that reached an opportunity (SQL)
// or a win in the month. The proof that recycling is worth it. Baton's ledger holds no deal amounts (the CRM
// port reads none), so each row says so rather than guessing one.
import type { LedgerEntry } from '../ledger.ts';
import { findReason, type Reason } from '../reasons.ts';
import { visitsAt } from '../funnel/leadHistory.ts';
import { inPeriod, type Period } from '../funnel/period.ts';

export interface FormerLeadSale {
  leadId: string;
  reached: 'qualified' | 'won';
  at: string;
  /** The last recycle before it, and why the lead had been recycled. */
  recycledAt: string;
  recycleReason: string | null;
  /** That reason's label in the tenant's taxonomy (null where it is no longer in it). */
  recycleReasonLabel: string | null;
  /** Recycles before the sale. */
  recycles: number;
  ownerId: string | null;
  /** The deal's amount where the CRM gave one; Baton records none today. */
  amount: number | null;
}

export function salesFromFormerLeads(
  rows: readonly LedgerEntry[],
  month: Period,
  reasons: readonly Reason[],
): FormerLeadSale[] {
  const sales: FormerLeadSale[] = [];
  for (const visits of visitsAt(rows, month.to)) {
    visits.forEach((visit, i) => {
      if ((visit.stage !== 'qualified' && visit.stage !== 'won') || !inPeriod(visit.enteredAt, month)) return;
      const before = visits.slice(0, i).filter((v) => v.stage === 'recycled');
      const recycle = before.at(-1);
      if (!recycle) return;
      sales.push({
        leadId: visit.leadId,
        reached: visit.stage,
        at: visit.enteredAt.toISOString(),
        recycledAt: recycle.enteredAt.toISOString(),
        recycleReason: recycle.entry.reason ?? null,
        recycleReasonLabel: recycle.entry.reason
          ? (findReason(reasons, recycle.entry.reason)?.label ?? null)
          : null,
        recycles: before.length,
        ownerId: visit.entry.ownerId ?? null,
        amount: null,
      });
    });
  }
  // A lead that reached an opportunity and then won in the same month is one sale: its furthest step.
  const furthest = sales.filter((s) => !sales.some((o) => o.leadId === s.leadId && o.at > s.at));
  return furthest.toSorted((a, b) => a.at.localeCompare(b.at) || a.leadId.localeCompare(b.leadId));
}
