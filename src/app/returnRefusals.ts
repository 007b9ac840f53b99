// A return the rep asked for in the CRM (Salesforce's quick action writes a request into the lead) that Baton cannot
// act on when it reads it — the lead moved on meanwhile (recycled by the SLA, converted, already returned) or the
// request breaks its reason's rules. Baton answers on the record in the rep's words and clears the request, so the
// rep sees why and can return the lead again later; ops see the refusal in the sync log. Never silently dropped.
import type { DecisionProblem } from '../domain/decide/decide.ts';
import type { Stage } from '../domain/stages.ts';
import { insertNewEffects } from '../store/effects.ts';
import type { Executor } from '../store/executor.ts';
import { recordSync } from '../store/syncLog.ts';
import { whyNotReturnable } from './leadPassport.ts';

/** What the rep reads on the lead (a text field of 255 characters). */
export function refusalInWords(problem: DecisionProblem, stage: Stage): string {
  const why =
    problem.kind === 'not_returnable'
      ? whyNotReturnable(stage)
      : problem.problems.map((p) => p.message).join(' ');
  return `Baton did not take this lead back: ${why}`.slice(0, 255);
}

/**
 * Answers one refused request; the same request read again (before the answer reached the CRM) is answered once.
 * Returns whether this call answered it.
 */
export async function refuseReturnRequest(
  db: Executor,
  r: {
    tenantId: string;
    leadId: string;
    requestedAt: Date;
    problem: DecisionProblem;
    stage: Stage;
    now: Date;
  },
): Promise<boolean> {
  const key = `return-refused:${r.leadId}:${r.requestedAt.toISOString()}`;
  const message = refusalInWords(r.problem, r.stage);
  return db.transaction().execute(async (tx) => {
    // Two readers of the same lead (a drain, a reconciliation) may both get here: one insert wins, one answer.
    const inserted = await insertNewEffects(tx, r.tenantId, [
      { kind: 'write_fields', key, leadId: r.leadId, fields: { returnRefusal: message } },
    ]);
    if (inserted.length === 0) return false;
    await recordSync(tx, [
      {
        tenantId: r.tenantId,
        direction: 'inbound',
        operation: 'return request refused',
        recordIds: [r.leadId],
        status: 'skipped',
        errorKind: r.problem.kind,
        message,
        at: r.now,
      },
    ]);
    return true;
  });
}
