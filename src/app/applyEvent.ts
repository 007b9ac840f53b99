// Applies one event to one lead: load, decide in the context the path built (decisionContext.ts), save state +
// ledger + effects in one transaction. A concurrent save of the same lead (another replica) makes it reload and
// decide again. An event read off a CRM record is dropped when the lead was already brought in line with a newer
// read of that record (recordRead.ts), checked again on every reload.
import { decide, type DecisionProblem } from '../domain/decide/decide.ts';
import type { Decision } from '../domain/decide/draft.ts';
import type { LeadEvent } from '../domain/decide/leadEvent.ts';
import { newLeadState } from '../domain/decide/leadState.ts';
import { nextTimerAt } from '../domain/decide/nextTimer.ts';
import type { Executor, Tx } from '../store/executor.ts';
import { loadLead, saveDecision, StaleLead } from '../store/leads.ts';
import { encodeLeadState } from '../store/leadStateCodec.ts';
import { isOlderRead, type RecordRead } from '../store/recordRead.ts';
import type { DecisionContexts } from './decisionContext.ts';

const MAX_ATTEMPTS = 5;

export type ApplyOutcome =
  { ok: true; decision: Decision; saved: boolean } | { ok: false; problem: DecisionProblem };

/** The event came from an older read of the record than the one the lead's state already follows. */
export interface OlderRead {
  ok: true;
  saved: false;
  olderRead: true;
}

export interface ApplyInput {
  tenantId: string;
  leadId: string;
  event: LeadEvent;
  /** The path's decision contexts (one per run: the routing state follows each saved decision). */
  contexts: DecisionContexts;
  now: Date;
  /** Told about every saved decision (metrics). */
  observe?: ((decision: Decision) => void) | undefined;
  /** Runs inside the same transaction after the save (e.g. enqueue the effect flush). */
  alsoInTransaction?: (tx: Tx, decision: Decision) => Promise<void>;
}

/** An event read off a CRM record: the save records the read, and an older read than the stored one is dropped. */
export interface ReadApplyInput extends ApplyInput {
  read: RecordRead;
}

export async function applyEvent(db: Executor, input: ReadApplyInput): Promise<ApplyOutcome | OlderRead>;
export async function applyEvent(db: Executor, input: ApplyInput): Promise<ApplyOutcome>;
export async function applyEvent(
  db: Executor,
  input: ApplyInput & { read?: RecordRead },
): Promise<ApplyOutcome | OlderRead> {
  for (let attempt = 1; ; attempt++) {
    const stored = await loadLead(db, input.tenantId, input.leadId);
    if (input.read && stored?.read && isOlderRead(input.read, stored.read))
      return { ok: true, saved: false, olderRead: true };
    const state = stored?.state ?? newLeadState(input.leadId, input.event.at);
    const ctx = input.contexts.at(input.now);
    const result = decide(state, input.event, ctx);
    if (!result.ok) return result;
    const decision = result.decision;
    const unchanged =
      stored !== null &&
      decision.ledger.length === 0 &&
      decision.effects.length === 0 &&
      JSON.stringify(encodeLeadState(decision.state)) === JSON.stringify(encodeLeadState(stored.state));
    // A read of a newer version of the record that decides nothing is still recorded: an older read applied after it
    // must find it. A read of the same version is not (it would cost a write per re-read of an unchanged lead).
    const readMoves =
      input.read !== undefined &&
      (!stored?.read || input.read.modifiedAt.getTime() > stored.read.modifiedAt.getTime());
    if (unchanged && !readMoves) return { ok: true, decision, saved: false };
    try {
      await db.transaction().execute(async (tx) => {
        await saveDecision(tx, input.tenantId, decision, {
          expectedVersion: stored?.version ?? null,
          nextTimerAt: nextTimerAt(decision.state, ctx.policy, input.now, ctx.measuredCycle),
          read: input.read,
        });
        if (!unchanged) await input.alsoInTransaction?.(tx, decision);
      });
      if (unchanged) return { ok: true, decision, saved: false };
      input.contexts.saved(stored?.state ?? null, decision);
      input.observe?.(decision);
      return { ok: true, decision, saved: true };
    } catch (error) {
      if (!(error instanceof StaleLead) || attempt >= MAX_ATTEMPTS) throw error;
    }
  }
}
