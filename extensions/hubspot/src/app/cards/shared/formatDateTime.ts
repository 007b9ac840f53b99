// Instants as the HubSpot user reads them: in the portal's time zone, in the user's locale when HubSpot gives one.
export interface DisplayZone {
  timeZone: string;
  locale?: string | undefined;
}

/** The user's locale and zone; an unknown locale falls back to English, an unknown zone to UTC (said so). */
function formatter(
  zone: DisplayZone,
  options: Intl.DateTimeFormatOptions,
): { format: Intl.DateTimeFormat; utc: boolean } {
  const attempts: Array<[string, string]> = [
    [zone.locale ?? 'en-US', zone.timeZone],
    ['en-US', zone.timeZone],
  ];
  for (const [locale, timeZone] of attempts) {
    try {
      return { format: new Intl.DateTimeFormat(locale, { ...options, timeZone }), utc: false };
    } catch {
      // try the next, plainer one
    }
  }
  // timeZoneName cannot be combined with dateStyle/timeStyle: the caller labels UTC itself.
  return { format: new Intl.DateTimeFormat('en-US', { ...options, timeZone: 'UTC' }), utc: true };
}

export function formatDateTime(iso: string, zone: DisplayZone): string {
  const f = formatter(zone, { dateStyle: 'medium', timeStyle: 'short' });
  const text = f.format.format(new Date(iso));
  return f.utc ? `${text} UTC` : text;
}

export function formatDate(iso: string, zone: DisplayZone): string {
  return formatter(zone, { dateStyle: 'medium' }).format.format(new Date(iso));
}
