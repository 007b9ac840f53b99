// Every deviation from the SLA in the period, marketing's and sales' apart, as the review reads them out: leads open
// their timeline, reps are named where the CRM names them.
import { badge, type Tone } from '../components/badge.ts';
import { card as panel } from '../components/card.ts';
import { leadLink } from '../components/leadLink.ts';
import { dataTable } from '../components/table.ts';
import { el } from '../dom.ts';
import { formatTime, NONE } from '../format.ts';
import { repName, type Names } from './repName.ts';
import type { Card } from './seriesAxis.ts';

type Deviation = Card['deviations'][number];

const KINDS: Readonly<Record<Deviation['kind'], [string, Tone]>> = {
  mql_short: ['MQLs short', 'bad'],
  mql_over_capacity: ['over capacity', 'warn'],
  accept_rate_low: ['quality under norm', 'bad'],
  reject_slice_over_target: ['slice over target', 'warn'],
  sla_met_low: ['SLA met under target', 'bad'],
  rep_sla_low: ['rep under target', 'warn'],
  sla_breach: ['breach', 'bad'],
  untouched: ['untouched', 'bad'],
};

const SIDES = [
  { side: 'marketing', title: 'Marketing' },
  { side: 'sales', title: 'Sales' },
] as const;

function group(rows: readonly Deviation[], tenantId: string, names: Names, side: string): HTMLElement {
  return dataTable<Deviation>({
    columns: [
      {
        label: 'What',
        cell: (d) => {
          const [label, tone] = KINDS[d.kind];
          return badge(label, tone);
        },
        className: 'nowrap',
      },
      { label: 'Detail', cell: (d) => d.detail, className: 'wrap' },
      { label: 'Lead', cell: (d) => (d.leadId ? leadLink(tenantId, d.leadId) : NONE) },
      {
        label: 'Rep',
        cell: (d) => (d.ownerId === undefined ? NONE : repName(names, d.ownerId)),
      },
      { label: 'When', cell: (d) => formatTime(d.at), className: 'nowrap' },
    ],
    rows,
    rowId: (d) => `${d.kind}:${d.leadId ?? d.ownerId ?? d.detail}`,
    testId: `scorecard-deviations-${side}`,
    empty: `No ${side} deviation in this period: the ${side} side kept the SLA.`,
  });
}

export function deviationsCard(card: Card, tenantId: string, names: Names): HTMLElement {
  const all = card.deviations;
  return panel(
    'Deviations',
    {
      hint: `${all.length === 0 ? 'None' : all.length} in ${card.period.label}, on both sides: what to go through at the review.`,
      wide: true,
      testId: 'scorecard-deviations',
    },
    ...SIDES.flatMap(({ side, title }) => {
      const rows = all.filter((d) => d.side === side);
      return [el('h3', { class: 'sc-h3' }, `${title} (${rows.length})`), group(rows, tenantId, names, side)];
    }),
  );
}
