// Returns by reason, coloured by bucket: reject (counts against lead quality), disqualify, recycle.
import type { Funnel } from '../apiTypes.ts';
import { badge } from '../components/badge.ts';
import { card, empty } from '../components/card.ts';
import { dataTable } from '../components/table.ts';
import { COLORS, type ChartSet } from '../charts.ts';
import { formatCount, formatPercent, humanize } from '../format.ts';

type ReasonRow = Funnel['rejectRate']['byReason'][number];

const BUCKETS = [
  { bucket: 'reject', label: 'Reject', color: COLORS.red },
  { bucket: 'disqualify', label: 'Disqualify', color: COLORS.gray },
  { bucket: 'recycle', label: 'Recycle', color: COLORS.blue },
] as const;

const nameOf = (r: ReasonRow): string => r.label ?? (r.reason ? humanize(r.reason) : '(no reason)');

export function rejectReasons(report: Funnel, charts: ChartSet): HTMLElement {
  const rows = report.rejectRate.byReason;
  return card(
    'Returns by reason',
    {
      hint: 'Why reps sent leads back. Reject reasons count against marketing’s lead quality.',
      testId: 'funnel-reasons',
    },
    rows.length === 0
      ? empty('No rep returned a lead in this period.')
      : charts.box('Rep returns per reason, by bucket', {
          type: 'bar',
          data: {
            labels: rows.map(nameOf),
            // One dataset per bucket so the legend explains the colours; a reason sits in its bucket's dataset.
            datasets: BUCKETS.map((b) => ({
              label: b.label,
              data: rows.map((r) => (r.bucket === b.bucket ? r.returns : null)),
              backgroundColor: b.color,
              borderRadius: 3,
            })),
          },
          options: {
            indexAxis: 'y',
            scales: {
              x: { beginAtZero: true, stacked: true, ticks: { precision: 0 } },
              y: { stacked: true, grid: { display: false } },
            },
          },
        }),
    dataTable({
      columns: [
        { label: 'Reason', cell: nameOf },
        { label: 'Bucket', cell: (r) => r.bucket ?? '—' },
        {
          label: 'Counts as reject',
          cell: (r) => (r.countsAsReject ? badge('yes', 'bad') : badge('no', 'muted')),
        },
        { label: 'Returns', cell: (r) => formatCount(r.returns), numeric: true },
        { label: 'Of handed over', cell: (r) => formatPercent(r.rate), numeric: true },
      ],
      rows,
      rowId: (r) => r.reason ?? '',
      empty: 'No returns.',
    }),
  );
}
