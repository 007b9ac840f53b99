// On the first working day of a month (the tenant's business calendar), last month's review goes to the alert
// webhook: a short summary and a link to the pack. Once per tenant and month across restarts and replicas: a
// checkpoint row is claimed first (insert-or-nothing on its unique key), and given back if the post fails, so a
// later tick that day tries again.
import { reviewNoticeText } from '../domain/review/reviewNotice.ts';
import { firstWorkingDay, localDay, monthAt, previousMonth } from '../domain/review/reviewMonth.ts';
import type { Logger } from '../logger.ts';
import { deleteCheckpoint } from '../store/checkpoints.ts';
import type { Executor } from '../store/executor.ts';
import { listTenants, type Tenant } from '../store/tenants.ts';
import { postToWebhook } from './announceAlert.ts';
import { monthlyReview } from './monthlyReview.ts';

export const REVIEW_NOTICE_PREFIX = 'review.notice.';

/** What the alert webhook receives (next to the alerts, which carry `kind` too). */
export interface ReviewNotice {
  source: 'baton';
  kind: 'monthly_review';
  tenantId: string;
  month: string;
  message: string;
  url: string;
}

export interface ReviewNoticeDeps {
  db: Executor;
  log: Logger;
  webhookUrl: string | null;
  /** BATON_PUBLIC_URL: the link to the pack starts there. */
  publicUrl: string;
}

/** The month whose review is due at `now` for `tenant`: last month, on this month's first working day; else null. */
export function noticeDue(tenant: Tenant, now: Date): string | null {
  const { timeZone, businessHours, holidays } = tenant.policy;
  const month = monthAt(now, timeZone);
  const first = firstWorkingDay(month, { timeZone, week: businessHours, holidays });
  return first !== null && localDay(now, timeZone) === first ? previousMonth(month, timeZone).label : null;
}

async function claim(db: Executor, tenantId: string, name: string, now: Date): Promise<boolean> {
  const result = await db
    .insertInto('checkpoints')
    .values({ tenant_id: tenantId, name, value: JSON.stringify({ claimedAt: now.toISOString() }) })
    .onConflict((oc) => oc.columns(['tenant_id', 'name']).doNothing())
    .executeTakeFirst();
  return (result.numInsertedOrUpdatedRows ?? 0n) > 0n;
}

const post = (deps: ReviewNoticeDeps, notice: ReviewNotice): Promise<boolean> =>
  deps.webhookUrl
    ? postToWebhook(deps.webhookUrl, notice, deps.log, 'the monthly review')
    : Promise.resolve(false);

async function noticeOf(
  deps: ReviewNoticeDeps,
  tenant: Tenant,
  month: string,
  now: Date,
): Promise<ReviewNotice> {
  const { pack } = await monthlyReview({ db: deps.db, now: () => now }, tenant.id, month);
  // The month's middle, so that no time zone names its neighbour.
  const monthName = new Date(`${month}-15T12:00:00Z`).toLocaleString('en-GB', {
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
  return {
    source: 'baton',
    kind: 'monthly_review',
    tenantId: tenant.id,
    month,
    message: reviewNoticeText(pack, monthName),
    url: `${deps.publicUrl}/ops/api/review?${new URLSearchParams({ tenantId: tenant.id, month })}`,
  };
}

/** Sends the reviews due at `now`; returns the ones that went out. Nothing without a webhook. */
export async function sendReviewNotices(deps: ReviewNoticeDeps, now: Date): Promise<ReviewNotice[]> {
  if (!deps.webhookUrl) return [];
  const sent: ReviewNotice[] = [];
  for (const tenant of await listTenants(deps.db)) {
    const month = tenant.status === 'disconnected' ? null : noticeDue(tenant, now);
    if (!month) continue;
    const name = `${REVIEW_NOTICE_PREFIX}${month}`;
    if (!(await claim(deps.db, tenant.id, name, now))) continue;
    let delivered = false;
    try {
      const notice = await noticeOf(deps, tenant, month, now);
      delivered = await post(deps, notice);
      if (delivered) sent.push(notice);
    } finally {
      // Given back unless it went out: a later tick that day tries again.
      if (!delivered) await deleteCheckpoint(deps.db, tenant.id, name);
    }
  }
  return sent;
}
