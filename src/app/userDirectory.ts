// Names for the people behind CRM ids (who returned a lead, whose leads these are), asked of the tenant's CRM and
// kept for a while: cards and ops pages show "Maya Reed", not "HubSpot user 4711". Names are a courtesy — when the
// CRM cannot answer, the ids stay unnamed and nothing fails.
import type { CrmPort } from '../crm/port.ts';
import type { Logger } from '../logger.ts';
import type { Tenant } from '../store/tenants.ts';

const TTL_MS = 10 * 60_000;

export type UserNames = (tenant: Tenant, ids: readonly string[]) => Promise<ReadonlyMap<string, string>>;

export function userDirectory(deps: {
  crmFor: (tenant: Tenant) => Promise<CrmPort>;
  log: Pick<Logger, 'warn'>;
  /** Real time for the cache (names do not follow a simulated clock). */
  nowMs?: () => number;
}): UserNames {
  const nowMs = deps.nowMs ?? Date.now;
  /** tenant → id → name (null: asked, the CRM does not know it) and when it was asked. */
  const cache = new Map<string, Map<string, { name: string | null; at: number }>>();
  return async (tenant, ids) => {
    const known = cache.get(tenant.id) ?? new Map<string, { name: string | null; at: number }>();
    cache.set(tenant.id, known);
    const fresh = (id: string) => {
      const k = known.get(id);
      return k !== undefined && nowMs() - k.at < TTL_MS;
    };
    const missing = [...new Set(ids)].filter((id) => id !== '' && !fresh(id));
    if (missing.length > 0) {
      try {
        const names = await (await deps.crmFor(tenant)).userNames(missing);
        for (const id of missing) known.set(id, { name: names.get(id) ?? null, at: nowMs() });
      } catch (err) {
        deps.log.warn({ err, tenantId: tenant.id }, 'could not read user names from the CRM');
      }
    }
    const out = new Map<string, string>();
    for (const id of ids) {
      const name = known.get(id)?.name;
      if (name) out.set(id, name);
    }
    return out;
  };
}
