// The sync log's table: one row per CRM call or inbound event, the rows the last poll brought marked fresh.
// Record ids open the lead's timeline.
import type { SyncLogEntry } from '../apiTypes.ts';
import { badge, statusBadge } from '../components/badge.ts';
import { leadLink } from '../components/leadLink.ts';
import { dataTable, type Column } from '../components/table.ts';
import { el } from '../dom.ts';
import { formatCount, formatLogTime, formatMs, NONE } from '../format.ts';

const IDS_SHOWN = 3;

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

/** The rows as a table; a tenant column only when all tenants are in view. */
export function syncLogTable(
  rows: readonly SyncLogEntry[],
  fresh: ReadonlySet<number>,
  showTenant: boolean,
): HTMLElement {
  return dataTable({
    columns: columns(showTenant),
    rows,
    empty: 'No CRM calls or events match these filters.',
    rowClass: (r) => [`status-${r.status}`, fresh.has(r.id) ? 'fresh' : ''].join(' '),
    rowId: (r) => String(r.id),
    testId: 'sync-log-table',
  });
}
