// SLA board: assigned leads by business time left (breached and due soon first), and each rep's open leads
// against capacity, with median system and human latency.
import { apiUrl, getJson } from '../api.ts';
import type { SlaBoard } from '../apiTypes.ts';
import { badge, statusBadge } from '../components/badge.ts';
import { card, empty } from '../components/card.ts';
import { kpiRow } from '../components/kpi.ts';
import { leadLink } from '../components/leadLink.ts';
import { dataTable, type Column } from '../components/table.ts';
import { el, replace } from '../dom.ts';
import { formatCount, formatMinutes, formatTime, formatTimeLeft, NONE } from '../format.ts';
import { chooseTenant } from '../tenantContext.ts';

type Rep = SlaBoard['reps'][number];

function capacity(r: Rep, over: boolean): HTMLElement {
  return el(
    'span',
    { class: 'meter-line' },
    el('progress', {
      class: over ? 'progress-over' : undefined,
      max: r.capacity,
      value: r.open,
      'aria-label': 'Open leads against capacity',
    }),
    `${formatCount(r.open)} / ${formatCount(r.capacity)}`,
    over ? badge('over capacity', 'bad') : null,
  );
}

function totals(board: SlaBoard): HTMLElement {
  return kpiRow([
    {
      label: 'Assigned, waiting for a first touch',
      value: formatCount(board.totals.assigned),
      raw: board.totals.assigned,
    },
    {
      label: 'Due soon',
      value: formatCount(board.totals.dueSoon),
      raw: board.totals.dueSoon,
      tone: board.totals.dueSoon > 0 ? 'warn' : undefined,
    },
    {
      label: 'Breached',
      value: formatCount(board.totals.breached),
      raw: board.totals.breached,
      tone: board.totals.breached > 0 ? 'bad' : 'ok',
      testId: 'kpi-breached',
    },
    {
      label: 'Reps over capacity',
      value:
        board.overCapacity.length === 0
          ? 'none'
          : board.overCapacity.map((o) => o.name ?? o.repId).join(', '),
      raw: null,
      tone: board.overCapacity.length > 0 ? 'bad' : undefined,
    },
  ]);
}

function leadsCard(board: SlaBoard): HTMLElement {
  return card(
    'Leads by time left',
    {
      hint: `Business time left to the first touch, as of ${formatTime(board.at)}.`,
      wide: true,
      testId: 'sla-leads',
    },
    dataTable({
      columns: [
        { label: 'Lead', cell: (l) => leadLink(board.tenantId, l.leadId) },
        {
          label: 'Owner',
          cell: (l) =>
            l.ownerName
              ? el('span', { title: l.ownerId ?? '' }, l.ownerName)
              : el('span', { class: 'mono' }, l.ownerId ?? 'unassigned'),
        },
        { label: 'Grade', cell: (l) => l.grade ?? NONE },
        { label: 'SLA', cell: (l) => statusBadge(l.status) },
        {
          label: 'Time left',
          cell: (l) => formatTimeLeft(l.businessMinutesLeft),
          numeric: true,
          className: 'nowrap',
        },
        { label: 'Due', cell: (l) => formatTime(l.dueAt), className: 'nowrap' },
        { label: 'Assigned', cell: (l) => formatTime(l.assignedAt), className: 'nowrap' },
      ],
      rows: board.leads,
      rowClass: (l) => `sla-${l.status}`,
      rowId: (l) => l.leadId,
      empty: 'No lead is waiting for a first touch.',
    }),
  );
}

function repColumns(over: ReadonlySet<string>): Array<Column<Rep>> {
  return [
    {
      label: 'Rep',
      cell: (r) =>
        r.name ? el('span', { title: r.ownerId }, r.name) : el('span', { class: 'mono' }, r.ownerId),
    },
    { label: 'Open / capacity', cell: (r) => capacity(r, over.has(r.ownerId)) },
    {
      label: 'Due soon',
      cell: (r) => (r.dueSoon > 0 ? badge(formatCount(r.dueSoon), 'warn') : '0'),
      numeric: true,
    },
    {
      label: 'Breached',
      cell: (r) => (r.breached > 0 ? badge(formatCount(r.breached), 'bad') : '0'),
      numeric: true,
    },
    {
      label: 'System latency (median)',
      cell: (r) => formatMinutes(r.medianSystemLatencyMinutes),
      numeric: true,
    },
    {
      label: 'Human latency (median)',
      cell: (r) => formatMinutes(r.medianHumanLatencyMinutes),
      numeric: true,
    },
  ];
}

function repsCard(board: SlaBoard): HTMLElement {
  const over = new Set(board.overCapacity.map((o) => o.repId));
  return card(
    'Reps',
    {
      hint: 'Open leads against capacity; latency medians over the last 30 days.',
      wide: true,
      testId: 'sla-reps',
    },
    dataTable({
      columns: repColumns(over),
      rows: board.reps,
      rowId: (r) => r.ownerId,
      empty: 'No rep has open leads.',
    }),
  );
}

export async function render(root: HTMLElement): Promise<void> {
  const { tenantId } = await chooseTenant({ allowAll: false });
  if (!tenantId) {
    replace(root, empty('No CRM is connected yet: the SLA board fills once a tenant has assigned leads.'));
    return;
  }
  const board = await getJson<SlaBoard>(apiUrl('sla-board', { tenantId }));
  replace(root, totals(board), el('div', { class: 'grid' }, leadsCard(board), repsCard(board)));
}
