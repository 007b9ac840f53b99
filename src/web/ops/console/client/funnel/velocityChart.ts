// Velocity: median and 90th-percentile time in each stage, from the visits that ended in the period.
import type { Funnel } from '../apiTypes.ts';
import { card, empty } from '../components/card.ts';
import { COLORS, type ChartSet } from '../charts.ts';
import { formatCount, formatHours, formatHoursTick, humanize } from '../format.ts';

// Axis steps in hours that read well (an hour up to a week); the first that needs at most six ticks is used.
const STEPS = [1, 2, 4, 6, 12, 24, 48, 72, 168];

function stepFor(rows: Funnel['velocity']): number {
  const top = Math.max(0, ...rows.flatMap((v) => [v.medianHours ?? 0, v.p90Hours ?? 0]));
  return STEPS.find((s) => top / s <= 6) ?? 168;
}

export function velocityChart(report: Funnel, charts: ChartSet): HTMLElement {
  const rows = report.velocity;
  const hasData = rows.some((v) => v.medianHours !== null);
  const stagnant = rows.filter((v) => v.stagnant !== null && v.stagnant > 0);
  return card(
    'Velocity',
    {
      hint:
        stagnant.length > 0
          ? `Stagnant now (longer than the stage’s median): ${stagnant.map((v) => `${humanize(v.stage)} ${formatCount(v.stagnant)}`).join(', ')}.`
          : 'Time leads spent in each stage before moving on.',
      testId: 'funnel-velocity',
    },
    hasData
      ? charts.box('Median and 90th percentile hours in each stage', {
          type: 'bar',
          data: {
            labels: rows.map((v) => humanize(v.stage)),
            datasets: [
              {
                label: 'Median',
                data: rows.map((v) => v.medianHours),
                backgroundColor: COLORS.blue,
                borderRadius: 3,
              },
              {
                label: '90th percentile',
                data: rows.map((v) => v.p90Hours),
                backgroundColor: COLORS.lightBlue,
                borderRadius: 3,
              },
            ],
          },
          options: {
            scales: {
              x: { ticks: { autoSkip: false } },
              y: {
                beginAtZero: true,
                ticks: { stepSize: stepFor(rows), callback: (v) => formatHoursTick(Number(v)) },
              },
            },
            plugins: {
              tooltip: {
                callbacks: {
                  label: (ctx) => `${ctx.dataset.label ?? ''}: ${formatHours(ctx.parsed.y)}`,
                  afterBody: (items) => {
                    const v = rows[items[0]?.dataIndex ?? -1];
                    return v
                      ? `${formatCount(v.samples)} visits ended · ${formatCount(v.current)} in stage now`
                      : '';
                  },
                },
              },
            },
          },
        })
      : empty('No lead left a stage in this period.'),
  );
}
