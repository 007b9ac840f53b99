// The SLA board: assigned leads by business time left, and each rep's open leads against capacity with median
// system and human latency over the last 30 days (names from the CRM where known).
import type { LeadState } from '../../../domain/decide/leadState.ts';
import type { LedgerEntry } from '../../../domain/ledger.ts';
import { median } from '../../../domain/funnel/stats.ts';
import { repsOverCapacity } from '../../../domain/routing.ts';
import { inTimeZone } from '../../../domain/sla/businessCalendar.ts';
import { businessMinutesLeft, slaStatus } from '../../../domain/sla/slaClock.ts';
import { openLeadsByOwner } from '../../../store/leads.ts';
import { ledgerForPeriod } from '../../../store/ledger.ts';
import { leadsInStages } from '../../../store/opsQueries.ts';
import { getTenant, type Tenant } from '../../../store/tenants.ts';
import type { OpsDeps } from './opsDeps.ts';

type BoardLead = ReturnType<typeof boardLeads>[number];

/** Assigned leads with an SLA clock, least business time left first. */
function boardLeads(assigned: readonly LeadState[], policy: Tenant['policy'], now: Date) {
  const base = { timeZone: policy.timeZone, week: policy.businessHours, holidays: policy.holidays };
  return assigned
    .filter((l): l is LeadState & { sla: NonNullable<LeadState['sla']> } => l.sla !== null)
    .map((l) => {
      const cal = policy.sla.useOwnerTimeZone ? inTimeZone(base, l.ownerTimeZone) : base;
      return {
        leadId: l.leadId,
        ownerId: l.ownerId,
        assignedAt: l.sla.assignedAt.toISOString(),
        dueAt: l.sla.dueAt.toISOString(),
        status: slaStatus(l.sla, l.sla.firstTouchAt, now),
        businessMinutesLeft: Math.round(businessMinutesLeft(l.sla.dueAt, now, cal)),
        grade: l.scores?.grade ?? null,
      };
    })
    .sort((a, b) => a.businessMinutesLeft - b.businessMinutesLeft);
}

/** One rep's row: open leads against capacity, due soon and breached, and latency medians. */
function repRow(
  rep: string,
  leads: readonly BoardLead[],
  history: readonly LedgerEntry[],
  open: Readonly<Record<string, number>>,
  capacity: (rep: string) => number,
) {
  const mine = leads.filter((l) => (l.ownerId ?? 'unassigned') === rep);
  const human = history
    .filter((r) => r.cause === 'first_touch' && r.ownerId === rep)
    .map((r) => r.context?.humanLatencyMinutes ?? 0);
  const system = history
    .filter((r) => r.cause === 'assigned' && r.ownerId === rep)
    .map((r) => r.context?.systemLatencyMinutes ?? 0);
  return {
    ownerId: rep,
    open: open[rep] ?? mine.length,
    capacity: capacity(rep),
    dueSoon: mine.filter((l) => l.status === 'due_soon').length,
    breached: mine.filter((l) => l.status === 'breached').length,
    medianHumanLatencyMinutes: median(human),
    medianSystemLatencyMinutes: median(system),
  };
}

export async function slaBoard(deps: OpsDeps, tenantId: string) {
  const tenant = await getTenant(deps.db, tenantId);
  if (!tenant) return null;
  const now = deps.now();
  const policy = tenant.policy;
  const leads = boardLeads(await leadsInStages(deps.db, tenantId, ['assigned'], 5000), policy, now);
  const history = await ledgerForPeriod(deps.db, tenantId, new Date(now.getTime() - 30 * 86_400_000), now);
  const open = await openLeadsByOwner(deps.db, tenantId);
  const capacity = (rep: string) =>
    (policy.routing.mode === 'round_robin'
      ? policy.routing.reps.find((r) => r.id === rep)?.capacity
      : undefined) ?? policy.capacity.openLeadsPerRep;
  const reps = [...new Set([...leads.map((l) => l.ownerId ?? 'unassigned'), ...Object.keys(open)])].map(
    (rep) => repRow(rep, leads, history, open, capacity),
  );
  const names =
    (await deps.userNames?.(
      tenant,
      reps.map((r) => r.ownerId).filter((id) => id !== 'unassigned'),
    )) ?? new Map<string, string>();
  const nameOf = (id: string | null) => (id ? (names.get(id) ?? null) : null);
  return {
    tenantId,
    at: now.toISOString(),
    totals: {
      assigned: leads.length,
      dueSoon: leads.filter((l) => l.status === 'due_soon').length,
      breached: leads.filter((l) => l.status === 'breached').length,
    },
    overCapacity: repsOverCapacity(open, capacity).map((o) => ({ ...o, name: nameOf(o.repId) })),
    reps: reps
      .map((r) => ({ ...r, name: nameOf(r.ownerId) }))
      .sort((a, b) => b.breached - a.breached || b.dueSoon - a.dueSoon),
    leads: leads.slice(0, 500).map((l) => ({ ...l, ownerName: nameOf(l.ownerId) })),
  };
}
