// Recycle outcomes: of the leads recycled in the period, how many came back as MQLs, reached SQL, or won —
// per reason, so nurture's worth is visible.
import type { Funnel } from '../apiTypes.ts';
import { card, empty } from '../components/card.ts';
import { COLORS, type ChartSet } from '../charts.ts';
import { el } from '../dom.ts';
import { formatCount, formatPercent, humanize } from '../format.ts';

export function recycleChart(report: Funnel, charts: ChartSet): HTMLElement {
  const r = report.recycleOutcomes;
  return card(
    'Recycle outcomes',
    {
      hint: `${formatCount(r.recycled)} recycles of ${formatCount(r.leads)} leads · back as MQL ${formatPercent(r.reMqlRate)} · qualified ${formatPercent(r.qualifiedRate)} · won ${formatPercent(r.wonRate)}`,
      testId: 'funnel-recycle',
    },
    r.recycled === 0
      ? empty('No lead was recycled in this period.')
      : charts.box('What became of recycled leads, per reason', {
          type: 'bar',
          data: {
            labels: r.byReason.map((b) => (b.reason ? humanize(b.reason) : '(no reason)')),
            datasets: [
              {
                label: 'Recycled',
                data: r.byReason.map((b) => b.recycled),
                backgroundColor: COLORS.lightGray,
                borderRadius: 3,
              },
              {
                label: 'Back as MQL',
                data: r.byReason.map((b) => b.reMql),
                backgroundColor: COLORS.blue,
                borderRadius: 3,
              },
              {
                label: 'Qualified (SQL)',
                data: r.byReason.map((b) => b.qualified),
                backgroundColor: COLORS.purple,
                borderRadius: 3,
              },
              {
                label: 'Won',
                data: r.byReason.map((b) => b.won),
                backgroundColor: COLORS.green,
                borderRadius: 3,
              },
            ],
          },
          options: {
            scales: { x: { ticks: { autoSkip: false } }, y: { beginAtZero: true, ticks: { precision: 0 } } },
          },
        }),
    r.recycled === 0
      ? null
      : el('p', { class: 'hint' }, 'Each outcome is credited to the recycle it followed, never to two.'),
  );
}
