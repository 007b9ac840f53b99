// How logging an activity on a contact moves the contact's activity roll-ups. HubSpot computes these itself
// (they are read-only to the API); the sandbox approximates its documented meanings (HubSpot knowledge base,
// "HubSpot's default contact properties"):
//   notes_last_contacted  "Last Contacted"       last call, sales email or meeting logged   → calls, emails, meetings
//   num_contacted_notes   "Number of times contacted"  count of those                       → calls, emails, meetings
//   notes_last_updated    "Last Activity Date"   last call, email, meeting, note (, task)    → + notes
//   hs_last_sales_activity_timestamp "Last Engagement Date"                                  → + notes
//   hs_latest_meeting_activity                                                               → meetings
// Approximations: dates take the activity's hs_timestamp (never moving a value backwards); HubSpot counts
// only some email/call outcomes and includes channels the sandbox does not have (chat, SMS, LinkedIn).
// Tasks are reminders, not touches; some HubSpot versions count them for Last Activity Date, hence the option.
import type { EngagementType } from './objectTypes.ts';

export interface TouchOptions {
  tasksUpdateLastActivity: boolean;
}

const CONTACTED: ReadonlySet<EngagementType> = new Set(['calls', 'emails', 'meetings']);
const ACTIVITY: ReadonlySet<EngagementType> = new Set(['calls', 'emails', 'meetings', 'notes']);

const later = (current: string | undefined, atMs: number): string | undefined =>
  current !== undefined && Date.parse(current) >= atMs ? undefined : new Date(atMs).toISOString();

/** The contact property values that change when an activity of `type` at `atMs` is associated. */
export function touchUpdates(
  type: EngagementType,
  atMs: number,
  contact: Readonly<Record<string, string>>,
  opts: TouchOptions,
): Record<string, string> {
  const out: Record<string, string> = {};
  const bump = (name: string): void => {
    const v = later(contact[name], atMs);
    if (v !== undefined) out[name] = v;
  };
  if (CONTACTED.has(type)) {
    bump('notes_last_contacted');
    out.num_contacted_notes = String(Number(contact.num_contacted_notes ?? '0') + 1);
  }
  if (ACTIVITY.has(type)) {
    bump('notes_last_updated');
    bump('hs_last_sales_activity_timestamp');
  }
  if (type === 'tasks' && opts.tasksUpdateLastActivity) bump('notes_last_updated');
  if (type === 'meetings') bump('hs_latest_meeting_activity');
  return out;
}
