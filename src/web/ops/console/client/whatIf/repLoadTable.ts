// Load per rep: the most leads each rep held open at once and at the window's end, under both policies, against
// the capacity. Routing is not replayed, so the reps are the ones the leads went to in fact.
import type { WhatIfResponse } from '../apiTypes.ts';
import { badge } from '../components/badge.ts';
import { card } from '../components/card.ts';
import { dataTable, type Column } from '../components/table.ts';
import { el } from '../dom.ts';
import { formatCount, NONE } from '../format.ts';

type Load = WhatIfResponse['baseline']['load'][number];

interface RepRow {
  ownerId: string;
  baseline: Load | undefined;
  proposed: Load | undefined;
}

function repRows(r: WhatIfResponse): RepRow[] {
  const byRep = new Map<string, RepRow>();
  const row = (id: string): RepRow => {
    let x = byRep.get(id);
    if (!x) byRep.set(id, (x = { ownerId: id, baseline: undefined, proposed: undefined }));
    return x;
  };
  for (const l of r.baseline.load) row(l.ownerId).baseline = l;
  for (const l of r.proposed.load) row(l.ownerId).proposed = l;
  // Busiest first under the proposal, as the report orders each side.
  const peak = (x: RepRow) => Math.max(x.proposed?.peak ?? 0, x.baseline?.peak ?? 0);
  return [...byRep.values()].sort((a, b) => peak(b) - peak(a) || (a.ownerId < b.ownerId ? -1 : 1));
}

/** "3", or "2 → 3" when the proposal changes it; red when the rep is over capacity on that side. */
function load(x: RepRow, pick: 'peak' | 'end'): HTMLElement {
  const side = (l: Load | undefined) =>
    el(
      'span',
      { class: l?.overCapacity && pick === 'peak' ? 'wi-over' : undefined, 'data-value': l ? l[pick] : '' },
      l ? formatCount(l[pick]) : NONE,
    );
  if (x.baseline?.[pick] === x.proposed?.[pick] && x.baseline?.overCapacity === x.proposed?.overCapacity)
    return side(x.proposed);
  return el('span', {}, side(x.baseline), ' → ', side(x.proposed));
}

function over(x: RepRow): HTMLElement {
  const before = x.baseline?.overCapacity ?? false;
  const after = x.proposed?.overCapacity ?? false;
  if (before === after) return before ? badge('over in both', 'bad') : badge('within', 'ok');
  return after ? badge('over with the proposal', 'bad') : badge('within with the proposal', 'ok');
}

const COLUMNS: Array<Column<RepRow>> = [
  { label: 'Rep (CRM owner id)', cell: (x) => el('span', { class: 'mono' }, x.ownerId) },
  { label: 'Peak', cell: (x) => load(x, 'peak'), numeric: true },
  { label: 'At the end', cell: (x) => load(x, 'end'), numeric: true },
  {
    label: 'Capacity',
    cell: (x) => formatCount(x.proposed?.capacity ?? x.baseline?.capacity ?? null),
    numeric: true,
  },
  { label: '', cell: over },
];

export function repLoadTable(r: WhatIfResponse): HTMLElement {
  return card(
    'Load per rep',
    {
      hint: 'Open leads (assigned, not yet worked — what capacity counts): the most a rep held at once in the window, and at its end. “2 → 3”: in force → proposed.',
      testId: 'what-if-load',
    },
    dataTable({
      columns: COLUMNS,
      rows: repRows(r),
      rowId: (x) => x.ownerId,
      empty: 'No rep held a lead in this window.',
      testId: 'what-if-load-table',
    }),
  );
}
