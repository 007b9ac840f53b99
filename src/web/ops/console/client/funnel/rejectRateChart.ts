// The reject rate over time against its target (default 10 %): the loop back to marketing's lead definition.
import type { ChartConfiguration } from 'chart.js';
import type { Funnel } from '../apiTypes.ts';
import { badge } from '../components/badge.ts';
import { card, empty } from '../components/card.ts';
import { COLORS, percentAxis, type ChartSet } from '../charts.ts';
import { formatBucket, formatCount, formatPercent } from '../format.ts';

type RejectRate = Funnel['rejectRate'];

function verdict(rr: RejectRate): HTMLElement {
  return rr.rate === null
    ? badge('no hand-overs', 'muted')
    : rr.overTarget
      ? badge(`over the ${formatPercent(rr.target)} target`, 'bad')
      : badge(`within the ${formatPercent(rr.target)} target`, 'ok');
}

/** The rate and its target as lines on a percent axis, hand-overs as bars on a count axis. */
function rejectRateData(rr: RejectRate): ChartConfiguration<'line' | 'bar'>['data'] {
  return {
    labels: rr.series.map((b) => formatBucket(b.bucket)),
    datasets: [
      {
        type: 'line',
        label: 'Reject rate',
        data: rr.series.map((b) => b.rate),
        borderColor: COLORS.red,
        backgroundColor: COLORS.red,
        pointRadius: 5,
        spanGaps: false,
        yAxisID: 'rate',
      },
      {
        type: 'line',
        label: `Target (${formatPercent(rr.target)})`,
        data: rr.series.map((b) => b.target),
        borderColor: COLORS.gray,
        borderDash: [6, 4],
        pointRadius: 0,
        yAxisID: 'rate',
      },
      {
        type: 'bar',
        label: 'Handed over',
        data: rr.series.map((b) => b.handedOver),
        backgroundColor: 'rgba(46, 98, 217, 0.18)',
        yAxisID: 'count',
        borderRadius: 3,
      },
    ],
  };
}

function rejectRateOptions(): ChartConfiguration<'line' | 'bar'>['options'] {
  return {
    interaction: { mode: 'index', intersect: false },
    scales: {
      rate: { ...percentAxis(0.2), position: 'left' },
      count: {
        beginAtZero: true,
        position: 'right',
        grid: { display: false },
        ticks: { precision: 0 },
        title: { display: true, text: 'handed over' },
      },
    },
    plugins: {
      tooltip: {
        callbacks: {
          label: (ctx) =>
            ctx.dataset.yAxisID === 'count'
              ? `Handed over: ${formatCount(ctx.parsed.y)}`
              : `${ctx.dataset.label ?? ''}: ${formatPercent(ctx.parsed.y)}`,
        },
      },
    },
  };
}

export function rejectRateChart(report: Funnel, charts: ChartSet): HTMLElement {
  const rr = report.rejectRate;
  return card(
    'Reject rate over time',
    {
      hint: `${formatCount(rr.rejects)} rejects of ${formatCount(rr.handedOver)} leads handed to sales (${formatCount(rr.returns)} returns in all). Above the target, marketing’s lead definition is off.`,
      actions: [verdict(rr)],
      wide: true,
      testId: 'funnel-reject-rate',
    },
    rr.handedOver === 0
      ? empty('No lead was handed to sales in this period.')
      : charts.box(
          'Reject rate per bucket against the target line',
          { type: 'line', data: rejectRateData(rr), options: rejectRateOptions() },
          'lg',
        ),
  );
}
