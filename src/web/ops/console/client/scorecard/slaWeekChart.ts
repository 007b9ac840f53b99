// Sales' deadlines over the period: the share of SLA outcomes met per week (per day for a week) against the
// commitment, with the breaches beside.
import type { ChartConfiguration } from 'chart.js';
import { COLORS, percentAxis, type ChartSet } from '../charts.ts';
import { card as panel, empty } from '../components/card.ts';
import { formatCount, formatPercent } from '../format.ts';
import { bucketLabel, byDay, perBucket, perBucketValues, type Card } from './seriesAxis.ts';

function data(card: Card): ChartConfiguration<'bar' | 'line'>['data'] {
  const target = card.sales.slaMet.target;
  return {
    labels: card.series.map((b) => bucketLabel(card, b.bucket)),
    datasets: [
      {
        type: 'line',
        label: 'Share met',
        data: perBucketValues(card, (b) => b.slaMetShare),
        borderColor: COLORS.green,
        backgroundColor: COLORS.green,
        yAxisID: 'share',
        pointRadius: 5,
        spanGaps: true,
        // A point at 100 % is drawn whole, not cut by the chart's edge.
        clip: false,
        order: 0,
      },
      {
        type: 'line',
        label: `Target (${formatPercent(target)})`,
        data: card.series.map(() => target),
        borderColor: COLORS.gray,
        borderDash: [6, 4],
        pointRadius: 0,
        yAxisID: 'share',
        order: 0,
      },
      {
        type: 'bar',
        label: 'Breaches',
        data: perBucketValues(card, (b) => b.breaches),
        backgroundColor: COLORS.red,
        yAxisID: 'count',
        borderRadius: 3,
        order: 1,
      },
    ],
  };
}

function options(card: Card): ChartConfiguration<'bar' | 'line'>['options'] {
  return {
    interaction: { mode: 'index', intersect: false },
    scales: {
      x: { title: { display: true, text: byDay(card) ? 'day' : 'week starting' } },
      share: { ...percentAxis(), max: 1, position: 'left', title: { display: true, text: 'share met' } },
      count: {
        beginAtZero: true,
        suggestedMax: 2,
        position: 'right',
        grid: { display: false },
        ticks: { precision: 0 },
        title: { display: true, text: 'breaches' },
      },
    },
    plugins: {
      tooltip: {
        callbacks: {
          label: (ctx) =>
            ctx.dataset.yAxisID === 'share'
              ? `${ctx.dataset.label ?? ''}: ${formatPercent(ctx.parsed.y)}`
              : `Breaches: ${formatCount(ctx.parsed.y)}`,
        },
      },
    },
  };
}

export function slaWeekChart(card: Card, charts: ChartSet): HTMLElement {
  const s = card.sales;
  return panel(
    `SLA met ${perBucket(card)}`,
    {
      hint: 'An outcome is met when the rep touched or returned the lead before its deadline; an untouched recycle is a miss.',
      testId: 'scorecard-sla-chart',
    },
    s.slaMet.outcomes === 0 && s.breaches.value === 0
      ? empty(
          'No SLA outcome or breach in this period: no assigned lead reached its deadline or a first touch.',
        )
      : charts.box(`Share of SLA outcomes met ${perBucket(card)}, and breaches`, {
          type: 'bar',
          data: data(card),
          options: options(card),
        }),
  );
}
