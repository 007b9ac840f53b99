// The SLA sweep: ticks only the leads whose timer is due (reminders, breaches, auto-recycles, hygiene, cooldown
// ends). A page of due leads is read with their state in one query, decided in memory, and saved in one
// transaction; a lead another worker changed meanwhile is decided again on its own. Each lead is visited once
// per run, and the run stops at a time budget (the next tick continues).
import { decide } from '../domain/decide/decide.ts';
import type { Decision } from '../domain/decide/draft.ts';
import type { LeadState } from '../domain/decide/leadState.ts';
import { nextTimerAt } from '../domain/decide/nextTimer.ts';
import { applyEvent } from '../app/applyEvent.ts';
import { encodeLeadState } from '../store/leadStateCodec.ts';
import type { Executor } from '../store/executor.ts';
import { dueLeadStates, saveDecisionsBatch } from '../store/leads.ts';
import type { Tenant } from '../store/tenants.ts';
import type { Clock } from './clock.ts';
import { decisionContexts } from '../app/decisionContext.ts';

export interface SweepResult {
  visited: number;
  changed: number;
  /** True when the time budget ran out before every due lead was visited (the next run continues). */
  truncated: boolean;
}

export async function sweepDueLeads(
  deps: { db: Executor; clock: Clock; observeDecision?: (decision: Decision) => void },
  tenant: Tenant,
  opts: { pageSize?: number; budgetMs?: number } = {},
): Promise<SweepResult> {
  const now = deps.clock.now();
  const started = Date.now();
  const seen = new Set<string>();
  const contexts = await decisionContexts(deps.db, tenant);
  const result: SweepResult = { visited: 0, changed: 0, truncated: false };
  for (;;) {
    if (Date.now() - started > (opts.budgetMs ?? 50_000)) return { ...result, truncated: true };
    const page = (
      await dueLeadStates(deps.db, { now, limit: opts.pageSize ?? 500, tenantId: tenant.id })
    ).filter((d) => !seen.has(d.state.leadId));
    if (page.length === 0) return result;
    const items: Array<{
      decision: Decision;
      before: LeadState;
      expectedVersion: number;
      nextTimerAt: Date | null;
    }> = [];
    for (const due of page) {
      seen.add(due.state.leadId);
      result.visited++;
      const ctx = contexts.at(now);
      const r = decide(due.state, { kind: 'tick', at: now }, ctx);
      if (!r.ok) continue;
      const timer = nextTimerAt(r.decision.state, ctx.policy, now, ctx.measuredCycle);
      const unchanged =
        r.decision.ledger.length === 0 &&
        r.decision.effects.length === 0 &&
        timer?.getTime() === due.nextTimerAt.getTime() &&
        JSON.stringify(encodeLeadState(r.decision.state)) === JSON.stringify(encodeLeadState(due.state));
      if (unchanged) continue;
      items.push({
        decision: r.decision,
        before: due.state,
        expectedVersion: due.version,
        nextTimerAt: timer,
      });
      // The page's next decisions see this one's routing (a breached lead re-routed adds to that rep's load).
      contexts.saved(due.state, r.decision);
    }
    const { saved, stale } = await deps.db
      .transaction()
      .execute((tx) => saveDecisionsBatch(tx, tenant.id, items));
    for (const item of items) {
      if (saved.has(item.decision.state.leadId)) deps.observeDecision?.(item.decision);
      // Not saved after all: take its routing back out (it is decided again on its own below).
      else contexts.saved(item.decision.state, { ...item.decision, state: item.before, effects: [] });
    }
    result.changed += saved.size;
    for (const leadId of stale) {
      const outcome = await applyEvent(deps.db, {
        tenantId: tenant.id,
        leadId,
        event: { kind: 'tick', at: now },
        contexts,
        now,
        observe: deps.observeDecision,
      });
      if (outcome.ok && outcome.saved) result.changed++;
    }
  }
}
