// The scorecard's period: month, week or quarter, stepped back and forth, typed as the API names it, with links to
// the same figures as JSON and CSV.
import { el } from '../dom.ts';
import { formatBucket, formatPercent } from '../format.ts';
import {
  dayInPeriod,
  daysIn,
  firstDay,
  formatLabel,
  lastDayReached,
  nextPeriod,
  parseLabel,
  periodHolding,
  periodName,
  type PeriodKind,
  type PeriodLabel,
} from './periodLabel.ts';
import type { Card } from './seriesAxis.ts';

export interface PeriodBarOptions {
  /** The label asked for (null: the API's default, this month). */
  asked: string | null;
  /** The scorecard shown, when it loaded. */
  card: Card | null;
  links: { json: string; csv: string };
  /** Shows another period (null: this month). */
  go: (label: string | null) => void;
}

const KINDS: ReadonlyArray<[PeriodKind, string]> = [
  ['month', 'Month'],
  ['week', 'Week'],
  ['quarter', 'Quarter'],
];

/** "23 Nov – 29 Nov 2026". */
function dates(p: PeriodLabel): string {
  const last = dayInPeriod(p, daysIn(p) - 1);
  return `${formatBucket(firstDay(p))} – ${formatBucket(last)} ${last.slice(0, 4)}`;
}

/** The period of another kind to switch to: the one holding the last day this one reached. */
function switchTo(kind: PeriodKind, shown: PeriodLabel | null, card: Card | null): string {
  const day = shown ? lastDayReached(shown, card?.elapsed ?? 0) : new Date().toISOString().slice(0, 10);
  return formatLabel(periodHolding(kind, day));
}

function title(shown: PeriodLabel | null, card: Card | null, asked: string | null): HTMLElement {
  if (!shown) return el('div', { class: 'sc-period-title' }, el('strong', {}, asked ?? 'This month'));
  const running = card !== null && card.elapsed < 1;
  return el(
    'div',
    { class: 'sc-period-title', 'data-testid': 'scorecard-period' },
    el('strong', {}, periodName(shown)),
    el('span', { class: 'hint' }, `${formatLabel(shown)} · ${dates(shown)}`),
    running ? el('span', { class: 'hint' }, `running: ${formatPercent(card.elapsed)} of it gone by`) : null,
  );
}

export function periodBar(o: PeriodBarOptions): HTMLElement {
  const label = o.card?.period.label ?? o.asked;
  const shown = label === null ? null : parseLabel(label);
  const kind = el(
    'select',
    { name: 'kind', 'aria-label': 'Kind of period' },
    ...KINDS.map(([k, text]) => el('option', { value: k, selected: (shown?.kind ?? 'month') === k }, text)),
  );
  kind.addEventListener('change', () => o.go(switchTo(kind.value as PeriodKind, shown, o.card)));
  const previous = o.card?.previous.label ?? null;
  const next = shown && o.card && o.card.elapsed >= 1 ? formatLabel(nextPeriod(shown)) : null;
  const typed = el('input', {
    name: 'period',
    value: label ?? '',
    placeholder: '2026-12, 2026-W49, 2026-Q4',
    'aria-label': 'Period',
    size: 10,
  });
  const form = el(
    'form',
    { class: 'filters sc-period-bar', 'aria-label': 'Scorecard period' },
    el('label', {}, el('span', {}, 'Period'), kind),
    el(
      'div',
      { class: 'sc-stepper' },
      el(
        'button',
        {
          type: 'button',
          class: 'btn',
          disabled: previous === null,
          'data-testid': 'scorecard-previous',
          title: previous ?? undefined,
          onclick: () => previous && o.go(previous),
        },
        '‹ Previous',
      ),
      title(shown, o.card, o.asked),
      el(
        'button',
        {
          type: 'button',
          class: 'btn',
          disabled: next === null,
          'data-testid': 'scorecard-next',
          title: next ?? 'This period is still running',
          onclick: () => next && o.go(next),
        },
        'Next ›',
      ),
    ),
    el('label', {}, el('span', {}, 'Go to'), typed),
    el(
      'div',
      { class: 'filter-buttons' },
      el('button', { type: 'submit', class: 'btn btn-primary' }, 'Show'),
      el('button', { type: 'button', class: 'btn', onclick: () => o.go(null) }, 'This month'),
    ),
    el(
      'div',
      { class: 'filter-links' },
      el('span', { class: 'hint' }, 'Same figures as'),
      el('a', { class: 'btn', href: o.links.json, 'data-testid': 'scorecard-json' }, 'JSON'),
      el('a', { class: 'btn', href: o.links.csv, download: '', 'data-testid': 'scorecard-csv' }, 'CSV'),
    ),
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    o.go(typed.value.trim() || null);
  });
  return form;
}
