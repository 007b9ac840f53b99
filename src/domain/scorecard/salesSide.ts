// Sales' side of the SLA: the share of SLA outcomes met (a first touch or a return before the deadline), human
// latency, breaches and untouched auto-recycles, per rep too, and every return with its reason and note — the
// feedback marketing needs to fix its lead definition.
import type { LedgerEntry } from '../ledger.ts';
import { findReason, type Reason } from '../reasons.ts';
import { inPeriod, type Period } from '../funnel/period.ts';
import { isRepReturn } from '../funnel/rejectRate.ts';
import { actorOf } from '../funnel/returnActors.ts';
import { slaOutcomeOf } from '../funnel/slaCompliance.ts';
import { median, ratio } from '../funnel/stats.ts';
import { compareKeys } from '../funnel/order.ts';

export interface SalesFigures {
  outcomes: number;
  met: number;
  metShare: number | null;
  breaches: number;
  untouched: number;
  medianHumanLatencyMinutes: number | null;
}

export interface RepSla extends SalesFigures {
  repId: string | null;
  belowTarget: boolean;
}

export interface ReturnFeedback {
  leadId: string;
  at: string;
  ownerId: string | null;
  /** Who clicked, when it was not the owner (a manager, an admin). */
  returnedBy: string | null;
  reason: string | null;
  label: string | null;
  countsAsReject: boolean;
  note: string | null;
}

export interface SlaMiss {
  leadId: string;
  at: string;
  ownerId: string | null;
  kind: 'breach' | 'untouched';
}

function figures(inside: readonly LedgerEntry[]): SalesFigures {
  const outcomes = inside.map(slaOutcomeOf).filter((o) => o !== null);
  const met = outcomes.filter((o) => o.met).length;
  const latency = inside
    .filter((r) => r.cause === 'first_touch')
    .map((r) => r.context?.humanLatencyMinutes)
    .filter((m) => m !== undefined);
  return {
    outcomes: outcomes.length,
    met,
    metShare: ratio(met, outcomes.length),
    breaches: inside.filter((r) => r.cause === 'sla_breach').length,
    untouched: outcomes.filter((o) => o.kind === 'untouched').length,
    medianHumanLatencyMinutes: median(latency),
  };
}

/** The side's figures for one period. */
export function salesFigures(rows: readonly LedgerEntry[], period: Period): SalesFigures {
  return figures(rows.filter((r) => inPeriod(r.at, period)));
}

export function repSla(rows: readonly LedgerEntry[], period: Period, target: number): RepSla[] {
  const inside = rows.filter((r) => inPeriod(r.at, period));
  return [...Map.groupBy(inside, (r) => r.ownerId ?? null)]
    .map(([repId, mine]): RepSla => {
      const f = figures(mine);
      return { repId, ...f, belowTarget: f.metShare !== null && f.metShare < target };
    })
    .filter((r) => r.outcomes > 0 || r.breaches > 0)
    .toSorted((a, b) => b.breaches - a.breaches || b.outcomes - a.outcomes || compareKeys(a.repId, b.repId));
}

export function returnFeedback(
  rows: readonly LedgerEntry[],
  period: Period,
  reasons: readonly Reason[],
): ReturnFeedback[] {
  return rows
    .filter((r) => inPeriod(r.at, period) && isRepReturn(r))
    .map((r) => {
      const reason = r.reason === undefined ? undefined : findReason(reasons, r.reason);
      const actor = actorOf(r);
      return {
        leadId: r.leadId,
        at: r.at.toISOString(),
        ownerId: r.ownerId ?? null,
        returnedBy: actor !== null && actor !== r.ownerId ? actor : null,
        reason: r.reason ?? null,
        label: reason?.label ?? null,
        countsAsReject: reason?.countsAsReject ?? false,
        note: r.note ?? null,
      };
    })
    .toSorted((a, b) => a.at.localeCompare(b.at) || a.leadId.localeCompare(b.leadId));
}

/** Each breach and each untouched auto-recycle of the period, oldest first. */
export function slaMisses(rows: readonly LedgerEntry[], period: Period): SlaMiss[] {
  return rows
    .filter((r) => inPeriod(r.at, period))
    .flatMap((r): SlaMiss[] => {
      if (r.cause === 'sla_breach')
        return [{ leadId: r.leadId, at: r.at.toISOString(), ownerId: r.ownerId ?? null, kind: 'breach' }];
      const outcome = slaOutcomeOf(r);
      return outcome?.kind === 'untouched'
        ? [{ leadId: r.leadId, at: r.at.toISOString(), ownerId: r.ownerId ?? null, kind: 'untouched' }]
        : [];
    })
    .toSorted((a, b) => a.at.localeCompare(b.at) || a.leadId.localeCompare(b.leadId));
}
