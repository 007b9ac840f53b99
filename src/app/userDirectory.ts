// Names for the people behind CRM ids (who returned a lead, whose leads these are), asked of the tenant's CRM and
// kept for a while: cards and ops pages show "Maya Reed", not "HubSpot user 4711". Names are a courtesy — when the
// CRM cannot answer, the ids stay unnamed and nothing fails — and they never hold up an answer: a lookup stuck
// behind the CRM's rate limit (429s wait seconds each) is left to finish in the background after a short wait, so a
// card answers well inside hubspot.fetch's 15-second limit and the names are there the next time.
import type { CrmPort } from '../crm/port.ts';
import type { Logger } from '../logger.ts';
import type { Tenant } from '../store/tenants.ts';

const TTL_MS = 10 * 60_000;
/** How long an answer waits for names before it goes without them. */
const ANSWER_WITHIN_MS = 2_000;

export type UserNames = (tenant: Tenant, ids: readonly string[]) => Promise<ReadonlyMap<string, string>>;

export function userDirectory(deps: {
  crmFor: (tenant: Tenant) => Promise<CrmPort>;
  log: Pick<Logger, 'warn'>;
  /** Real time for the cache (names do not follow a simulated clock). */
  nowMs?: () => number;
  answerWithinMs?: number;
}): UserNames {
  const nowMs = deps.nowMs ?? Date.now;
  /** tenant → id → name (null: asked, the CRM does not know it) and when it was asked. */
  const cache = new Map<string, Map<string, { name: string | null; at: number }>>();
  /** tenant → ids being asked right now (one lookup per id at a time). */
  const asking = new Map<string, Map<string, Promise<void>>>();

  const lookup = (
    tenant: Tenant,
    ids: readonly string[],
    known: Map<string, { name: string | null; at: number }>,
  ) =>
    (async () => {
      try {
        const names = await (await deps.crmFor(tenant)).userNames(ids);
        for (const id of ids) known.set(id, { name: names.get(id) ?? null, at: nowMs() });
      } catch (err) {
        deps.log.warn({ err, tenantId: tenant.id }, 'could not read user names from the CRM');
      }
    })();

  return async (tenant, ids) => {
    const known = cache.get(tenant.id) ?? new Map<string, { name: string | null; at: number }>();
    cache.set(tenant.id, known);
    const inFlight = asking.get(tenant.id) ?? new Map<string, Promise<void>>();
    asking.set(tenant.id, inFlight);
    const fresh = (id: string) => {
      const k = known.get(id);
      return k !== undefined && nowMs() - k.at < TTL_MS;
    };
    const missing = [...new Set(ids)].filter((id) => id !== '' && !fresh(id) && !inFlight.has(id));
    if (missing.length > 0) {
      const asked = lookup(tenant, missing, known);
      for (const id of missing) inFlight.set(id, asked);
      void asked.finally(() => {
        for (const id of missing) if (inFlight.get(id) === asked) inFlight.delete(id);
      });
    }
    const waiting = [...new Set(ids.map((id) => inFlight.get(id)).filter((p) => p !== undefined))];
    if (waiting.length > 0) {
      let timer: NodeJS.Timeout | undefined;
      const budget = new Promise<void>((resolve) => {
        timer = setTimeout(resolve, deps.answerWithinMs ?? ANSWER_WITHIN_MS);
      });
      await Promise.race([Promise.all(waiting), budget]);
      clearTimeout(timer);
    }
    const out = new Map<string, string>();
    for (const id of ids) {
      const name = known.get(id)?.name;
      if (name) out.set(id, name);
    }
    return out;
  };
}
