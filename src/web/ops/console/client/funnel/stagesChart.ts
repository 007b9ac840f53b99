// Stage counts along the success path as a funnel (bars centred on one axis), with stage-to-stage conversion
// and the detours beside it.
import type { Funnel } from '../apiTypes.ts';
import { card } from '../components/card.ts';
import { dataTable } from '../components/table.ts';
import { COLORS, type ChartSet } from '../charts.ts';
import { el } from '../dom.ts';
import { formatCount, formatPercent, humanize } from '../format.ts';

const DETOURS = ['returned', 'recycled', 'disqualified', 'lost'];

export function stagesChart(report: Funnel, charts: ChartSet): HTMLElement {
  // The success path in the API's own order: each conversion step's "from", then the last step's "to".
  const path = [...report.conversion.map((c) => c.from), ...report.conversion.slice(-1).map((c) => c.to)];
  const stages = path.map((s) => report.stages.find((x) => x.stage === s)).filter((s) => s !== undefined);
  const detours = report.stages.filter((s) => DETOURS.includes(s.stage));
  const chart = charts.box('Leads that entered each stage, as a funnel', {
    type: 'bar',
    data: {
      labels: stages.map((s) => `${humanize(s.stage)} · ${formatCount(s.enteredLeads)}`),
      datasets: [
        {
          label: 'Leads that entered the stage',
          // Centred bars draw the funnel's shape; tooltips and labels carry the API's counts.
          data: stages.map((s) => [-s.enteredLeads / 2, s.enteredLeads / 2] as [number, number]),
          backgroundColor: stages.map(
            (_, i) =>
              [COLORS.blue, '#3e73e6', '#5a89ee', '#7aa1f3', '#9ab8f7', COLORS.green][i] ?? COLORS.blue,
          ),
          borderRadius: 4,
          barPercentage: 0.9,
          categoryPercentage: 0.95,
        },
      ],
    },
    options: {
      indexAxis: 'y',
      scales: { x: { display: false }, y: { grid: { display: false }, ticks: { font: { weight: 'bold' } } } },
      plugins: {
        legend: { display: false },
        tooltip: {
          callbacks: {
            label: (ctx) => {
              const s = stages[ctx.dataIndex];
              return s
                ? `${formatCount(s.enteredLeads)} leads entered (${formatCount(s.entries)} entries), ${formatCount(s.current)} there now`
                : '';
            },
          },
        },
      },
    },
  });
  return card(
    'Stages and conversion',
    {
      hint: 'Distinct leads that entered each stage in the period; conversion to the next stage by the period’s end.',
      testId: 'funnel-stages',
    },
    chart,
    dataTable({
      columns: [
        { label: 'Step', cell: (c) => `${humanize(c.from)} → ${humanize(c.to)}` },
        { label: 'Entered', cell: (c) => formatCount(c.entered), numeric: true },
        { label: 'Converted', cell: (c) => formatCount(c.converted), numeric: true },
        { label: 'Conversion', cell: (c) => formatPercent(c.rate), numeric: true },
      ],
      rows: report.conversion,
      rowId: (c) => `${c.from}-${c.to}`,
      empty: 'No conversion steps.',
      testId: 'conversion-table',
    }),
    el(
      'p',
      { class: 'hint' },
      'Detours: ',
      ...detours.flatMap((d, i) => [
        i > 0 ? ' · ' : '',
        `${humanize(d.stage)} ${formatCount(d.enteredLeads)} (${formatCount(d.current)} now)`,
      ]),
    ),
  );
}
