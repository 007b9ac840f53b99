// Sales capacity per team and rep: open leads against capacity, headroom, the pace a lead is worked at (the rep's
// own median, or the team's while the rep has too few finished leads), and what that lets them take a week.
import { badge } from '../components/badge.ts';
import { dataTable, type Column } from '../components/table.ts';
import { el } from '../dom.ts';
import { formatCount, formatHours, NONE } from '../format.ts';
import { repName, type Names } from './repName.ts';
import type { Card } from './seriesAxis.ts';

type Plan = Card['capacity'];
type Rep = Plan['reps'][number];
type Team = Plan['teams'][number];

const oneDecimal = new Intl.NumberFormat(undefined, { maximumFractionDigits: 1 });
const perWeek = (n: number | null): string => (n === null ? NONE : `${oneDecimal.format(n)} / wk`);

export function meter(open: number, capacity: number): HTMLElement {
  const over = open > capacity;
  return el(
    'span',
    { class: 'meter-line' },
    el('progress', {
      class: over ? 'progress-over' : undefined,
      max: Math.max(1, capacity),
      value: Math.min(open, Math.max(1, capacity)),
      'aria-label': 'Open leads against capacity',
    }),
    `${formatCount(open)} / ${formatCount(capacity)}`,
    over ? badge('over capacity', 'bad') : null,
  );
}

const teamName = (names: Names, team: string | null): HTMLElement =>
  team === null
    ? el('span', { class: 'sc-muted' }, 'No manager set')
    : el('span', {}, 'Team of ', repName(names, team));

function pace(r: Rep): HTMLElement {
  if (r.medianHoursOpen === null) return el('span', { class: 'sc-muted' }, 'not measured yet');
  return el(
    'span',
    {},
    formatHours(r.medianHoursOpen),
    el('span', { class: 'sc-by' }, r.paceFrom === 'rep' ? 'own pace' : 'team’s pace'),
  );
}

export function teamTable(plan: Plan, names: Names): HTMLElement {
  const columns: Array<Column<Team>> = [
    { label: 'Team', cell: (t) => teamName(names, t.team) },
    { label: 'Reps', cell: (t) => formatCount(t.reps), numeric: true },
    { label: 'Open / capacity', cell: (t) => meter(t.open, t.capacity) },
    { label: 'Can take', cell: (t) => perWeek(t.leadsPerWeek), numeric: true, className: 'nowrap' },
    { label: 'Handed', cell: (t) => perWeek(t.handedPerWeek), numeric: true, className: 'nowrap' },
  ];
  return dataTable({
    columns,
    rows: plan.teams,
    rowId: (t) => t.team ?? '',
    testId: 'scorecard-capacity-teams',
    empty: 'No team yet: no lead was handed to a rep in the window.',
  });
}

export function repTable(plan: Plan, names: Names): HTMLElement {
  const columns: Array<Column<Rep>> = [
    { label: 'Rep', cell: (r) => repName(names, r.repId) },
    { label: 'Open / capacity', cell: (r) => meter(r.open, r.capacity) },
    { label: 'Headroom', cell: (r) => formatCount(r.headroom), numeric: true },
    { label: 'Hours open (median)', cell: pace, numeric: true },
    { label: 'Can take', cell: (r) => perWeek(r.leadsPerWeek), numeric: true, className: 'nowrap' },
    { label: 'Handed', cell: (r) => perWeek(r.handedPerWeek), numeric: true, className: 'nowrap' },
  ];
  return dataTable({
    columns,
    rows: plan.reps,
    rowId: (r) => r.repId,
    rowClass: (r) => (r.overCapacity ? 'sc-over' : undefined),
    testId: 'scorecard-capacity-reps',
    empty: 'No rep yet: no lead was handed to a rep in the window.',
  });
}
