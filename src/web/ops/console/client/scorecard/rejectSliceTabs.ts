// Where the rejects come from: returns by reason, and the reject rate by source, campaign and fit band against
// the target, over-target rows marked — the quality half of marketing's side.
import { badge } from '../components/badge.ts';
import { card as panel, empty } from '../components/card.ts';
import { dataTable } from '../components/table.ts';
import { el, replace } from '../dom.ts';
import { formatCount, formatPercent, humanize } from '../format.ts';
import type { Card } from './seriesAxis.ts';

type Rejects = Card['marketing']['rejects'];
type SliceRow = Rejects['bySource'][number];
type ReasonRow = Rejects['byReason'][number];

const SLICES = [
  { key: 'bySource', label: 'Source' },
  { key: 'byCampaign', label: 'Campaign' },
  { key: 'byFitBand', label: 'Fit band' },
] as const satisfies ReadonlyArray<{ key: keyof Rejects; label: string }>;

const keyName = (r: SliceRow): string => r.key ?? '(none)';
const reasonName = (r: ReasonRow): string => r.label ?? (r.reason ? humanize(r.reason) : '(no reason)');

function reasons(rows: readonly ReasonRow[]): HTMLElement {
  return dataTable({
    columns: [
      { label: 'Reason', cell: reasonName, className: 'wrap' },
      {
        label: 'Kind',
        cell: (r) => (r.countsAsReject ? badge('reject', 'bad') : badge(r.bucket ?? 'not a reject', 'muted')),
      },
      { label: 'Returns', cell: (r) => formatCount(r.returns), numeric: true },
      { label: 'Of handed over', cell: (r) => formatPercent(r.rate), numeric: true },
    ],
    rows,
    rowId: (r) => r.reason ?? '',
    testId: 'scorecard-reject-table',
    empty: 'No rep returned a lead in this period.',
  });
}

function slice(rows: readonly SliceRow[], label: string): HTMLElement {
  return dataTable({
    columns: [
      { label, cell: (r) => el('span', { class: 'mono' }, keyName(r)), className: 'wrap' },
      { label: 'Handed over', cell: (r) => formatCount(r.handedOver), numeric: true },
      { label: 'Rejects', cell: (r) => formatCount(r.rejects), numeric: true },
      { label: 'Reject rate', cell: (r) => formatPercent(r.rate), numeric: true },
      { label: '', cell: (r) => (r.overTarget ? badge('over target', 'bad') : null) },
    ],
    rows,
    rowId: keyName,
    rowClass: (r) => (r.overTarget ? 'sc-over' : undefined),
    testId: 'scorecard-reject-table',
    empty: `No hand-overs to slice by ${label.toLowerCase()}.`,
  });
}

export function rejectSliceTabs(card: Card): HTMLElement {
  const rr = card.marketing.rejects;
  const { handedOver, rejects } = card.marketing.acceptRate;
  const tabs = [{ label: 'Reason', view: () => reasons(rr.byReason) }].concat(
    SLICES.map((s) => ({ label: s.label, view: () => slice(rr[s.key], s.label) })),
  );
  const slot = el('div', {});
  const chips = tabs.map((t, i) =>
    el('button', { type: 'button', class: 'chip', 'aria-pressed': String(i === 0) }, t.label),
  );
  const show = (i: number) => {
    chips.forEach((c, j) => c.setAttribute('aria-pressed', String(i === j)));
    replace(slot, tabs[i]?.view() ?? null);
  };
  chips.forEach((c, i) => c.addEventListener('click', () => show(i)));
  show(0);
  return panel(
    'Rejects by reason and slice',
    {
      hint: `Reject rate ${formatPercent(rr.rate)} (${formatCount(rejects)} of ${formatCount(handedOver)} handed over), target ≤ ${formatPercent(rr.target)}.`,
      testId: 'scorecard-rejects',
    },
    handedOver === 0
      ? empty('No lead was handed to sales in this period: there is no reject rate to slice.')
      : el('div', {}, el('div', { class: 'chips', role: 'group', 'aria-label': 'Slice by' }, ...chips), slot),
  );
}
