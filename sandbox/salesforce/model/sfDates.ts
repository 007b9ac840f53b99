// Dates as Salesforce writes and reads them. REST answers datetimes as 2026-10-01T09:00:00.000+0000 and dates
// as 2026-10-01; change events use the Z form. Date-only values (LastActivityDate, TODAY in SOQL) are days in
// the org's time zone, so they are computed with Intl rather than by cutting a UTC string.

const DATETIME =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:?\d{2})?$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

/** REST form: 2026-10-01T09:00:00.000+0000. */
export function formatDateTime(ms: number): string {
  return new Date(ms).toISOString().replace('Z', '+0000');
}

/** Change-event form: 2026-10-01T09:00:00.000Z. */
export const formatIsoDateTime = (ms: number): string => new Date(ms).toISOString();

/** Epoch ms of an ISO 8601 datetime (offset optional, UTC if absent), or undefined. */
export function parseDateTime(text: string): number | undefined {
  const m = DATETIME.exec(text.trim());
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s, frac, zone] = m;
  const ms = Date.UTC(
    Number(y),
    Number(mo) - 1,
    Number(d),
    Number(h),
    Number(mi),
    Number(s ?? 0),
    Number((frac ?? '0').slice(0, 3).padEnd(3, '0')),
  );
  if (Number.isNaN(ms)) return undefined;
  if (!zone || zone === 'Z') return ms;
  const sign = zone.startsWith('-') ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  return ms - sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2))) * 60_000;
}

/** A calendar date (YYYY-MM-DD) from a date or datetime string, or undefined. */
export function parseDate(text: string): string | undefined {
  const t = text.trim();
  const m = DATE.exec(t.slice(0, 10));
  if (!m || (t.length > 10 && !t.startsWith('T', 10))) return undefined;
  const [, y, mo, d] = m;
  const check = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d)));
  return check.getUTCDate() === Number(d) && check.getUTCMonth() === Number(mo) - 1
    ? t.slice(0, 10)
    : undefined;
}

function partsIn(
  ms: number,
  timeZone: string,
): { y: number; m: number; d: number; h: number; mi: number; s: number } {
  const fmt = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  });
  const get = (type: string): number =>
    Number(fmt.formatToParts(new Date(ms)).find((p) => p.type === type)?.value ?? 0);
  return {
    y: get('year'),
    m: get('month'),
    d: get('day'),
    h: get('hour'),
    mi: get('minute'),
    s: get('second'),
  };
}

/** The calendar day `ms` falls on in `timeZone`. */
export function dateIn(ms: number, timeZone: string): string {
  const p = partsIn(ms, timeZone);
  return `${pad(p.y, 4)}-${pad(p.m)}-${pad(p.d)}`;
}

/** Epoch ms at which `date` (YYYY-MM-DD) starts in `timeZone`. */
export function startOfDay(date: string, timeZone: string): number {
  const [y, m, d] = date.split('-').map(Number);
  const utcMidnight = Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1);
  const offsetAt = (ms: number): number => {
    const p = partsIn(ms, timeZone);
    return Date.UTC(p.y, p.m - 1, p.d, p.h, p.mi, p.s) - Math.floor(ms / 1000) * 1000;
  };
  // Two passes settle the offset across a DST change at midnight.
  let guess = utcMidnight - offsetAt(utcMidnight);
  guess = utcMidnight - offsetAt(guess);
  return guess;
}

export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, (d ?? 1) + days)).toISOString().slice(0, 10);
}

/** Truncates to the minute, as getUpdated/getDeleted do with their window (seconds are ignored). */
export const floorToMinute = (ms: number): number => Math.floor(ms / 60_000) * 60_000;
