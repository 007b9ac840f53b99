// SLA compliance over time: the share of SLA outcomes met per bucket, with the breaches (escalations) beside.
import type { ChartConfiguration } from 'chart.js';
import type { Funnel } from '../apiTypes.ts';
import { card, empty } from '../components/card.ts';
import { COLORS, percentAxis, type ChartSet } from '../charts.ts';
import { el } from '../dom.ts';
import { formatBucket, formatCount, formatPercent } from '../format.ts';

type Sla = Funnel['sla'];

/** The share met as a line on a percent axis; met and missed stacked, and breaches, as bars on a count axis. */
function slaData(sla: Sla): ChartConfiguration<'bar' | 'line'>['data'] {
  return {
    labels: sla.series.map((b) => formatBucket(b.bucket)),
    datasets: [
      {
        type: 'line',
        label: 'Share met',
        data: sla.series.map((b) => b.metShare),
        borderColor: COLORS.green,
        backgroundColor: COLORS.green,
        yAxisID: 'share',
        spanGaps: false,
        pointRadius: 5,
        order: 0,
      },
      {
        type: 'bar',
        label: 'Met',
        data: sla.series.map((b) => b.met),
        backgroundColor: '#a6f4c5',
        yAxisID: 'count',
        stack: 'outcomes',
        order: 1,
      },
      {
        type: 'bar',
        label: 'Missed',
        data: sla.series.map((b) => b.missed),
        backgroundColor: '#fecdca',
        yAxisID: 'count',
        stack: 'outcomes',
        order: 1,
      },
      {
        type: 'bar',
        label: 'Breaches',
        data: sla.series.map((b) => b.breaches),
        backgroundColor: COLORS.red,
        yAxisID: 'count',
        stack: 'breaches',
        order: 1,
      },
    ],
  };
}

function slaOptions(): ChartConfiguration<'bar' | 'line'>['options'] {
  return {
    interaction: { mode: 'index', intersect: false },
    scales: {
      x: { stacked: true },
      share: { ...percentAxis(), position: 'left' },
      count: {
        beginAtZero: true,
        stacked: true,
        position: 'right',
        grid: { display: false },
        ticks: { precision: 0 },
        title: { display: true, text: 'outcomes, breaches' },
      },
    },
    plugins: {
      tooltip: {
        callbacks: {
          label: (ctx) =>
            ctx.dataset.yAxisID === 'share'
              ? `Share met: ${formatPercent(ctx.parsed.y)}`
              : `${ctx.dataset.label ?? ''}: ${formatCount(ctx.parsed.y)}`,
        },
      },
    },
  };
}

/** Outcomes by kind: first touches and returns before a touch met or missed, untouched recycles missed. */
function byKind(k: Sla['byKind']): HTMLElement {
  return el(
    'p',
    { class: 'hint' },
    `First touches: ${formatCount(k.first_touch.met)} met, ${formatCount(k.first_touch.missed)} missed · `,
    `Returned before a touch: ${formatCount(k.returned.met)} met, ${formatCount(k.returned.missed)} missed · `,
    `Recycled untouched: ${formatCount(k.untouched.missed)}`,
  );
}

export function slaChart(report: Funnel, charts: ChartSet): HTMLElement {
  const sla = report.sla;
  return card(
    'SLA compliance over time',
    {
      hint: `${formatPercent(sla.metShare)} met (${formatCount(sla.met)} of ${formatCount(sla.outcomes)} outcomes) · ${formatCount(sla.breaches)} breaches`,
      testId: 'funnel-sla',
    },
    sla.outcomes === 0 && sla.breaches === 0
      ? empty('No SLA outcome (touch, return or untouched recycle) in this period.')
      : charts.box('Share of SLA outcomes met, and breaches, per bucket', {
          type: 'bar',
          data: slaData(sla),
          options: slaOptions(),
        }),
    byKind(sla.byKind),
  );
}
