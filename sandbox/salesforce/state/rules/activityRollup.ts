// Lead.LastActivityDate: the most recent of the due dates of the lead's events and of its closed tasks
// (a date, not a datetime). The platform keeps it; it is a roll-up, so it raises no change event of its own
// and leaves LastModifiedDate alone.
import { dateIn } from '../../model/sfDates.ts';
import type { WriteContext } from '../orgContext.ts';

function activityDay(values: Record<string, unknown>, timeZone: string): string | null {
  if (typeof values.ActivityDate === 'string') return values.ActivityDate;
  // A closed task without a due date counts on the day it was completed.
  return typeof values.CompletedDateTime === 'number' ? dateIn(values.CompletedDateTime, timeZone) : null;
}

export function refreshLastActivity(ctx: WriteContext, whoId: unknown): void {
  if (typeof whoId !== 'string' || !whoId.startsWith('00Q')) return;
  const { org, tx } = ctx;
  const lead = org.store.live('Lead', whoId);
  if (!lead) return;
  const days = [
    ...org.store
      .all('Task')
      .filter((t) => t.values.WhoId === whoId && t.values.IsClosed === true)
      .map((t) => activityDay(t.values, org.timeZone)),
    ...org.store
      .all('Event')
      .filter((e) => e.values.WhoId === whoId)
      .map((e) => activityDay(e.values, org.timeZone)),
  ].filter((d): d is string => d !== null);
  const latest = days.length > 0 ? days.reduce((a, b) => (a > b ? a : b)) : null;
  if (lead.values.LastActivityDate !== latest) tx.setSilently(lead, { LastActivityDate: latest });
}
