// Where a problem is, in the page's words, for the summary above the form ("Reason “No budget”, nurture list").
import type { SettingsPolicy, Weekday } from '@baton/card-api';

export const DAY_NAMES: Record<Weekday, string> = {
  mon: 'Monday',
  tue: 'Tuesday',
  wed: 'Wednesday',
  thu: 'Thursday',
  fri: 'Friday',
  sat: 'Saturday',
  sun: 'Sunday',
};

const FIELD_NAMES: Record<string, string> = {
  timeZone: 'Time zone',
  businessHours: 'Business hours',
  holidays: 'Holidays',
  reasons: 'Reasons',
  nurtureLists: 'Nurture lists',
  'sla.firstTouchHours': 'First-touch deadline',
  'sla.reminderAtPercent': 'Reminder',
  'sla.escalateAtPercent': 'Escalation',
  'sla.autoRecycleHours': 'Auto-recycle',
  'mql.minFitGrade': 'MQL rule, minimum fit grade',
  'mql.minEngagementLevel': 'MQL rule, minimum engagement level',
  'mql.handRaise.events': 'Hand-raise events',
  'mql.handRaise.minFitGrade': 'Hand-raise, minimum fit grade',
  'mql.handRaise.withinDays': 'Hand-raise window',
};

const REASON_FIELDS: Record<string, string> = {
  code: 'code',
  label: 'label',
  bucket: 'bucket',
  nurtureList: 'nurture list',
  noteRequired: 'note required',
  reengageDateAllowed: 're-engage date',
};

export function problemLocation(field: string, policy: SettingsPolicy): string {
  const known = FIELD_NAMES[field];
  if (known) return known;
  const [section = '', index = '', part] = field.split('.');
  const i = Number(index);
  if (section === 'reasons' && Number.isInteger(i)) {
    const name = `Reason “${policy.reasons[i]?.label ?? i + 1}”`;
    return part ? `${name}, ${REASON_FIELDS[part] ?? part}` : name;
  }
  if (section === 'nurtureLists' && Number.isInteger(i))
    return `Nurture list “${policy.nurtureLists[i]?.name ?? i + 1}”`;
  if (section === 'holidays' && Number.isInteger(i)) return `Holiday ${policy.holidays[i] ?? i + 1}`;
  if (section === 'businessHours' && index in DAY_NAMES)
    return `Business hours, ${DAY_NAMES[index as Weekday]}`;
  return FIELD_NAMES[section] ?? 'Settings';
}
