// Sales' side of the SLA: the share of outcomes met within the deadline against the commitment, how fast reps
// make the first touch, breaches and untouched recycles — each against the previous period — then per rep and
// every return with its reason.
import type { ChartSet } from '../charts.ts';
import { el } from '../dom.ts';
import { formatCount, formatMinutes, formatPercent } from '../format.ts';
import { repSlaTable } from './repSlaTable.ts';
import type { Names } from './repName.ts';
import { returnsList } from './returnsList.ts';
import type { Card } from './seriesAxis.ts';
import { slaWeekChart } from './slaWeekChart.ts';
import { trendKpiRow, type TrendKpi } from './trendKpi.ts';

function kpis(card: Card): TrendKpi[] {
  const s = card.sales;
  const previousLabel = card.previous.label;
  return [
    {
      label: 'Met within SLA',
      value: formatPercent(s.slaMet.value),
      trend: s.slaMet,
      unit: 'share',
      better: 'up',
      previousLabel,
      hint:
        s.slaMet.outcomes === 0
          ? `target ≥ ${formatPercent(s.slaMet.target)} · no outcome yet`
          : `target ≥ ${formatPercent(s.slaMet.target)} · ${formatCount(s.slaMet.met)} of ${formatCount(s.slaMet.outcomes)} outcomes`,
      tone: s.slaMet.value === null ? undefined : s.slaMet.belowTarget ? 'bad' : 'ok',
      testId: 'kpi-sla-met',
    },
    {
      label: 'First touch (median)',
      value: formatMinutes(s.medianHumanLatencyMinutes.value),
      trend: s.medianHumanLatencyMinutes,
      unit: 'minutes',
      better: 'down',
      previousLabel,
      hint: 'business time from assignment to the rep’s first touch',
      testId: 'kpi-human-latency',
    },
    {
      label: 'Breaches',
      value: formatCount(s.breaches.value),
      trend: s.breaches,
      unit: 'count',
      better: 'down',
      previousLabel,
      hint: 'deadlines passed without a touch (escalated)',
      tone: (s.breaches.value ?? 0) > 0 ? 'warn' : 'ok',
      testId: 'kpi-breaches',
    },
    {
      label: 'Untouched',
      value: formatCount(s.untouched.value),
      trend: s.untouched,
      unit: 'count',
      better: 'down',
      previousLabel,
      hint: 'recycled to marketing without a touch',
      tone: (s.untouched.value ?? 0) > 0 ? 'bad' : 'ok',
      testId: 'kpi-untouched',
    },
  ];
}

export function salesSide(card: Card, tenantId: string, names: Names, charts: ChartSet): HTMLElement {
  return el(
    'section',
    { class: 'sc-side', 'data-testid': 'scorecard-sales', 'aria-labelledby': 'sc-sales' },
    el('h2', { id: 'sc-sales', class: 'sc-side-title' }, 'Sales’ commitment'),
    el(
      'p',
      { class: 'hint' },
      'A first touch on every assigned lead before its deadline, or a return with a reason.',
    ),
    trendKpiRow(kpis(card)),
    el('div', { class: 'grid' }, slaWeekChart(card, charts), repSlaTable(card, names)),
    returnsList(card, tenantId, names),
  );
}
