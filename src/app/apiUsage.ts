// An account's daily API allocation as its CRM reports it after calls (Salesforce's Sforce-Limit-Info), kept for
// ops and alerts. Written at most every 30 s per tenant, and never in the call's way: a failed save (database down)
// is dropped, not an unhandled rejection that would end the process; the next report saves it again.
import { writeCheckpoint } from '../store/checkpoints.ts';
import type { Executor } from '../store/executor.ts';
import { API_BUDGET_CHECKPOINT } from './alerts.ts';

const SAVE_EVERY_MS = 30_000;

export function apiUsageRecorder(deps: {
  db: Executor;
  now: () => Date;
}): (tenantId: string, usage: { used: number; max: number }) => void {
  const savedAt = new Map<string, number>();
  return (tenantId, usage) => {
    const last = savedAt.get(tenantId) ?? 0;
    if (Date.now() - last < SAVE_EVERY_MS) return;
    savedAt.set(tenantId, Date.now());
    void writeCheckpoint(deps.db, tenantId, API_BUDGET_CHECKPOINT, {
      ...usage,
      at: deps.now().toISOString(),
    }).catch(() => undefined);
  };
}
