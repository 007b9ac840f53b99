// Failures: dead letters grouped by cause (their kinds, leads, tenants and keys to replay), the MQLs stuck
// behind unapplied writes while their SLA runs, disqualifications in HubSpot's Leads workspace Baton holds, and
// inbox items the drain set aside (the CRM would not read their record) so they never block the rest.
import type { Executor } from '../../../store/executor.ts';
import {
  deadEffects,
  leadsInStages,
  leadsWithUnappliedEffects,
  type DeadEffect,
} from '../../../store/opsQueries.ts';
import { heldReturns } from '../../../store/heldReturns.ts';
import { countSetAsideInbox, setAsideInbox } from '../../../store/inbox.ts';
import { getTenant, listTenants, type Tenant } from '../../../store/tenants.ts';
import type { OpsDeps } from './opsDeps.ts';

/** "HTTP 400: Property values were not valid: [...]" → "HTTP 400: Property values were not valid" (a cause). */
const causeOf = (error: string | null) =>
  (error ?? 'unknown')
    .replace(/[:\-–]\s*\[.*$/s, '')
    .replace(/\b\d{5,}\b/g, '#')
    .slice(0, 160);

interface CauseGroup {
  cause: string;
  kinds: Set<string>;
  count: number;
  leads: Set<string>;
  keys: string[];
  tenants: Set<string>;
}

function groupByCause(dead: readonly DeadEffect[]): Map<string, CauseGroup> {
  const groups = new Map<string, CauseGroup>();
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
  return groups;
}

interface StuckMql {
  tenantId: string;
  leadId: string;
  stage: string;
  dueAt: string | null;
  error: string;
}

/** MQLs and assigned leads without a first touch whose writes are held up by an error. */
async function stuckLeads(db: Executor, tenants: readonly Tenant[]): Promise<StuckMql[]> {
  const stuck: StuckMql[] = [];
  for (const t of tenants) {
    const held = await leadsWithUnappliedEffects(db, t.id);
    if (held.size === 0) continue;
    for (const lead of await leadsInStages(db, t.id, ['mql', 'assigned'], 5000)) {
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
  return stuck;
}

export async function failuresView(deps: OpsDeps, tenantId?: string) {
  const dead = await deadEffects(deps.db, { ...(tenantId && { tenantId }), limit: 5000 });
  const groups = groupByCause(dead);
  const tenants = tenantId
    ? [await getTenant(deps.db, tenantId)].filter((t): t is Tenant => t !== null)
    : await listTenants(deps.db);
  const stuck = await stuckLeads(deps.db, tenants);
  const held = (
    await Promise.all(
      tenants.map(async (t) => (await heldReturns(deps.db, t.id)).map((h) => ({ tenantId: t.id, ...h }))),
    )
  ).flat();
  const setAside = await Promise.all(
    tenants.map(async (t) => ({
      count: await countSetAsideInbox(deps.db, t.id),
      items: (await setAsideInbox(deps.db, t.id, 100)).map((i) => ({ tenantId: t.id, ...i })),
    })),
  );
  return {
    setAsideInbox: {
      count: setAside.reduce((n, t) => n + t.count, 0),
      items: setAside.flatMap((t) => t.items).slice(0, 200),
    },
    heldReturns: {
      count: held.length,
      leads: held.slice(0, 200),
    },
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
