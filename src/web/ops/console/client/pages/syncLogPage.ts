// Sync log: every CRM call and inbound event with its outcome, filtered by tenant, lead, status and time, kept
// fresh by polling (pausable), with older rows a click away. Record ids open the lead's timeline.
import { apiUrl, getJson } from '../api.ts';
import type { SyncLogEntry, SyncLogResponse } from '../apiTypes.ts';
import { badge, statusBadge } from '../components/badge.ts';
import { loadError } from '../components/callout.ts';
import { card } from '../components/card.ts';
import { leadLink } from '../components/leadLink.ts';
import { dataTable, type Column } from '../components/table.ts';
import { el, queryParams, replace, setQueryParams } from '../dom.ts';
import { formatCount, formatLogTime, formatMs, NONE } from '../format.ts';
import { Poller } from '../poller.ts';
import { chooseTenant } from '../tenantContext.ts';

const POLL_MS = 5_000;
const PAGE_SIZE = 50;
const IDS_SHOWN = 3;
const STATUSES = ['ok', 'error', 'retrying', 'skipped'] as const;

interface Filters {
  tenantId: string | null;
  leadId: string;
  status: string;
  since: string;
  until: string;
}

/** ISO instant ↔ the value of a datetime-local input (the browser's time zone). */
const toLocalInput = (iso: string): string => {
  const d = new Date(iso);
  return Number.isNaN(d.getTime())
    ? ''
    : new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
};
const fromLocalInput = (value: string): string => (value ? new Date(value).toISOString() : '');

// Calls on the CRM's schema and lists name properties and lists, not leads: their ids open no timeline.
const NOT_LEADS = /^(properties|lists\.(create|get|search|update|delete|restore))/;

function recordLinks(row: SyncLogEntry): HTMLElement | string {
  if (row.recordIds.length === 0) return NONE;
  const extra = row.recordIds.length - IDS_SHOWN;
  const tenantId = NOT_LEADS.test(row.operation) ? null : row.tenantId;
  return el(
    'span',
    { class: 'ids', title: row.recordIds.join(', ') },
    ...row.recordIds.slice(0, IDS_SHOWN).flatMap((id, i) => [i > 0 ? ' ' : null, leadLink(tenantId, id)]),
    extra > 0 ? el('span', { class: 'hint' }, ` +${extra} more`) : null,
  );
}

function columns(showTenant: boolean): Array<Column<SyncLogEntry>> {
  const all: Array<Column<SyncLogEntry> | null> = [
    {
      label: 'Time',
      cell: (r) => el('time', { datetime: r.at, title: r.at }, formatLogTime(r.at)),
      className: 'nowrap',
    },
    showTenant ? { label: 'Tenant', cell: (r) => r.tenantId ?? NONE, className: 'mono nowrap' } : null,
    { label: 'Dir.', cell: (r) => statusBadge(r.direction, r.direction === 'inbound' ? '← in' : '→ out') },
    { label: 'Operation', cell: (r) => r.operation, className: 'mono nowrap' },
    { label: 'Records', cell: recordLinks, className: 'records' },
    { label: 'Status', cell: (r) => statusBadge(r.status) },
    { label: 'HTTP', cell: (r) => (r.httpStatus ? String(r.httpStatus) : NONE), numeric: true },
    { label: 'Latency', cell: (r) => formatMs(r.latencyMs), numeric: true, className: 'nowrap' },
    { label: 'Attempt', cell: (r) => formatCount(r.attempt), numeric: true },
    {
      label: 'Error and message',
      cell: (r) =>
        r.errorKind || r.message
          ? el(
              'span',
              { class: 'message' },
              r.errorKind ? badge(r.errorKind, 'bad') : null,
              r.message ? ` ${r.message}` : null,
            )
          : NONE,
      className: 'wrap',
    },
  ];
  return all.filter((c) => c !== null);
}

function filterForm(f: Filters, onApply: (next: Filters) => void): HTMLFormElement {
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

export async function render(root: HTMLElement): Promise<void> {
  const { tenantId } = await chooseTenant({ allowAll: true });
  const q = queryParams();
  let filters: Filters = {
    tenantId,
    leadId: q['lead'] ?? '',
    status: q['status'] ?? '',
    since: q['since'] ?? '',
    until: q['until'] ?? '',
  };
  let rows: SyncLogEntry[] = [];
  let nextBeforeId: number | null = null;
  let fresh = new Set<number>();

  const tableSlot = el('div', {});
  const moreSlot = el('div', { class: 'more' });
  const problem = el('div', {});
  const updated = el('span', { class: 'hint', 'data-testid': 'live-status' });
  const live = el('span', { class: 'live' }, el('span', { class: 'live-dot' }), updated);
  const liveButton = el('button', { type: 'button', class: 'btn', 'aria-pressed': 'true' });
  const url = (beforeId?: number) =>
    apiUrl('sync-log', {
      tenantId: filters.tenantId,
      leadId: filters.leadId,
      status: filters.status,
      since: filters.since,
      until: filters.until,
      beforeId,
      limit: PAGE_SIZE,
    });

  const draw = () => {
    replace(
      tableSlot,
      dataTable({
        columns: columns(!filters.tenantId),
        rows,
        empty: 'No CRM calls or events match these filters.',
        rowClass: (r) => [`status-${r.status}`, fresh.has(r.id) ? 'fresh' : ''].join(' '),
        rowId: (r) => String(r.id),
        testId: 'sync-log-table',
      }),
    );
    replace(
      moreSlot,
      nextBeforeId === null
        ? null
        : el(
            'button',
            { type: 'button', class: 'btn', onclick: () => void loadOlder() },
            'Load older entries',
          ),
    );
  };
  const stamp = () => {
    updated.textContent = `${poller.running ? 'Live' : 'Paused'} · updated ${new Date().toLocaleTimeString(undefined, { hourCycle: 'h23' })}`;
  };
  const reload = async () => {
    const page = await getJson<SyncLogResponse>(url());
    rows = page.rows;
    nextBeforeId = page.nextBeforeId;
    fresh = new Set();
    replace(problem);
    draw();
    stamp();
  };
  const loadNewer = async () => {
    try {
      const page = await getJson<SyncLogResponse>(url());
      const top = rows[0]?.id ?? 0;
      const newer = page.rows.filter((r) => r.id > top);
      fresh = new Set(newer.map((r) => r.id));
      if (newer.length > 0) {
        rows = [...newer, ...rows];
        draw();
      }
      replace(problem);
      stamp();
    } catch (error) {
      replace(problem, loadError(error));
    }
  };
  const loadOlder = async () => {
    if (nextBeforeId === null) return;
    const page = await getJson<SyncLogResponse>(url(nextBeforeId));
    rows = [...rows, ...page.rows];
    nextBeforeId = page.nextBeforeId;
    fresh = new Set();
    draw();
  };
  const poller = new Poller(loadNewer, POLL_MS);
  const showLive = () => {
    liveButton.textContent = poller.running ? 'Pause live updates' : 'Resume live updates';
    liveButton.setAttribute('aria-pressed', String(poller.running));
    live.classList.toggle('paused', !poller.running);
    stamp();
  };
  liveButton.addEventListener('click', () => {
    if (poller.running) poller.stop();
    else poller.start();
    showLive();
  });
  const apply = (next: Filters) => {
    filters = next;
    setQueryParams({ lead: next.leadId, status: next.status, since: next.since, until: next.until });
    void reload().catch((error: unknown) => replace(problem, loadError(error)));
  };

  await reload();
  poller.start();
  showLive();
  replace(
    root,
    card(
      'Calls and events',
      {
        hint: `Newest first, refreshed every ${POLL_MS / 1000} s while live.`,
        actions: [live, liveButton],
        wide: true,
      },
      filterForm(filters, apply),
      problem,
      tableSlot,
      moreSlot,
    ),
  );
}
