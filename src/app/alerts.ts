// Alerts, measured from the store and decided by the domain rules; announced once when they start (a structured
// log line, a metric, and the configured webhook).
import { z } from 'zod';
import { alertsFor, type Alert } from '../domain/alerts.ts';
import { rejectRate } from '../domain/funnel/rejectRate.ts';
import { readCheckpoint, writeCheckpoint } from '../store/checkpoints.ts';
import type { Executor } from '../store/executor.ts';
import { ledgerForPeriod } from '../store/ledger.ts';
import { listTenants } from '../store/tenants.ts';
import { topicProblems } from './changeCaptureHealth.ts';
import { mqlCapacityNow } from './mqlCapacity.ts';

const DAY = 86_400_000;
const REJECT_PERIOD_DAYS = 30;
export const ALERTS_CHECKPOINT = 'alerts';
export const API_BUDGET_CHECKPOINT = 'api.budget';

const budget = z.object({ used: z.number(), max: z.number().positive() });

/** The alerts now. `remember`: cache what is costly to measure (the worker's pass); a read never writes. */
export async function currentAlerts(db: Executor, now: Date, remember = false): Promise<Alert[]> {
  const all: Alert[] = [];
  for (const t of await listTenants(db)) {
    const rows = await ledgerForPeriod(db, t.id, new Date(now.getTime() - REJECT_PERIOD_DAYS * DAY), now);
    const rr = rejectRate(rows, {
      period: { from: new Date(now.getTime() - REJECT_PERIOD_DAYS * DAY), to: now },
      reasons: t.policy.reasons,
      bucket: 'week',
      target: t.policy.rejectRateTarget,
    });
    const breachRows = await db
      .selectFrom('ledger')
      .select('at')
      .where('tenant_id', '=', t.id)
      .where('cause', '=', 'sla_breach')
      .where('at', '>=', new Date(now.getTime() - 8 * DAY))
      .execute();
    const last24h = breachRows.filter((r) => r.at.getTime() >= now.getTime() - DAY).length;
    const api = await readCheckpoint(db, t.id, API_BUDGET_CHECKPOINT, budget);
    all.push(
      ...alertsFor({
        tenantId: t.id,
        tenantName: t.name,
        status: t.status,
        rejectRate: {
          rate: rr.rate,
          target: rr.target,
          handedOver: rr.handedOver,
          periodDays: REJECT_PERIOD_DAYS,
        },
        breaches: { last24h, dailyAverageBefore: (breachRows.length - last24h) / 7 },
        apiBudgetUsed: api ? api.used / api.max : null,
        changeCapture: (await topicProblems(db, t.id)).map((p) => ({ ...p, since: new Date(p.since) })),
        mqlCapacity: await mqlCapacityNow(db, t, now, { remember }),
        now,
      }),
    );
  }
  return all;
}

/** Evaluates, and returns the alerts that just started (to be announced); remembers the active ones per tenant. */
export async function newAlerts(db: Executor, now: Date): Promise<{ active: Alert[]; started: Alert[] }> {
  const active = await currentAlerts(db, now, true);
  const started: Alert[] = [];
  for (const t of await listTenants(db)) {
    const mine = active.filter((a) => a.tenantId === t.id);
    const before = new Set(
      (await readCheckpoint(db, t.id, ALERTS_CHECKPOINT, z.object({ keys: z.array(z.string()) })))?.keys ??
        [],
    );
    started.push(...mine.filter((a) => !before.has(a.key)));
    await writeCheckpoint(db, t.id, ALERTS_CHECKPOINT, { keys: mine.map((a) => a.key) });
  }
  return { active, started };
}
