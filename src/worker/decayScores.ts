// Daily score recompute: engagement halves every half-life, so scores written yesterday drift from the truth.
// Every engaged lead gets a tick (rescored; written back only when what the CRM shows changes) — and a tick
// also judges pipeline hygiene by the measured cycle. Resumable.
import { decisionContexts } from '../app/decisionContext.ts';
import type { Decision } from '../domain/decide/draft.ts';
import type { Executor } from '../store/executor.ts';
import { engagedLeads } from '../store/leads.ts';
import type { Tenant } from '../store/tenants.ts';
import { applyEvent } from '../app/applyEvent.ts';
import type { Clock } from './clock.ts';

export async function decayScores(
  deps: { db: Executor; clock: Clock; observeDecision?: (decision: Decision) => void },
  tenant: Tenant,
  opts: { pageSize?: number; budgetMs?: number } = {},
): Promise<{ visited: number; changed: number; done: boolean }> {
  const started = Date.now();
  const contexts = await decisionContexts(deps.db, tenant);
  let after: string | null = null;
  let visited = 0;
  let changed = 0;
  for (;;) {
    const page = await engagedLeads(deps.db, tenant.id, { afterLeadId: after, limit: opts.pageSize ?? 500 });
    if (page.length === 0) return { visited, changed, done: true };
    for (const leadId of page) {
      const now = deps.clock.now();
      const outcome = await applyEvent(deps.db, {
        tenantId: tenant.id,
        leadId,
        event: { kind: 'tick', at: now },
        contexts,
        now,
        observe: deps.observeDecision,
      });
      visited++;
      if (outcome.ok && outcome.saved) changed++;
      after = leadId;
      if (Date.now() - started > (opts.budgetMs ?? 50_000)) return { visited, changed, done: false };
    }
  }
}
