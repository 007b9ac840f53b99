// Scorecard period labels as the API names them (2026-12, 2026-W49, 2026-Q4), stepped and switched in the
// browser. Calendar dates only (YYYY-MM-DD, no time zone): the API turns a label into instants in the tenant's zone.

export type PeriodKind = 'month' | 'week' | 'quarter';

export interface PeriodLabel {
  kind: PeriodKind;
  year: number;
  /** Month 1–12, ISO week 1–53 or quarter 1–4. */
  n: number;
}

const DAY_MS = 86_400_000;
const PATTERNS: ReadonlyArray<[PeriodKind, RegExp]> = [
  ['month', /^(\d{4})-(0[1-9]|1[0-2])$/],
  ['week', /^(\d{4})-W(0[1-9]|[1-4]\d|5[0-3])$/],
  ['quarter', /^(\d{4})-Q([1-4])$/],
];

const isoDate = (d: Date): string => d.toISOString().slice(0, 10);

/** The Monday of ISO week 1: the week holding 4 January. */
function isoWeekOneMonday(year: number): number {
  const jan4 = Date.UTC(year, 0, 4);
  return jan4 - ((new Date(jan4).getUTCDay() + 6) % 7) * DAY_MS;
}

/** The ISO week (and its year) a day falls in. */
function isoWeekOf(day: Date): { year: number; n: number } {
  const thursday = day.getTime() + (3 - ((day.getUTCDay() + 6) % 7)) * DAY_MS;
  const year = new Date(thursday).getUTCFullYear();
  return { year, n: Math.floor((thursday - isoWeekOneMonday(year)) / (7 * DAY_MS)) + 1 };
}

export function formatLabel(p: PeriodLabel): string {
  const n = String(p.n).padStart(2, '0');
  if (p.kind === 'month') return `${p.year}-${n}`;
  return p.kind === 'week' ? `${p.year}-W${n}` : `${p.year}-Q${p.n}`;
}

/** The label's parts, or null for anything else (including a week 53 the year lacks). */
export function parseLabel(label: string): PeriodLabel | null {
  for (const [kind, pattern] of PATTERNS) {
    const m = pattern.exec(label);
    if (!m) continue;
    const p = { kind, year: Number(m[1]), n: Number(m[2]) };
    if (kind === 'week' && formatLabel({ kind, ...isoWeekOf(new Date(firstDay(p))) }) !== label) return null;
    return p;
  }
  return null;
}

/** The period's first day, YYYY-MM-DD. */
export function firstDay(p: PeriodLabel): string {
  if (p.kind === 'week') return isoDate(new Date(isoWeekOneMonday(p.year) + (p.n - 1) * 7 * DAY_MS));
  const month = p.kind === 'month' ? p.n - 1 : (p.n - 1) * 3;
  return isoDate(new Date(Date.UTC(p.year, month, 1)));
}

/** The period of `kind` that holds the day (YYYY-MM-DD). */
export function periodHolding(kind: PeriodKind, day: string): PeriodLabel {
  const d = new Date(`${day}T00:00:00Z`);
  if (kind === 'week') return { kind, ...isoWeekOf(d) };
  const month = d.getUTCMonth();
  return { kind, year: d.getUTCFullYear(), n: kind === 'month' ? month + 1 : Math.floor(month / 3) + 1 };
}

/** The period of the same kind just after. */
export function nextPeriod(p: PeriodLabel): PeriodLabel {
  if (p.kind === 'week') {
    const monday = new Date(`${firstDay(p)}T00:00:00Z`).getTime();
    return { kind: 'week', ...isoWeekOf(new Date(monday + 7 * DAY_MS)) };
  }
  const last = p.kind === 'month' ? 12 : 4;
  return p.n === last ? { ...p, year: p.year + 1, n: 1 } : { ...p, n: p.n + 1 };
}

/** The period's days, counted from its first. */
export function daysIn(p: PeriodLabel): number {
  const from = Date.parse(`${firstDay(p)}T00:00:00Z`);
  return Math.round((Date.parse(`${firstDay(nextPeriod(p))}T00:00:00Z`) - from) / DAY_MS);
}

/** The day `offset` days after the period's first (YYYY-MM-DD). */
export function dayInPeriod(p: PeriodLabel, offset: number): string {
  return isoDate(new Date(Date.parse(`${firstDay(p)}T00:00:00Z`) + offset * DAY_MS));
}

/**
 * The last day the period has reached, from the share of it gone by (the API's `elapsed`): the day a switch to
 * another kind of period starts from, so that it never lands in the future.
 */
export function lastDayReached(p: PeriodLabel, elapsed: number): string {
  const days = daysIn(p);
  return dayInPeriod(p, Math.min(days - 1, Math.max(0, Math.floor(elapsed * days))));
}

const MONTHS = new Intl.DateTimeFormat('en', { month: 'long', timeZone: 'UTC' });

/** "November 2026", "Week 48 of 2026", "Q4 2026". */
export function periodName(p: PeriodLabel): string {
  if (p.kind === 'month') return `${MONTHS.format(new Date(Date.UTC(p.year, p.n - 1, 1)))} ${p.year}`;
  return p.kind === 'week' ? `Week ${p.n} of ${p.year}` : `Q${p.n} ${p.year}`;
}
