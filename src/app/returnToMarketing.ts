// "Return to marketing": a rep hands a lead back with a reason. The decision (ledger row, recycle or review,
// effects) and the job that applies it to the CRM are saved in one transaction; a repeated request (double
// click, HubSpot's retry) returns once.
import type { DecisionProblem } from '../domain/decide/decide.ts';
import type { Decision } from '../domain/decide/draft.ts';
import type { LeadState } from '../domain/decide/leadState.ts';
import type { Executor, Tx } from '../store/executor.ts';
import { acceptIntoInbox } from '../store/inbox.ts';
import { loadLead } from '../store/leads.ts';
import type { Tenant } from '../store/tenants.ts';
import { applyEvent } from './applyEvent.ts';
import { decisionContexts } from './decisionContext.ts';

export interface ReturnInput {
  leadId: string;
  userId: string;
  reason: string;
  note?: string | undefined;
  reengageAt?: Date | undefined;
  /** The client's id for this submission: the same id again is the same return. */
  requestId: string;
}

export type ReturnOutcome =
  | { ok: true; state: LeadState; duplicate: boolean }
  | { ok: false; problem: DecisionProblem | { kind: 'unknown_lead'; message: string } };

class AlreadyReturned extends Error {}

const keyOf = (input: ReturnInput) => `card-return:${input.leadId}:${input.requestId}`;

export async function returnToMarketing(
  deps: {
    db: Executor;
    now: () => Date;
    enqueueFlush: (tx: Tx, tenantId: string) => Promise<void>;
    observeDecision?: (decision: Decision) => void;
  },
  tenant: Tenant,
  input: ReturnInput,
): Promise<ReturnOutcome> {
  const current = await loadLead(deps.db, tenant.id, input.leadId);
  if (!current) {
    return { ok: false, problem: { kind: 'unknown_lead', message: 'Baton does not track this contact yet' } };
  }
  const seen = await deps.db
    .selectFrom('inbox')
    .select('id')
    .where('tenant_id', '=', tenant.id)
    .where('dedupe_key', '=', keyOf(input))
    .executeTakeFirst();
  if (seen) return { ok: true, state: current.state, duplicate: true };
  const now = deps.now();
  try {
    const outcome = await applyEvent(deps.db, {
      tenantId: tenant.id,
      leadId: input.leadId,
      event: {
        kind: 'returned',
        at: now,
        byUserId: input.userId,
        reason: input.reason,
        note: input.note,
        reengageAt: input.reengageAt,
      },
      contexts: await decisionContexts(deps.db, tenant),
      now,
      observe: deps.observeDecision,
      alsoInTransaction: async (tx) => {
        const marker = await acceptIntoInbox(tx, {
          tenantId: tenant.id,
          source: 'card.return',
          dedupeKey: keyOf(input),
          leadId: input.leadId,
          payload: { ...input, reengageAt: input.reengageAt?.toISOString() ?? null },
        });
        if (marker.outcome === 'duplicate') throw new AlreadyReturned();
        // Processed here and now; the row is the audit trail and the idempotency key.
        await tx
          .updateTable('inbox')
          .set({ status: 'processed', processed_at: now })
          .where('id', '=', marker.id)
          .execute();
        await deps.enqueueFlush(tx, tenant.id);
      },
    });
    if (!outcome.ok) return outcome;
    return { ok: true, state: outcome.decision.state, duplicate: false };
  } catch (error) {
    if (!(error instanceof AlreadyReturned)) throw error;
    const after = await loadLead(deps.db, tenant.id, input.leadId);
    return { ok: true, state: after?.state ?? current.state, duplicate: true };
  }
}
