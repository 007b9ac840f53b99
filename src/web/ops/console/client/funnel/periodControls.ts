// The analytics period (from/to dates, day or week buckets) and links to the same numbers as JSON and CSV.
import { el } from '../dom.ts';

export interface Period {
  /** YYYY-MM-DD, both inclusive; empty: the API's default (the last 90 days). */
  from: string;
  to: string;
  bucket: 'day' | 'week';
}

export function periodControls(
  period: Period,
  links: { json: string; csv: string },
  onApply: (p: Period) => void,
): HTMLElement {
  const from = el('input', { type: 'date', name: 'from', value: period.from, required: true });
  const to = el('input', { type: 'date', name: 'to', value: period.to, required: true });
  const bucket = el(
    'select',
    { name: 'bucket' },
    el('option', { value: 'week', selected: period.bucket === 'week' }, 'Weeks'),
    el('option', { value: 'day', selected: period.bucket === 'day' }, 'Days'),
  );
  const form = el(
    'form',
    { class: 'filters', 'aria-label': 'Analytics period' },
    el('label', {}, el('span', {}, 'From'), from),
    el('label', {}, el('span', {}, 'To'), to),
    el('label', {}, el('span', {}, 'Buckets'), bucket),
    el(
      'div',
      { class: 'filter-buttons' },
      el('button', { type: 'submit', class: 'btn btn-primary' }, 'Apply'),
    ),
    el(
      'div',
      { class: 'filter-links' },
      el('span', { class: 'hint' }, 'Same numbers as'),
      el('a', { class: 'btn', href: links.json, 'data-testid': 'funnel-json' }, 'JSON'),
      el('a', { class: 'btn', href: links.csv, 'data-testid': 'funnel-csv' }, 'CSV'),
    ),
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    onApply({ from: from.value, to: to.value, bucket: bucket.value === 'day' ? 'day' : 'week' });
  });
  return form;
}
