// Stage win probabilities measured from Baton's history next to the ones the CRM's forecast uses: forecasts
// are usually optimistic.
import type { Funnel } from '../apiTypes.ts';
import { card } from '../components/card.ts';
import { dataTable } from '../components/table.ts';
import { COLORS, percentAxis, type ChartSet } from '../charts.ts';
import { formatCount, formatPercent, humanize } from '../format.ts';

export function winProbabilityChart(report: Funnel, charts: ChartSet): HTMLElement {
  const rows = report.winProbability;
  const measuredNone = rows.every((w) => w.measured === null);
  return card(
    'Win probability: measured vs configured',
    {
      hint: measuredNone
        ? 'Not enough decided tries yet for a measured figure (— in the table); the configured ones are shown.'
        : 'Measured: won of the decided tries that entered each stage in the period; — where too few are decided.',
      testId: 'funnel-win-probability',
    },
    charts.box('Measured and configured win probability per stage', {
      type: 'bar',
      data: {
        labels: rows.map((w) => humanize(w.stage)),
        datasets: [
          {
            label: 'Measured',
            data: rows.map((w) => w.measured),
            backgroundColor: COLORS.blue,
            borderRadius: 3,
          },
          {
            label: 'Configured in the CRM',
            data: rows.map((w) => w.configured),
            backgroundColor: COLORS.lightGray,
            borderRadius: 3,
          },
        ],
      },
      options: {
        scales: { x: { ticks: { autoSkip: false } }, y: percentAxis() },
        plugins: {
          tooltip: {
            callbacks: { label: (ctx) => `${ctx.dataset.label ?? ''}: ${formatPercent(ctx.parsed.y)}` },
          },
        },
      },
    }),
    dataTable({
      columns: [
        { label: 'Stage', cell: (w) => humanize(w.stage) },
        { label: 'Decided', cell: (w) => formatCount(w.decided), numeric: true },
        { label: 'Won', cell: (w) => formatCount(w.won), numeric: true },
        {
          label: 'Measured',
          cell: (w) => formatPercent(w.measured),
          numeric: true,
        },
        { label: 'Configured', cell: (w) => formatPercent(w.configured), numeric: true },
        {
          label: 'Difference',
          cell: (w) =>
            w.difference === null ? '—' : `${w.difference > 0 ? '+' : ''}${formatPercent(w.difference)}`,
          numeric: true,
        },
      ],
      rows,
      rowId: (w) => w.stage,
      empty: 'No forecast stages.',
    }),
  );
}
