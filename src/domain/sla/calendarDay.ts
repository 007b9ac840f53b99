// A calendar day a person picked (YYYY-MM-DD) as an instant: the start of that day in the tenant's time zone,
// so "re-engage on the 3rd" means the 3rd where the team works, whichever CRM the date came from.
import { DateTime } from 'luxon';

export function startOfDayIn(day: string, timeZone: string): Date {
  return DateTime.fromISO(day, { zone: timeZone }).startOf('day').toJSDate();
}
