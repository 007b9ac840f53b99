// MQLs delivered per week (per day for a week) against the weekly commitment and what sales can work: the
// volume half of marketing's side.
import type { ChartConfiguration } from 'chart.js';
import { COLORS, type ChartSet } from '../charts.ts';
import { card as panel, empty } from '../components/card.ts';
import { formatCount } from '../format.ts';
import {
  atAxisScale,
  bucketLabel,
  byDay,
  perBucket,
  perBucketValues,
  weeksInPeriod,
  type Card,
} from './seriesAxis.ts';

type Data = ChartConfiguration<'bar' | 'line'>['data'];
type Dataset = Data['datasets'][number];

const oneDecimal = (n: number) => Math.round(n * 10) / 10;

/** A flat line across the chart: a target per bucket. */
const referenceLine = (card: Card, label: string, value: number, color: string, dash: number[]): Dataset => ({
  type: 'line',
  label,
  data: card.series.map(() => oneDecimal(value)),
  borderColor: color,
  backgroundColor: color,
  borderDash: dash,
  borderWidth: 2,
  pointRadius: 0,
  order: 0,
});

function datasets(card: Card): Dataset[] {
  const m = card.marketing.mqls;
  const perWeek = card.capacity.mqlTargetPerWeek;
  const lines: Array<[string, number | null, string, number[]]> = [
    [
      `Committed ${perBucket(card)}${m.committedFrom === 'capacity' ? ' (sized to sales capacity)' : ''}`,
      m.committed === null ? null : atAxisScale(card, m.committed / weeksInPeriod(card)),
      COLORS.gray,
      [6, 4],
    ],
    // Sized to capacity, the commitment is this same line: drawn once.
    [
      `What sales can work ${perBucket(card)}`,
      perWeek === null || m.committedFrom === 'capacity' ? null : atAxisScale(card, perWeek),
      COLORS.amber,
      [2, 3],
    ],
  ];
  const reference = lines.flatMap(([label, value, color, dash]) =>
    value === null ? [] : [referenceLine(card, label, value, color, dash)],
  );
  return [
    {
      type: 'bar',
      label: 'MQLs delivered',
      data: perBucketValues(card, (b) => b.mqls),
      backgroundColor: COLORS.blue,
      borderRadius: 3,
      order: 1,
    },
    {
      type: 'bar',
      label: 'Handed to sales',
      data: perBucketValues(card, (b) => b.handedOver),
      backgroundColor: COLORS.lightBlue,
      borderRadius: 3,
      order: 1,
    },
    ...reference,
  ];
}

export function mqlChart(card: Card, charts: ChartSet): HTMLElement {
  const m = card.marketing.mqls;
  const quiet = card.series.every((b) => b.mqls === 0 && b.handedOver === 0);
  return panel(
    `MQLs ${perBucket(card)}`,
    {
      hint:
        m.committed === null
          ? 'No commitment to draw: the policy sets no monthly MQL number and sales’ pace is not measured yet.'
          : `${formatCount(m.value)} delivered of ${formatCount(m.committed)} committed for the period.`,
      testId: 'scorecard-mql-chart',
    },
    quiet
      ? empty('No lead became an MQL or was handed to sales in this period.')
      : charts.box(`MQLs delivered ${perBucket(card)} against the commitment`, {
          type: 'bar',
          data: { labels: card.series.map((b) => bucketLabel(card, b.bucket)), datasets: datasets(card) },
          options: {
            interaction: { mode: 'index', intersect: false },
            scales: {
              x: { title: { display: true, text: byDay(card) ? 'day' : 'week starting' } },
              y: { beginAtZero: true, ticks: { precision: 0 }, title: { display: true, text: 'leads' } },
            },
          },
        }),
  );
}
