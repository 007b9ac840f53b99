// What a contact's own behaviour does to its properties (HubSpot tracks these itself): page views and
// sessions, form submissions, marketing email opens and clicks. Pure: current values and time in, new
// values out.

const iso = (ms: number): string => new Date(ms).toISOString();
const count = (v: string | undefined): number => Number(v ?? '0') || 0;

/** HubSpot starts a new session after 30 minutes without activity. */
export const SESSION_GAP_MS = 30 * 60_000;

export function pageViewUpdates(
  p: Readonly<Record<string, string>>,
  url: string,
  at: number,
): Record<string, string> {
  const last = p.hs_analytics_last_visit_timestamp
    ? Date.parse(p.hs_analytics_last_visit_timestamp)
    : undefined;
  const newSession = last === undefined || at - last > SESSION_GAP_MS;
  return {
    hs_analytics_num_page_views: String(count(p.hs_analytics_num_page_views) + 1),
    hs_analytics_num_visits: String(count(p.hs_analytics_num_visits) + (newSession ? 1 : 0)),
    hs_analytics_last_visit_timestamp: iso(at),
    hs_analytics_last_url: url,
    ...(p.hs_analytics_source === undefined && { hs_analytics_source: 'DIRECT_TRAFFIC' }),
  };
}

export function formSubmissionUpdates(
  p: Readonly<Record<string, string>>,
  formName: string,
  at: number,
): Record<string, string> {
  return {
    num_conversion_events: String(count(p.num_conversion_events) + 1),
    recent_conversion_date: iso(at),
    recent_conversion_event_name: formName,
  };
}

export function emailEngagementUpdates(kind: 'open' | 'click', at: number): Record<string, string> {
  return kind === 'open'
    ? { hs_email_last_open_date: iso(at) }
    : { hs_email_last_open_date: iso(at), hs_email_last_click_date: iso(at) };
}
