// Sales capacity as the barometer of the programme: how many leads each rep can take a week at the pace the
// ledger shows, and from that the MQL volume marketing should aim for. Leads beyond it wait, breach and rot.
// Little's law gives the pace: a rep holding at most `capacity` open (assigned) leads, each open for a median
// of T hours, clears capacity × 168 / T leads a week. MQLs that never reach a rep (disqualified on review,
// duplicates) are added back through the measured hand-over share.
import type { LedgerEntry } from '../ledger.ts';
import type { Policy } from '../policy/schema.ts';
import { historiesAt, visitsOf } from '../funnel/leadHistory.ts';
import { HOUR_MS, inPeriod, type Period } from '../funnel/period.ts';
import { isHandover } from '../funnel/rejectRate.ts';
import { DEFAULT_MIN_SAMPLE, median, ratio } from '../funnel/stats.ts';

/** How far back the pace is measured. */
export const PACE_WINDOW_WEEKS = 12;
/** A rep's own pace is used from this many finished hand-overs; below it, the team's. */
export const MIN_REP_SAMPLE = 10;

const WEEK_HOURS = 168;

export interface RepCapacity {
  repId: string;
  /** The rep's manager (the policy's escalation map), which groups reps into teams; null: no manager known. */
  team: string | null;
  open: number;
  capacity: number;
  overCapacity: boolean;
  /** Leads the rep can take now without going over capacity. */
  headroom: number;
  /** Median hours a lead stayed assigned to the rep (whose: the rep's own, the team's, or none yet). */
  medianHoursOpen: number | null;
  paceFrom: 'rep' | 'team' | null;
  /** What the rep can take a week at that pace; null without enough history. */
  leadsPerWeek: number | null;
  /** What the rep was actually handed a week over the window. */
  handedPerWeek: number;
}

export interface TeamCapacity {
  team: string | null;
  reps: number;
  open: number;
  capacity: number;
  leadsPerWeek: number | null;
  handedPerWeek: number;
}

export interface CapacityPlan {
  at: string;
  windowWeeks: number;
  reps: RepCapacity[];
  teams: TeamCapacity[];
  /** What sales can work a week, all reps; null without enough history. */
  salesLeadsPerWeek: number | null;
  /** Of the window's MQLs no longer waiting, the share that reached a rep (null: too few, taken as 1). */
  handoverShare: number | null;
  /** The MQL volume a week that sales can work. */
  mqlTargetPerWeek: number | null;
  /** The target's derivation in words, one step a line. */
  derivation: string[];
}

type CapacityPolicy = Pick<Policy, 'capacity' | 'routing' | 'escalation'>;

export function capacityOf(policy: CapacityPolicy, repId: string): number {
  const own =
    policy.routing.mode === 'round_robin' ? policy.routing.reps.find((r) => r.id === repId) : undefined;
  return own?.capacity ?? policy.capacity.openLeadsPerRep;
}

interface Measured {
  open: Map<string, number>;
  hoursOpen: Map<string, number[]>;
  handed: Map<string, number>;
  mqlLeads: Set<string>;
  handedLeads: Set<string>;
}

const bump = (m: Map<string, number>, key: string) => m.set(key, (m.get(key) ?? 0) + 1);

/** Open leads per owner at `at`, and the window's finished assignments, hand-overs and MQLs. */
function measure(rows: readonly LedgerEntry[], window: Period): Measured {
  const m: Measured = {
    open: new Map(),
    hoursOpen: new Map(),
    handed: new Map(),
    mqlLeads: new Set(),
    handedLeads: new Set(),
  };
  for (const history of historiesAt(rows, window.to).values()) {
    let owner: string | null = null;
    for (const row of history) {
      if (row.to === 'assigned' && row.ownerId) owner = row.ownerId;
      if (!inPeriod(row.at, window)) continue;
      if (row.to === 'mql' && row.from !== 'mql') m.mqlLeads.add(row.leadId);
      if (isHandover(row) && row.ownerId) {
        bump(m.handed, row.ownerId);
        m.handedLeads.add(row.leadId);
      }
    }
    // An MQL still waiting for a rep has no outcome yet: counting it would lower the share, and so raise the
    // target, exactly when marketing sends more than sales can take.
    const last = history.findLast((r) => r.from !== r.to);
    if (last?.to === 'mql') m.mqlLeads.delete(last.leadId);
    for (const visit of visitsOf(history)) {
      const rep = visit.entry.ownerId;
      if (visit.stage !== 'assigned' || !rep) continue;
      if (visit.leftAt === null) {
        if (owner) bump(m.open, owner);
      } else if (inPeriod(visit.leftAt, window)) {
        const hours = (visit.leftAt.getTime() - visit.enteredAt.getTime()) / HOUR_MS;
        m.hoursOpen.set(rep, [...(m.hoursOpen.get(rep) ?? []), hours]);
      }
    }
  }
  return m;
}

const round1 = (n: number) => Math.round(n * 10) / 10;

/** The plan at `at`, from the ledger's last PACE_WINDOW_WEEKS (rows must reach back that far). */
export function capacityPlan(
  rows: readonly LedgerEntry[],
  opts: { at: Date; policy: CapacityPolicy; minSample?: number },
): CapacityPlan {
  const { at, policy } = opts;
  const minSample = opts.minSample ?? DEFAULT_MIN_SAMPLE;
  const window = { from: new Date(at.getTime() - PACE_WINDOW_WEEKS * 7 * 24 * HOUR_MS), to: at };
  const m = measure(rows, window);
  const routed =
    policy.routing.mode === 'round_robin' ? policy.routing.reps.filter((r) => !r.away).map((r) => r.id) : [];
  const repIds = [...new Set([...routed, ...m.open.keys(), ...m.handed.keys()])].toSorted();
  const allHours = [...m.hoursOpen.values()].flat();
  const teamHours = allHours.length >= minSample ? median(allHours) : null;
  const reps = repIds.map((repId): RepCapacity => {
    const own = m.hoursOpen.get(repId) ?? [];
    const [hours, paceFrom] =
      own.length >= MIN_REP_SAMPLE
        ? [median(own), 'rep' as const]
        : teamHours === null
          ? [null, null]
          : [teamHours, 'team' as const];
    const capacity = capacityOf(policy, repId);
    const open = m.open.get(repId) ?? 0;
    return {
      repId,
      team: Object.hasOwn(policy.escalation.managers, repId)
        ? (policy.escalation.managers[repId] ?? null)
        : null,
      open,
      capacity,
      overCapacity: open > capacity,
      headroom: Math.max(0, capacity - open),
      medianHoursOpen: hours === null ? null : round1(hours),
      paceFrom,
      // A lead open for minutes does not make a rep infinitely fast: an hour is the least a lead takes.
      leadsPerWeek: hours === null ? null : round1((capacity * WEEK_HOURS) / Math.max(1, hours)),
      handedPerWeek: round1((m.handed.get(repId) ?? 0) / PACE_WINDOW_WEEKS),
    };
  });
  return {
    at: at.toISOString(),
    windowWeeks: PACE_WINDOW_WEEKS,
    reps,
    teams: teamsOf(reps),
    ...target(reps, m, minSample, teamHours),
  };
}

function teamsOf(reps: readonly RepCapacity[]): TeamCapacity[] {
  return [...Map.groupBy(reps, (r) => r.team)].map(([team, members]) => ({
    team,
    reps: members.length,
    open: members.reduce((n, r) => n + r.open, 0),
    capacity: members.reduce((n, r) => n + r.capacity, 0),
    leadsPerWeek: members.some((r) => r.leadsPerWeek === null)
      ? null
      : round1(members.reduce((n, r) => n + (r.leadsPerWeek ?? 0), 0)),
    handedPerWeek: round1(members.reduce((n, r) => n + r.handedPerWeek, 0)),
  }));
}

function target(
  reps: readonly RepCapacity[],
  m: Measured,
  minSample: number,
  teamHours: number | null,
): Pick<CapacityPlan, 'salesLeadsPerWeek' | 'handoverShare' | 'mqlTargetPerWeek' | 'derivation'> {
  const finished = [...m.hoursOpen.values()].flat().length;
  if (reps.length === 0 || reps.some((r) => r.leadsPerWeek === null) || teamHours === null) {
    const why =
      reps.length === 0
        ? 'No reps yet: no lead was handed to a rep in the last 12 weeks.'
        : `Not enough history for a pace: ${finished} finished assignments in the last ${PACE_WINDOW_WEEKS} weeks, ${minSample} needed.`;
    return { salesLeadsPerWeek: null, handoverShare: null, mqlTargetPerWeek: null, derivation: [why] };
  }
  const sales = round1(reps.reduce((n, r) => n + (r.leadsPerWeek ?? 0), 0));
  const share = m.mqlLeads.size >= minSample ? ratio(m.handedLeads.size, m.mqlLeads.size) : null;
  const mqlTarget = round1(sales / Math.min(1, Math.max(share ?? 1, 0.01)));
  const capacity = reps.reduce((n, r) => n + r.capacity, 0);
  return {
    salesLeadsPerWeek: sales,
    handoverShare: share === null ? null : Math.min(1, share),
    mqlTargetPerWeek: mqlTarget,
    derivation: [
      `${reps.length} reps can hold ${capacity} open leads between them (the policy's capacity per rep).`,
      `A lead stays assigned for a median of ${round1(teamHours)} hours (${finished} finished assignments in the last ${PACE_WINDOW_WEEKS} weeks; each rep's own median from ${MIN_REP_SAMPLE} of theirs).`,
      `At that pace sales can take ${sales} leads a week (capacity × 168 hours ÷ median hours open, per rep).`,
      share === null
        ? `Too few MQLs (${m.mqlLeads.size}) to measure how many reach a rep: every MQL is taken to reach one.`
        : `${Math.round(Math.min(1, share) * 1000) / 10} % of MQLs reached a rep (${m.handedLeads.size} of ${m.mqlLeads.size}).`,
      `So marketing should deliver about ${mqlTarget} MQLs a week.`,
    ],
  };
}
