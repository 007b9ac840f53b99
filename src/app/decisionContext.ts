// The one place a decision's context is built. Every path that decides about leads — the inbox drain (webhooks,
// change events, the Salesforce quick action's return), reconciliation, backfill, the SLA sweep, the score decay
// and the card's return — gets its context here: the tenant's policy (SLA hours, business calendar, reasons,
// routing), the sales cycle measured from its own ledger (what "stalled" means), and, when Baton routes, the
// routing state — each rep's open load and the rep the round robin continues after — kept current as the path's
// decisions hand leads out, so consecutive MQLs in one run go round the team.
import type { Decision, DecisionContext } from '../domain/decide/draft.ts';
import type { LeadState } from '../domain/decide/leadState.ts';
import type { Executor } from '../store/executor.ts';
import { openLeadsByOwner } from '../store/leads.ts';
import { lastRoutedOwner } from '../store/ledger.ts';
import type { Tenant } from '../store/tenants.ts';
import { readMeasuredCycle } from './measuredCycle.ts';

export interface DecisionContexts {
  /** The context for a decision taken at `now`. */
  at(now: Date): DecisionContext;
  /** A decision about a lead that was `before` was saved: the routing state follows its owner and stage. */
  saved(before: LeadState | null, decision: Decision): void;
}

type Routing = NonNullable<DecisionContext['routing']>;

/** The routing state once a lead went from `before` to what `decision` made of it. */
export function follow(routing: Routing, before: LeadState | null, decision: Decision): Routing {
  const holder = (s: LeadState | null) => (s?.stage === 'assigned' && s.ownerId ? s.ownerId : null);
  const was = holder(before);
  const is = holder(decision.state);
  const open = { ...routing.openLeads };
  if (was !== is) {
    if (was) open[was] = Math.max(0, (open[was] ?? 0) - 1);
    if (is) open[is] = (open[is] ?? 0) + 1;
  }
  // The rep Baton's routing picked is where the round robin continues.
  const routed = decision.effects.findLast((e) => e.kind === 'set_owner' && e.why === 'routing');
  const lastAssigned = routed?.kind === 'set_owner' ? routed.ownerId : routing.lastAssigned;
  return { openLeads: open, lastAssigned };
}

export async function decisionContexts(db: Executor, tenant: Tenant): Promise<DecisionContexts> {
  const policy = tenant.policy;
  const measuredCycle = await readMeasuredCycle(db, tenant.id);
  let routing: Routing | undefined =
    policy.routing.mode === 'round_robin'
      ? {
          openLeads: await openLeadsByOwner(db, tenant.id),
          lastAssigned: await lastRoutedOwner(db, tenant.id),
        }
      : undefined;
  return {
    at: (now) => ({ policy, now, measuredCycle, ...(routing && { routing }) }),
    saved(before, decision) {
      if (routing) routing = follow(routing, before, decision);
    },
  };
}
