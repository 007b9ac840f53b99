// Every deviation from the SLA in a period, on both sides, in words ops can read out at the review: marketing
// short of its commitment or over what sales can work, quality under the norm, each slice over the reject target;
// sales under its share met, each rep under it, each breach and each untouched auto-recycle.
import type { RejectRateReport, RejectRateRow } from '../funnel/rejectRate.ts';
import type { MqlCommitment } from './marketingSide.ts';
import type { RepSla, SlaMiss } from './salesSide.ts';

export type DeviationKind =
  | 'mql_short'
  | 'mql_over_capacity'
  | 'accept_rate_low'
  | 'reject_slice_over_target'
  | 'sla_met_low'
  | 'rep_sla_low'
  | 'sla_breach'
  | 'untouched';

export interface Deviation {
  side: 'marketing' | 'sales';
  kind: DeviationKind;
  detail: string;
  leadId?: string;
  ownerId?: string | null;
  at?: string;
}

const pct = (n: number | null) => (n === null ? 'n/a' : `${Math.round(n * 1000) / 10} %`);

export interface DeviationInputs {
  mqls: number;
  commitment: MqlCommitment;
  acceptRate: number | null;
  acceptTarget: number;
  rejects: RejectRateReport;
  slaMetShare: number | null;
  slaTarget: number;
  slaOutcomes: number;
  reps: readonly RepSla[];
  misses: readonly SlaMiss[];
}

const SLICES = [
  ['source', 'bySource'],
  ['campaign', 'byCampaign'],
  ['fit band', 'byFitBand'],
  ['rep', 'byRep'],
] as const;

function marketing(i: DeviationInputs): Deviation[] {
  const out: Deviation[] = [];
  const { committedToDate, capacityToDate, committedFrom } = i.commitment;
  if (committedToDate !== null && i.mqls < committedToDate)
    out.push({
      side: 'marketing',
      kind: 'mql_short',
      detail: `${i.mqls} MQLs delivered, ${committedToDate} committed by now (${committedFrom === 'policy' ? 'the policy' : 'sized to sales capacity'}).`,
    });
  if (capacityToDate !== null && i.mqls > capacityToDate)
    out.push({
      side: 'marketing',
      kind: 'mql_over_capacity',
      detail: `${i.mqls} MQLs delivered, more than the ${capacityToDate} sales can work at the measured pace: the surplus waits and rots.`,
    });
  if (i.acceptRate !== null && i.acceptRate < i.acceptTarget)
    out.push({
      side: 'marketing',
      kind: 'accept_rate_low',
      detail: `${pct(i.acceptRate)} of handed-over leads accepted (${i.rejects.rejects} rejected of ${i.rejects.handedOver}), under the ${pct(i.acceptTarget)} norm.`,
    });
  for (const [name, key] of SLICES)
    for (const row of i.rejects[key].filter((r: RejectRateRow) => r.overTarget))
      out.push({
        side: 'marketing',
        kind: 'reject_slice_over_target',
        detail: `Reject rate ${pct(row.rate)} for ${name} ${row.key ?? '(none)'} (${row.rejects} of ${row.handedOver}), over the ${pct(i.rejects.target)} target.`,
        ...(key === 'byRep' ? { ownerId: row.key } : {}),
      });
  return out;
}

function sales(i: DeviationInputs): Deviation[] {
  const out: Deviation[] = [];
  if (i.slaMetShare !== null && i.slaMetShare < i.slaTarget)
    out.push({
      side: 'sales',
      kind: 'sla_met_low',
      detail: `${pct(i.slaMetShare)} of ${i.slaOutcomes} SLA outcomes met, under the ${pct(i.slaTarget)} commitment.`,
    });
  for (const rep of i.reps.filter((r) => r.belowTarget))
    out.push({
      side: 'sales',
      kind: 'rep_sla_low',
      ownerId: rep.repId,
      detail: `Rep ${rep.repId ?? '(no owner)'} met ${pct(rep.metShare)} of ${rep.outcomes} SLA outcomes (${rep.breaches} breaches).`,
    });
  for (const miss of i.misses)
    out.push({
      side: 'sales',
      kind: miss.kind === 'breach' ? 'sla_breach' : 'untouched',
      leadId: miss.leadId,
      ownerId: miss.ownerId,
      at: miss.at,
      detail:
        miss.kind === 'breach'
          ? `Lead ${miss.leadId} passed its first-touch deadline untouched (owner ${miss.ownerId ?? 'none'}).`
          : `Lead ${miss.leadId} was recycled untouched (owner ${miss.ownerId ?? 'none'}).`,
    });
  return out;
}

export function deviations(i: DeviationInputs): Deviation[] {
  return [...marketing(i), ...sales(i)];
}
