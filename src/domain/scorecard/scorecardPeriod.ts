// The period a scorecard covers, named the way people say it — a month (2026-12), an ISO week (2026-W49) or a
// quarter (2026-Q4) — in the tenant's time zone, so "December" starts at midnight where the team works. The
// previous period of the same kind is the trend's baseline.
import { DateTime } from 'luxon';
import type { Period } from '../funnel/period.ts';

export type ScorecardPeriodKind = 'week' | 'month' | 'quarter';

export interface ScorecardPeriod extends Period {
  kind: ScorecardPeriodKind;
  /** 2026-12, 2026-W49 or 2026-Q4. */
  label: string;
}

const LABELS: ReadonlyArray<{ kind: ScorecardPeriodKind; pattern: RegExp }> = [
  { kind: 'month', pattern: /^(\d{4})-(0[1-9]|1[0-2])$/ },
  { kind: 'week', pattern: /^(\d{4})-W(0[1-9]|[1-4]\d|5[0-3])$/ },
  { kind: 'quarter', pattern: /^(\d{4})-Q([1-4])$/ },
];

export const PERIOD_LABEL_HINT = 'a month (2026-12), an ISO week (2026-W49) or a quarter (2026-Q4)';

function startOf(kind: ScorecardPeriodKind, year: number, n: number, zone: string): DateTime {
  switch (kind) {
    case 'month':
      return DateTime.fromObject({ year, month: n }, { zone });
    case 'quarter':
      return DateTime.fromObject({ year, month: (n - 1) * 3 + 1 }, { zone });
    case 'week':
      return DateTime.fromObject({ weekYear: year, weekNumber: n, weekday: 1 }, { zone });
  }
}

const UNIT = { month: 'months', quarter: 'quarters', week: 'weeks' } as const;

function labelOf(kind: ScorecardPeriodKind, start: DateTime): string {
  switch (kind) {
    case 'month':
      return start.toFormat('yyyy-LL');
    case 'quarter':
      return `${start.year}-Q${start.quarter}`;
    case 'week':
      return `${start.weekYear}-W${String(start.weekNumber).padStart(2, '0')}`;
  }
}

function periodFrom(kind: ScorecardPeriodKind, start: DateTime): ScorecardPeriod {
  const end = start.plus({ [UNIT[kind]]: 1 });
  return { kind, label: labelOf(kind, start), from: start.toJSDate(), to: end.toJSDate() };
}

/** The period a label names, or null when the label is none of the three shapes (or an ISO week a year lacks). */
export function parsePeriodLabel(label: string, timeZone: string): ScorecardPeriod | null {
  for (const { kind, pattern } of LABELS) {
    const m = pattern.exec(label);
    if (!m) continue;
    const start = startOf(kind, Number(m[1]), Number(m[2]), timeZone);
    // W53 exists only in some years (2026 has it, 2025 does not): luxon would roll 2025-W53 into 2026-W01.
    if (!start.isValid || labelOf(kind, start) !== label) return null;
    return periodFrom(kind, start);
  }
  return null;
}

/** The period of `kind` that holds `at`. */
export function periodAt(kind: ScorecardPeriodKind, at: Date, timeZone: string): ScorecardPeriod {
  const local = DateTime.fromJSDate(at, { zone: timeZone });
  const start =
    kind === 'week' ? local.startOf('week') : local.startOf(kind === 'month' ? 'month' : 'quarter');
  return periodFrom(kind, start);
}

/** The period of the same kind just before. */
export function previousPeriod(period: ScorecardPeriod, timeZone: string): ScorecardPeriod {
  const start = DateTime.fromJSDate(period.from, { zone: timeZone }).minus({ [UNIT[period.kind]]: 1 });
  return periodFrom(period.kind, start);
}

/** How many weeks the period spans (a month ≈ 4.4): commitments per month or week are prorated with it. */
export const weeksIn = (period: Period): number =>
  (period.to.getTime() - period.from.getTime()) / (7 * 86_400_000);
