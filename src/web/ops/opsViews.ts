// What the ops console shows, computed from the store: tenants and their connection health, failures grouped by
// cause with their funnel impact, the SLA board, a lead's full timeline, funnel analytics and alerts.
import { z } from 'zod';
import type { LeadState } from '../../domain/decide/leadState.ts';
import { funnelReport, type FunnelReport } from '../../domain/funnel/funnelReport.ts';
import type { BucketSize } from '../../domain/funnel/buckets.ts';
import { median } from '../../domain/funnel/stats.ts';
import { repsOverCapacity } from '../../domain/routing.ts';
import { inTimeZone } from '../../domain/sla/businessCalendar.ts';
import { businessMinutesLeft, slaStatus } from '../../domain/sla/slaClock.ts';
import { readCheckpoint } from '../../store/checkpoints.ts';
import type { Executor } from '../../store/executor.ts';
import { openLeadsByOwner } from '../../store/leads.ts';
import { ledgerForPeriod, ledgerOfLead } from '../../store/ledger.ts';
import {
  callsSince,
  deadEffects,
  effectCounts,
  inboxOfLead,
  lastInbound,
  leadsInStages,
  leadsWithUnappliedEffects,
} from '../../store/opsQueries.ts';
import { querySyncLog } from '../../store/syncLog.ts';
import { getTenant, listTenants, type Tenant } from '../../store/tenants.ts';
import { readBackfill } from '../../worker/backfill.ts';
import { RECONCILE_CHECKPOINT } from '../../worker/reconcile.ts';
import { PROVISIONING_CHECKPOINT } from '../../app/connectCrm.ts';
import { API_BUDGET_CHECKPOINT } from '../../app/alerts.ts';
import type { UserNames } from '../../app/userDirectory.ts';

export interface OpsDeps {
  db: Executor;
  now: () => Date;
  /** CRM calls waiting for a rate-limit slot right now, per tenant. */
  rateLimitWaiting: (tenantId: string) => number;
  /** Requests the CRM's rolling 10-second window allows per account; null where it has none. */
  limitPer10s: (crm: Tenant['crm']) => number | null;
  /** Reps' names from the CRM (optional: without it the board shows owner ids). */
  userNames?: UserNames;
}

const STATUS_LABEL = {
  connected: 'connected',
  refresh_failing: 'token refresh failing',
  disconnected: 'disconnected',
} as const;

const dailyBudgetShape = z.object({ used: z.number(), max: z.number(), at: z.string().optional() });

const provisioningShape = z.object({
  problems: z.array(z.object({ what: z.string(), fix: z.string() })),
  at: z.string().optional(),
});

export async function tenantsView(deps: OpsDeps) {
  const now = deps.now();
  const counts = await effectCounts(deps.db);
  return Promise.all(
    (await listTenants(deps.db)).map(async (t) => {
      const [day, tenSeconds, hour] = await Promise.all([
        callsSince(deps.db, t.id, new Date(now.getTime() - 86_400_000)),
        callsSince(deps.db, t.id, new Date(now.getTime() - 10_000)),
        callsSince(deps.db, t.id, new Date(now.getTime() - 3_600_000)),
      ]);
      const provisioning = await readCheckpoint(
        deps.db,
        t.id,
        PROVISIONING_CHECKPOINT,
        provisioningShape,
      ).catch(() => null);
      const reconcile = await readCheckpoint(
        deps.db,
        t.id,
        RECONCILE_CHECKPOINT,
        z.object({ since: z.string() }),
      );
      const mine = counts.filter((c) => c.tenantId === t.id);
      // The account's daily allocation where its CRM reports one (Salesforce's Sforce-Limit-Info).
      const daily = await readCheckpoint(deps.db, t.id, API_BUDGET_CHECKPOINT, dailyBudgetShape).catch(
        () => null,
      );
      const perTenSeconds = deps.limitPer10s(t.crm);
      return {
        id: t.id,
        crm: t.crm,
        name: t.name,
        externalId: t.externalId,
        status: t.status,
        statusLabel: STATUS_LABEL[t.status],
        api: {
          callsLast24h: day.calls,
          callsLast10s: tenSeconds.calls,
          /** The CRM's rolling 10-second limit (HubSpot); null where there is none (Salesforce). */
          limitPer10s: perTenSeconds,
          leftLast10s: perTenSeconds === null ? null : Math.max(0, perTenSeconds - tenSeconds.calls),
          /** The daily allocation (used of max, when last reported: Salesforce); null where none is reported. */
          daily: daily ? { used: daily.used, max: daily.max, at: daily.at ?? null } : null,
          rateLimitedLastHour: hour.rateLimited,
          waitingNow: deps.rateLimitWaiting(t.id),
        },
        lastWebhookAt: (await lastInbound(deps.db, t.id))?.toISOString() ?? null,
        lastPollAt: reconcile?.since ?? null,
        provisioningProblems: provisioning?.problems ?? [],
        backfill: await readBackfill(deps.db, t.id),
        effects: {
          pending: mine.find((c) => c.status === 'pending')?.n ?? 0,
          dead: mine.find((c) => c.status === 'dead')?.n ?? 0,
        },
      };
    }),
  );
}

/** "HTTP 400: Property values were not valid: [...]" → "HTTP 400: Property values were not valid" (a cause). */
const causeOf = (error: string | null) =>
  (error ?? 'unknown')
    .replace(/[:\-–]\s*\[.*$/s, '')
    .replace(/\b\d{5,}\b/g, '#')
    .slice(0, 160);

export async function failuresView(deps: OpsDeps, tenantId?: string) {
  const dead = await deadEffects(deps.db, { ...(tenantId && { tenantId }), limit: 5000 });
  const groups = new Map<
    string,
    {
      cause: string;
      kinds: Set<string>;
      count: number;
      leads: Set<string>;
      keys: string[];
      tenants: Set<string>;
    }
  >();
  for (const d of dead) {
    const cause = causeOf(d.lastError);
    const g = groups.get(cause) ?? {
      cause,
      kinds: new Set(),
      count: 0,
      leads: new Set(),
      keys: [],
      tenants: new Set(),
    };
    g.kinds.add(d.kind);
    g.count++;
    g.leads.add(d.leadId);
    g.keys.push(d.key);
    g.tenants.add(d.tenantId);
    groups.set(cause, g);
  }
  const tenants = tenantId
    ? [await getTenant(deps.db, tenantId)].filter((t): t is Tenant => t !== null)
    : await listTenants(deps.db);
  const stuck: Array<{
    tenantId: string;
    leadId: string;
    stage: string;
    dueAt: string | null;
    error: string;
  }> = [];
  for (const t of tenants) {
    const held = await leadsWithUnappliedEffects(deps.db, t.id);
    if (held.size === 0) continue;
    for (const lead of await leadsInStages(deps.db, t.id, ['mql', 'assigned'], 5000)) {
      const error = held.get(lead.leadId);
      if (error && !lead.sla?.firstTouchAt) {
        stuck.push({
          tenantId: t.id,
          leadId: lead.leadId,
          stage: lead.stage,
          dueAt: lead.sla?.dueAt.toISOString() ?? null,
          error: causeOf(error),
        });
      }
    }
  }
  return {
    stuckMqls: {
      count: stuck.length,
      message:
        stuck.length > 0
          ? `${stuck.length} MQLs are stuck behind sync errors and their SLA is running`
          : null,
      leads: stuck.slice(0, 200),
    },
    groups: [...groups.values()]
      .sort((a, b) => b.count - a.count)
      .map((g) => ({
        cause: g.cause,
        kinds: [...g.kinds],
        count: g.count,
        tenants: [...g.tenants],
        affectedLeads: [...g.leads].slice(0, 100),
        affectedLeadCount: g.leads.size,
        keys: g.keys.slice(0, 1000),
      })),
    total: dead.length,
  };
}

export async function slaBoard(deps: OpsDeps, tenantId: string) {
  const tenant = await getTenant(deps.db, tenantId);
  if (!tenant) return null;
  const now = deps.now();
  const policy = tenant.policy;
  const base = { timeZone: policy.timeZone, week: policy.businessHours, holidays: policy.holidays };
  const assigned = await leadsInStages(deps.db, tenantId, ['assigned'], 5000);
  const leads = assigned
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
  const history = await ledgerForPeriod(deps.db, tenantId, new Date(now.getTime() - 30 * 86_400_000), now);
  const open = await openLeadsByOwner(deps.db, tenantId);
  const capacity = (rep: string) =>
    (policy.routing.mode === 'round_robin'
      ? policy.routing.reps.find((r) => r.id === rep)?.capacity
      : undefined) ?? policy.capacity.openLeadsPerRep;
  const reps = [...new Set([...leads.map((l) => l.ownerId ?? 'unassigned'), ...Object.keys(open)])].map(
    (rep) => {
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
    },
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

export async function leadTimeline(deps: OpsDeps, tenantId: string, leadId: string) {
  const [ledger, calls, inbound] = await Promise.all([
    ledgerOfLead(deps.db, tenantId, leadId),
    querySyncLog(deps.db, { tenantId, recordId: leadId, limit: 500 }),
    inboxOfLead(deps.db, tenantId, leadId),
  ]);
  const items = [
    ...inbound.map((e) => ({
      at: e.at.toISOString(),
      type: 'event' as const,
      summary: `${e.source}: ${String(e.payload['kind'] ?? 'event')}`,
      status: e.status,
      detail: e.payload,
    })),
    ...ledger.map((r) => ({
      at: r.at.toISOString(),
      type: 'decision' as const,
      summary:
        r.from === r.to
          ? `${r.cause.replace(/_/g, ' ')}`
          : `${r.from ?? 'new'} → ${r.to} (${r.cause.replace(/_/g, ' ')})`,
      status: 'ok',
      detail: { reason: r.reason ?? null, note: r.note ?? null, actor: r.actor, owner: r.ownerId ?? null },
    })),
    ...calls.map((c) => ({
      at: c.at.toISOString(),
      type: 'crm_call' as const,
      summary: `${c.direction === 'inbound' ? '←' : '→'} ${c.operation}`,
      status: c.status,
      detail: {
        httpStatus: c.httpStatus,
        attempt: c.attempt,
        latencyMs: c.latencyMs,
        errorKind: c.errorKind,
        message: c.message,
      },
    })),
  ];
  return { tenantId, leadId, items: items.sort((a, b) => a.at.localeCompare(b.at)) };
}

export async function funnelView(
  deps: OpsDeps,
  tenantId: string,
  period: { from: Date; to: Date },
  bucket: BucketSize,
): Promise<FunnelReport | null> {
  const tenant = await getTenant(deps.db, tenantId);
  if (!tenant) return null;
  const rows = await ledgerForPeriod(deps.db, tenantId, period.from, period.to);
  return funnelReport(rows, { period, policy: tenant.policy, bucket });
}
