// How many leads entered each stage during the period, and how many sit in each stage at its end.
import type { LedgerEntry } from '../ledger.ts';
import { STAGES, type Stage } from '../stages.ts';
import { historiesAt, visitsOf } from './leadHistory.ts';
import { inPeriod, type Period } from './period.ts';

export interface StageCount {
  stage: Stage;
  /** Distinct leads that entered the stage in the period: the headline number. */
  enteredLeads: number;
  /** Entries into the stage in the period: a lead that recycles and re-MQLs enters mql twice. */
  entries: number;
  /** Leads whose last row at or before the period's end leaves them in this stage. */
  current: number;
}

export function stageCounts(rows: readonly LedgerEntry[], period: Period): StageCount[] {
  const leads = new Map<Stage, Set<string>>(STAGES.map((s) => [s, new Set()]));
  const entries = new Map<Stage, number>();
  const current = new Map<Stage, number>();
  for (const history of historiesAt(rows, period.to).values()) {
    for (const visit of visitsOf(history)) {
      if (!inPeriod(visit.enteredAt, period)) continue;
      leads.get(visit.stage)?.add(visit.leadId);
      entries.set(visit.stage, (entries.get(visit.stage) ?? 0) + 1);
    }
    const last = history.at(-1);
    if (last) current.set(last.to, (current.get(last.to) ?? 0) + 1);
  }
  return STAGES.map((stage) => ({
    stage,
    enteredLeads: leads.get(stage)?.size ?? 0,
    entries: entries.get(stage) ?? 0,
    current: current.get(stage) ?? 0,
  }));
}
