// Every lead a rep returned in the period, with the reason and the rep's note: the feedback marketing needs to fix
// its lead definition. Notes come from the CRM and go in as text, never as markup.
import { badge } from '../components/badge.ts';
import { card as panel } from '../components/card.ts';
import { leadLink } from '../components/leadLink.ts';
import { dataTable } from '../components/table.ts';
import { el } from '../dom.ts';
import { formatTime, humanize } from '../format.ts';
import { repName, type Names } from './repName.ts';
import type { Card } from './seriesAxis.ts';

type Return = Card['sales']['returns'][number];

const reasonName = (r: Return): string => r.label ?? (r.reason ? humanize(r.reason) : '(no reason)');

export function returnsList(card: Card, tenantId: string, names: Names): HTMLElement {
  const returns = card.sales.returns;
  return panel(
    'Returns to marketing',
    {
      hint: `${returns.length} in the period. Rejects count against marketing’s lead quality; the rest are timing or fit.`,
      testId: 'scorecard-returns',
      wide: true,
    },
    dataTable<Return>({
      columns: [
        { label: 'Returned', cell: (r) => formatTime(r.at), className: 'nowrap' },
        { label: 'Lead', cell: (r) => leadLink(tenantId, r.leadId) },
        {
          label: 'Rep',
          cell: (r) =>
            el(
              'span',
              {},
              repName(names, r.ownerId),
              r.returnedBy
                ? el('span', { class: 'hint sc-by' }, 'returned by ', repName(names, r.returnedBy))
                : null,
            ),
        },
        {
          label: 'Reason',
          cell: (r) => el('span', {}, reasonName(r), ' ', r.countsAsReject ? badge('reject', 'bad') : null),
        },
        {
          label: 'Note',
          cell: (r) =>
            r.note ? el('span', { class: 'sc-note' }, r.note) : el('span', { class: 'hint' }, 'no note'),
          className: 'wrap',
        },
      ],
      rows: returns,
      rowId: (r) => `${r.leadId}@${r.at}`,
      testId: 'scorecard-returns-table',
      empty: 'No rep returned a lead in this period.',
    }),
  );
}
