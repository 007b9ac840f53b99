// The sync log's filters (tenant, lead, status and time), read from the page's query and set in a search form.
import { el, queryParams } from '../dom.ts';

const STATUSES = ['ok', 'error', 'retrying', 'skipped'] as const;

export interface Filters {
  tenantId: string | null;
  leadId: string;
  status: string;
  since: string;
  until: string;
}

/** The filters in the page's query (?lead=&status=&since=&until=), for the tenant in view. */
export function filtersFromQuery(tenantId: string | null): Filters {
  const q = queryParams();
  return {
    tenantId,
    leadId: q['lead'] ?? '',
    status: q['status'] ?? '',
    since: q['since'] ?? '',
    until: q['until'] ?? '',
  };
}

/** ISO instant ↔ the value of a datetime-local input (the browser's time zone). */
const toLocalInput = (iso: string): string => {
  const d = new Date(iso);
  return Number.isNaN(d.getTime())
    ? ''
    : new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
};
const fromLocalInput = (value: string): string => (value ? new Date(value).toISOString() : '');

export function filterForm(f: Filters, onApply: (next: Filters) => void): HTMLFormElement {
  const lead = el('input', {
    name: 'lead',
    type: 'search',
    value: f.leadId,
    placeholder: 'e.g. 100004',
    maxlength: 100,
  });
  const status = el(
    'select',
    { name: 'status' },
    el('option', { value: '' }, 'Any status'),
    ...STATUSES.map((s) => el('option', { value: s, selected: s === f.status }, s)),
  );
  const since = el('input', { name: 'since', type: 'datetime-local', value: toLocalInput(f.since) });
  const until = el('input', { name: 'until', type: 'datetime-local', value: toLocalInput(f.until) });
  const form = el(
    'form',
    { class: 'filters', role: 'search', 'aria-label': 'Filter the sync log' },
    el('label', {}, el('span', {}, 'Lead (record id)'), lead),
    el('label', {}, el('span', {}, 'Status'), status),
    el('label', {}, el('span', {}, 'From'), since),
    el('label', {}, el('span', {}, 'To'), until),
    el(
      'div',
      { class: 'filter-buttons' },
      el('button', { type: 'submit', class: 'btn btn-primary' }, 'Apply'),
      el('button', { type: 'reset', class: 'btn' }, 'Clear'),
    ),
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    onApply({
      tenantId: f.tenantId,
      leadId: lead.value.trim(),
      status: status.value,
      since: fromLocalInput(since.value),
      until: fromLocalInput(until.value),
    });
  });
  form.addEventListener('reset', (e) => {
    e.preventDefault();
    onApply({ tenantId: f.tenantId, leadId: '', status: '', since: '', until: '' });
  });
  return form;
}
