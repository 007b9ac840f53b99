// Each figure under the policy in force and the proposal, with the change coloured in the figure's sense.
// Raw values ride along in data-* attributes so a test can hold the page to the API's answer.
import type { WhatIfResponse } from '../apiTypes.ts';
import { card } from '../components/card.ts';
import { dataTable, type Column } from '../components/table.ts';
import { el } from '../dom.ts';
import { change, FIGURES, numeric, shown, type Figure } from './figures.ts';

const raw = (v: number | boolean | null): string => {
  const n = numeric(v);
  return n === null ? '' : String(n);
};

function columns(r: WhatIfResponse): Array<Column<Figure>> {
  return [
    {
      label: 'Figure',
      cell: (f) => el('span', {}, f.label, f.hint ? el('span', { class: 'wi-sub' }, f.hint) : null),
      className: 'wrap',
    },
    {
      label: 'Policy in force',
      cell: (f) =>
        el('span', { 'data-side': 'baseline', 'data-value': raw(f.value(r.baseline)) }, shown(f, r.baseline)),
      numeric: true,
    },
    {
      label: 'Proposed',
      cell: (f) =>
        el('span', { 'data-side': 'proposed', 'data-value': raw(f.value(r.proposed)) }, shown(f, r.proposed)),
      numeric: true,
    },
    {
      label: 'Change',
      cell: (f) => {
        const c = change(f, r.baseline, r.proposed);
        return el('span', { class: `wi-change wi-${c.tendency}`, 'data-tendency': c.tendency }, c.text);
      },
      numeric: true,
    },
  ];
}

export function figuresTable(r: WhatIfResponse): HTMLElement {
  return card(
    'Figures',
    {
      hint: 'Both columns come from the same replay of the ledger. Green: better for the funnel; red: worse; grey: a volume or a setting.',
      wide: true,
      testId: 'what-if-figures',
    },
    dataTable({
      columns: columns(r),
      rows: FIGURES,
      rowId: (f) => f.key,
      rowClass: (f) => {
        const t = change(f, r.baseline, r.proposed).tendency;
        return t === 'same' ? 'wi-unchanged' : undefined;
      },
      empty: 'No figures.',
      testId: 'what-if-figures-table',
    }),
  );
}
