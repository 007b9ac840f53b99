// The leads whose outcome in the window differs under the proposal, linked to their timelines. The report lists
// at most a capped number of them, in lead-id order; the count is of all.
import type { WhatIfResponse } from '../apiTypes.ts';
import { card } from '../components/card.ts';
import { leadLink } from '../components/leadLink.ts';
import { dataTable, type Column } from '../components/table.ts';
import { el } from '../dom.ts';
import { formatCount } from '../format.ts';

type Changed = WhatIfResponse['changed']['leads'][number];

function hint(r: WhatIfResponse): string {
  const { count, leads } = r.changed;
  if (count === 0) return 'Every lead in the window ends the same under the proposal.';
  const total = count === 1 ? '1 lead ends' : `${formatCount(count)} leads end`;
  const listed = leads.length < count ? ` The first ${formatCount(leads.length)}, by lead id:` : '';
  return `${total} differently under the proposal.${listed}`;
}

export function changedLeads(r: WhatIfResponse): HTMLElement {
  const columns: Array<Column<Changed>> = [
    { label: 'Lead', cell: (c) => leadLink(r.tenantId, c.leadId) },
    { label: 'Under the policy in force', cell: (c) => c.baseline, className: 'wrap' },
    { label: 'Under the proposal', cell: (c) => el('strong', {}, c.proposed), className: 'wrap' },
  ];
  return card(
    'Leads that end differently',
    {
      hint: hint(r),
      actions: [
        el(
          'span',
          { class: 'wi-count', 'data-testid': 'what-if-changed-count', 'data-value': r.changed.count },
          `${formatCount(r.changed.count)} of ${formatCount(r.leads)} leads`,
        ),
      ],
      testId: 'what-if-changed',
    },
    dataTable({
      columns,
      rows: r.changed.leads,
      rowId: (c) => c.leadId,
      empty: 'No lead’s outcome changes.',
      testId: 'what-if-changed-table',
    }),
  );
}
