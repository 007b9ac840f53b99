// The monthly closed-loop review of one tenant: the month read in the tenant's time zone, the ledger from a year
// before it (measured stage probabilities need history) up to now, and the people and leads behind the ids.
// An unknown tenant is not found; a malformed month or one that has not started is invalid input; a month in
// which nothing was handed over is still a pack (that says so). SLA deviations come from the SLA scorecard.
import { z } from 'zod';
import { DAY_MS } from '../domain/funnel/period.ts';
import { REALISM_WINDOW_DAYS } from '../domain/review/forecastRealism.ts';
import { monthlyReviewPack, type MonthlyReviewPack } from '../domain/review/reviewPack.ts';
import { parseReviewMonth, type ReviewMonth } from '../domain/review/reviewMonth.ts';
import { BatonError } from '../errors.ts';
import type { Executor } from '../store/executor.ts';
import { ledgerForPeriod } from '../store/ledger.ts';
import { getTenant, type Tenant } from '../store/tenants.ts';
import { scorecardView } from './scorecardView.ts';
import type { UserNames } from './userDirectory.ts';

export interface MonthlyReviewDeps {
  db: Executor;
  now: () => Date;
  /** Reps' names from the CRM (optional: without them the pack shows owner ids). */
  userNames?: UserNames;
}

/** The pack, and names for the ids in it: reps by owner id, leads by their email where Baton still holds it. */
export interface MonthlyReview {
  pack: MonthlyReviewPack;
  owners: Record<string, string>;
  leads: Record<string, string>;
}

const storedProfile = z.object({ profile: z.object({ email: z.string().nullish() }).partial() }).partial();

async function leadEmails(
  db: Executor,
  tenantId: string,
  leadIds: readonly string[],
): Promise<Record<string, string>> {
  if (leadIds.length === 0) return {};
  const rows = await db
    .selectFrom('leads')
    .select(['lead_id', 'state'])
    .where('tenant_id', '=', tenantId)
    .where('lead_id', 'in', leadIds)
    .execute();
  const out: Record<string, string> = {};
  for (const row of rows) {
    const email = storedProfile.safeParse(row.state).data?.profile?.email;
    if (email) out[row.lead_id] = email;
  }
  return out;
}

async function ownerNames(
  deps: MonthlyReviewDeps,
  tenant: Tenant,
  pack: MonthlyReviewPack,
): Promise<Record<string, string>> {
  const ids = new Set<string>();
  for (const item of [...pack.handedOver, ...pack.feedback, ...pack.salesFromFormerLeads, ...pack.deviations])
    if (item.ownerId) ids.add(item.ownerId);
  if (ids.size === 0 || !deps.userNames) return {};
  return Object.fromEntries(await deps.userNames(tenant, [...ids]));
}

export function reviewMonthOf(label: string, tenant: Tenant, now: Date): ReviewMonth {
  const parsed = parseReviewMonth(label, tenant.policy.timeZone, now);
  if (!parsed.ok)
    throw new BatonError('invalid_input', parsed.message, {
      problems: [{ field: 'month', message: parsed.message }],
    });
  return parsed.month;
}

export async function monthlyReview(
  deps: MonthlyReviewDeps,
  tenantId: string,
  label: string,
): Promise<MonthlyReview> {
  const tenant = await getTenant(deps.db, tenantId);
  if (!tenant) throw new BatonError('not_found', `No tenant ${tenantId}`);
  const now = deps.now();
  const month = reviewMonthOf(label, tenant, now);
  const from = new Date(month.from.getTime() - REALISM_WINDOW_DAYS * DAY_MS);
  // Up to and including now: a lead's status in the pack is where it stands today.
  const rows = await ledgerForPeriod(deps.db, tenant.id, from, new Date(now.getTime() + 1));
  // Deviations are the scorecard's, for the same month in the same time zone.
  const card = await scorecardView(deps, tenant.id, month.label);
  if (!card) throw new BatonError('not_found', `No tenant ${tenantId}`);
  const pack = monthlyReviewPack({
    tenant: { id: tenant.id, name: tenant.name },
    policy: tenant.policy,
    month,
    rows,
    generatedAt: now,
    deviations: card.scorecard.deviations,
  });
  const leadIds = new Set(
    [...pack.handedOver, ...pack.feedback, ...pack.salesFromFormerLeads, ...pack.deviations].flatMap(
      (l) => l.leadId ?? [],
    ),
  );
  return {
    pack,
    owners: await ownerNames(deps, tenant, pack),
    leads: await leadEmails(deps.db, tenant.id, [...leadIds]),
  };
}
