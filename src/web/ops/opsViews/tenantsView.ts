// Tenants and their connection health: CRM API usage against its limits, last webhook and poll, provisioning
// problems, change feed topics that stopped, backfill progress and the effects still pending or dead.
import { z } from 'zod';
import { readCheckpoint } from '../../../store/checkpoints.ts';
import { callsSince, deadEffects, effectCounts, lastInbound } from '../../../store/opsQueries.ts';
import { listTenants, type Tenant } from '../../../store/tenants.ts';
import { readBackfill } from '../../../worker/backfill.ts';
import { RECONCILE_CHECKPOINT } from '../../../worker/reconcile.ts';
import { PROVISIONING_CHECKPOINT } from '../../../app/connectCrm.ts';
import { API_BUDGET_CHECKPOINT } from '../../../app/alerts.ts';
import { TOPIC_PROBLEM_FIX, topicProblems } from '../../../app/changeCaptureHealth.ts';
import type { OpsDeps } from './opsDeps.ts';

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

type EffectCount = Awaited<ReturnType<typeof effectCounts>>[number];

async function tenantView(deps: OpsDeps, t: Tenant, now: Date, counts: readonly EffectCount[]) {
  const [day, tenSeconds, hour] = await Promise.all([
    callsSince(deps.db, t.id, new Date(now.getTime() - 86_400_000)),
    callsSince(deps.db, t.id, new Date(now.getTime() - 10_000)),
    callsSince(deps.db, t.id, new Date(now.getTime() - 3_600_000)),
  ]);
  const provisioning = await readCheckpoint(deps.db, t.id, PROVISIONING_CHECKPOINT, provisioningShape).catch(
    () => null,
  );
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
  const facts = deps.crmFacts(t.crm);
  const perTenSeconds = facts.limitPer10s;
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
    /** What the last inbound change was: "webhook" (HubSpot), "change event" (Salesforce). */
    inbound: facts.inbound,
    lastPollAt: reconcile?.since ?? null,
    provisioningProblems: provisioning?.problems ?? [],
    refusedByRules: await refusedByRules(deps, t, facts.ruleRefusal),
    /** Change feed topics stopped until they answer again (Salesforce change events), with what fixes each. */
    changeCapture: (await topicProblems(deps.db, t.id)).map((p) => ({
      ...p,
      fix: TOPIC_PROBLEM_FIX[p.kind],
    })),
    backfill: await readBackfill(deps.db, t.id),
    effects: {
      pending: mine.find((c) => c.status === 'pending')?.n ?? 0,
      dead: mine.find((c) => c.status === 'dead')?.n ?? 0,
    },
  };
}

/**
 * Baton's writes the account's own rules refused for good (a Salesforce validation rule), by the rule's message: the
 * admin's automation, not Baton, decides these, so the Tenants page says which rule and how to let Baton through.
 */
async function refusedByRules(deps: OpsDeps, t: Tenant, ruleRefusal: (lastError: string) => string | null) {
  const byMessage = new Map<string, number>();
  for (const d of await deadEffects(deps.db, { tenantId: t.id, limit: 1_000 })) {
    const message = d.lastError ? ruleRefusal(d.lastError) : null;
    if (message) byMessage.set(message, (byMessage.get(message) ?? 0) + 1);
  }
  return [...byMessage].map(([message, writes]) => ({
    message,
    writes,
    fix: "An admin lets Baton's integration user through the rule (or changes it), then replays the dead letters from the Failures page.",
  }));
}

export async function tenantsView(deps: OpsDeps) {
  const now = deps.now();
  const counts = await effectCounts(deps.db);
  return Promise.all((await listTenants(deps.db)).map((t) => tenantView(deps, t, now, counts)));
}
