// Builders for ledger rows in the funnel tests. Times are short UTC strings in 2025 ('03-04 10:00').
import type { LedgerCause, LedgerContext, LedgerEntry } from '../ledger.ts';
import type { Stage } from '../stages.ts';
import type { Period } from './period.ts';

/** '03-04 10:00' → 2025-03-04T10:00:00Z. */
export const t = (when: string): Date => new Date(`2025-${when.replace(' ', 'T')}:00Z`);

/** Two ISO weeks: Monday 3 March to Monday 17 March 2025 (half-open). */
export const PERIOD: Period = { from: t('03-03 00:00'), to: t('03-17 00:00') };

const USUAL_CAUSE: Record<Stage, LedgerCause> = {
  inquiry: 'created',
  mql: 'score_qualified',
  assigned: 'assigned',
  accepted: 'first_touch',
  qualified: 'opportunity',
  won: 'closed_won',
  lost: 'closed_lost',
  returned: 'rep_returned',
  recycled: 'stalled',
  disqualified: 'exhausted',
};

export interface RowSpec {
  leadId?: string;
  at: string;
  from?: Stage | null;
  to: Stage;
  cause?: LedgerCause;
  reason?: string;
  ownerId?: string | null;
  context?: LedgerContext;
}

/** One row; `from` defaults to null (first seen), the cause to the usual one for the target stage. */
export function row(spec: RowSpec): LedgerEntry {
  return {
    leadId: spec.leadId ?? 'lead-1',
    at: t(spec.at),
    from: spec.from ?? null,
    to: spec.to,
    cause: spec.cause ?? USUAL_CAUSE[spec.to],
    actor: { kind: 'system' },
    ...(spec.reason !== undefined && { reason: spec.reason }),
    ...(spec.ownerId !== undefined && { ownerId: spec.ownerId }),
    ...(spec.context !== undefined && { context: spec.context }),
  };
}

export type Step = [at: string, to: Stage, extra?: Omit<RowSpec, 'leadId' | 'at' | 'to' | 'from'>];

/**
 * A lead's rows along a path: each step comes from the previous step's stage, so a step to the stage the
 * lead is already in is a mark (SLA reminder, breach, reassignment).
 */
export function journey(leadId: string, steps: readonly Step[]): LedgerEntry[] {
  let from: Stage | null = null;
  return steps.map(([at, to, extra]) => {
    const entry = row({ ...extra, leadId, at, from, to });
    from = to;
    return entry;
  });
}
