// A readable table: sticky header, numbers right-aligned, scrolling sideways on narrow screens, and an empty
// state that says what "nothing" means here.
import { el, type Child } from '../dom.ts';
import { empty } from './card.ts';

export interface Column<T> {
  label: string;
  cell: (row: T) => Child;
  numeric?: boolean;
  /** Extra class on the column's cells (e.g. "wrap" for long messages). */
  className?: string;
}

export interface TableOptions<T> {
  columns: ReadonlyArray<Column<T>>;
  rows: readonly T[];
  empty: string;
  rowClass?: (row: T) => string | undefined;
  rowId?: (row: T) => string;
  testId?: string;
}

export function tableRow<T>(
  opts: Pick<TableOptions<T>, 'columns' | 'rowClass' | 'rowId'>,
  row: T,
): HTMLElement {
  return el(
    'tr',
    { class: opts.rowClass?.(row), 'data-row': opts.rowId?.(row) },
    ...opts.columns.map((c) =>
      el(
        'td',
        { class: [c.numeric ? 'num' : '', c.className ?? ''].join(' ').trim() || undefined },
        c.cell(row),
      ),
    ),
  );
}

export function dataTable<T>(opts: TableOptions<T>): HTMLElement {
  if (opts.rows.length === 0) return empty(opts.empty);
  return el(
    'div',
    { class: 'table-wrap', 'data-testid': opts.testId },
    el(
      'table',
      {},
      el(
        'thead',
        {},
        el(
          'tr',
          {},
          ...opts.columns.map((c) =>
            el('th', { class: c.numeric ? 'num' : undefined, scope: 'col' }, c.label),
          ),
        ),
      ),
      el('tbody', {}, ...opts.rows.map((r) => tableRow(opts, r))),
    ),
  );
}
