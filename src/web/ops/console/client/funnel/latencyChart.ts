// Time to first touch, split as the SLA splits blame: system latency (MQL → assigned) and human latency
// (assigned → first touch, business time), as two distributions side by side.
import type { Funnel } from '../apiTypes.ts';
import { card, empty } from '../components/card.ts';
import { COLORS, type ChartSet } from '../charts.ts';
import { el } from '../dom.ts';
import { formatCount, formatMinutes } from '../format.ts';

type Summary = Funnel['timeToFirstTouch']['system'];

const line = (name: string, s: Summary) =>
  el(
    'li',
    {},
    el('strong', {}, name),
    ` median ${formatMinutes(s.medianMinutes)}, p90 ${formatMinutes(s.p90Minutes)} (${formatCount(s.samples)} leads)`,
  );

export function latencyChart(report: Funnel, charts: ChartSet): HTMLElement {
  const { system, human } = report.timeToFirstTouch;
  return card(
    'Time to first touch',
    {
      hint: 'System latency: MQL → assigned (scoring, sync, routing). Human latency: assigned → first touch, in business time.',
      testId: 'funnel-latency',
    },
    system.samples === 0 && human.samples === 0
      ? empty('No lead was handed over or touched in this period.')
      : charts.box('Distribution of system and human latency', {
          type: 'bar',
          data: {
            labels: system.histogram.map((b) => b.label),
            datasets: [
              {
                label: 'System (MQL → assigned)',
                data: system.histogram.map((b) => b.count),
                backgroundColor: COLORS.purple,
                borderRadius: 3,
              },
              {
                label: 'Human (assigned → touch)',
                data: human.histogram.map((b) => b.count),
                backgroundColor: COLORS.teal,
                borderRadius: 3,
              },
            ],
          },
          options: {
            scales: {
              y: { beginAtZero: true, ticks: { precision: 0 }, title: { display: true, text: 'leads' } },
            },
          },
        }),
    el('ul', { class: 'inline-list' }, line('System:', system), line('Human:', human)),
  );
}
