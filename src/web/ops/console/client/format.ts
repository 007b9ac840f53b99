// How the console writes the API's numbers and times. Formatting only: no figure is derived here.

const dateTime = new Intl.DateTimeFormat(undefined, {
  dateStyle: 'medium',
  timeStyle: 'short',
  hourCycle: 'h23',
});
const logTime = new Intl.DateTimeFormat(undefined, {
  month: 'short',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});
const dateOnly = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', year: 'numeric' });
const dayMonth = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', timeZone: 'UTC' });
const integer = new Intl.NumberFormat();
const oneDecimal = new Intl.NumberFormat(undefined, { maximumFractionDigits: 1 });

export const NONE = '—';

export const formatTime = (iso: string | null | undefined): string =>
  iso ? dateTime.format(new Date(iso)) : NONE;

/** Compact, to the second, for logs; the element's title carries the full instant. */
export const formatLogTime = (iso: string): string => logTime.format(new Date(iso));

export const formatDate = (iso: string | null | undefined): string =>
  iso ? dateOnly.format(new Date(iso)) : NONE;

/** A bucket name of the funnel report (its first day, YYYY-MM-DD, in UTC) as "23 Nov". */
export const formatBucket = (bucket: string): string => dayMonth.format(new Date(`${bucket}T00:00:00Z`));

export const formatCount = (n: number | null | undefined): string =>
  n === null || n === undefined ? NONE : integer.format(n);

/** A 0–1 share as a percentage with at most one decimal: 0.4 → "40 %". */
export const formatPercent = (ratio: number | null | undefined): string =>
  ratio === null || ratio === undefined ? NONE : `${oneDecimal.format(ratio * 100)} %`;

/** A duration in minutes, in the two largest units: "45 min", "3 h 10 min", "2 d 4 h". */
export function formatMinutes(minutes: number | null | undefined): string {
  if (minutes === null || minutes === undefined) return NONE;
  const m = Math.round(Math.abs(minutes));
  const sign = minutes < 0 ? '−' : '';
  if (m < 60) return `${sign}${m} min`;
  const h = Math.floor(m / 60);
  if (h < 24) return `${sign}${h} h${m % 60 ? ` ${m % 60} min` : ''}`;
  return `${sign}${Math.floor(h / 24)} d${h % 24 ? ` ${h % 24} h` : ''}`;
}

export const formatHours = (hours: number | null | undefined): string =>
  hours === null || hours === undefined ? NONE : formatMinutes(hours * 60);

/** An axis tick in hours: "12 h", "3 d". */
export const formatHoursTick = (hours: number): string =>
  hours < 48 ? `${oneDecimal.format(hours)} h` : `${oneDecimal.format(hours / 24)} d`;

/** Business minutes left on an SLA, as the board says it: "7 h left", "1 h overdue". */
export const formatTimeLeft = (minutes: number): string =>
  minutes < 0 ? `${formatMinutes(-minutes)} overdue` : `${formatMinutes(minutes)} left`;

export const formatMs = (ms: number | null | undefined): string =>
  ms === null || ms === undefined ? NONE : `${integer.format(ms)} ms`;

/** "stage_name" → "stage name". */
export const humanize = (code: string): string => code.replace(/_/g, ' ');
