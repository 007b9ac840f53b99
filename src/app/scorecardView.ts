// The SLA scorecard of one tenant and period, read from the store: the ledger from the capacity plan's window
// before the previous period up to this period's end, through the tenant's policy; reps' names where the CRM has them.
import { PACE_WINDOW_WEEKS } from '../domain/scorecard/capacityPlan.ts';
import { scorecard, type Scorecard } from '../domain/scorecard/scorecard.ts';
import {
  parsePeriodLabel,
  periodAt,
  PERIOD_LABEL_HINT,
  previousPeriod,
} from '../domain/scorecard/scorecardPeriod.ts';
import { BatonError } from '../errors.ts';
import type { Executor } from '../store/executor.ts';
import { ledgerForPeriod } from '../store/ledger.ts';
import { getTenant } from '../store/tenants.ts';
import type { UserNames } from './userDirectory.ts';

export interface ScorecardView {
  tenantId: string;
  tenantName: string;
  scorecard: Scorecard;
  /** Owner id → name, for the reps the scorecard mentions (ids the CRM did not name are left out). */
  names: Record<string, string>;
}

const WEEK_MS = 7 * 86_400_000;

/** `label`: 2026-12, 2026-W49 or 2026-Q4 (default: this month). Null for an unknown tenant. */
export async function scorecardView(
  deps: { db: Executor; now: () => Date; userNames?: UserNames | undefined },
  tenantId: string,
  label?: string,
): Promise<ScorecardView | null> {
  const tenant = await getTenant(deps.db, tenantId);
  if (!tenant) return null;
  const { policy } = tenant;
  const now = deps.now();
  const period =
    label === undefined ? periodAt('month', now, policy.timeZone) : parsePeriodLabel(label, policy.timeZone);
  if (!period)
    throw new BatonError('invalid_input', `The period must be ${PERIOD_LABEL_HINT}`, {
      problems: [{ field: 'period', message: `"${label}" is not ${PERIOD_LABEL_HINT}` }],
    });
  if (period.from > now)
    throw new BatonError('invalid_input', `${period.label} has not started yet`, {
      problems: [{ field: 'period', message: `${period.label} is in the future` }],
    });
  const previous = previousPeriod(period, policy.timeZone);
  const rows = await ledgerForPeriod(
    deps.db,
    tenantId,
    new Date(previous.from.getTime() - PACE_WINDOW_WEEKS * WEEK_MS),
    period.to,
  );
  const card = scorecard(rows, { period, previous, policy, now });
  // Everyone the scorecard names: reps, their managers, whoever returned a lead for its owner, owners of misses.
  const ids = [
    ...new Set(
      [
        ...card.capacity.reps.flatMap((r) => [r.repId, r.team]),
        ...card.sales.byRep.map((r) => r.repId),
        ...card.sales.returns.flatMap((r) => [r.ownerId, r.returnedBy]),
        ...card.deviations.map((d) => d.ownerId ?? null),
      ].filter((id): id is string => id !== null),
    ),
  ];
  const names =
    ids.length > 0 && deps.userNames ? await deps.userNames(tenant, ids) : new Map<string, string>();
  return { tenantId, tenantName: tenant.name, scorecard: card, names: Object.fromEntries(names) };
}
