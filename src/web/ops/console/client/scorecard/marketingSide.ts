// Marketing's side of the SLA: MQLs delivered against the commitment (and where that number comes from), and
// their quality — the share sales accepted against the ≥ 90 % norm.
import type { ChartSet } from '../charts.ts';
import { kpiTile } from '../components/kpi.ts';
import { el } from '../dom.ts';
import { formatCount, formatPercent } from '../format.ts';
import { mqlChart } from './mqlChart.ts';
import { rejectSliceTabs } from './rejectSliceTabs.ts';
import type { Card } from './seriesAxis.ts';
import { trendKpiTile, type TrendKpi } from './trendKpi.ts';

const has = (card: Card, kind: Card['deviations'][number]['kind']) =>
  card.deviations.some((d) => d.kind === kind);

/** Where the MQL commitment comes from, and how much of it is due by now. */
function commitmentHint(card: Card): string {
  const m = card.marketing.mqls;
  if (m.committed === null || m.committedToDate === null)
    return 'No commitment yet: the policy sets no monthly number and sales’ pace is not measured yet (see Capacity).';
  const source =
    m.committedFrom === 'policy' ? 'set in the SLA policy' : 'sized to what sales can work (see Capacity)';
  return card.elapsed < 1
    ? `${formatCount(m.committedToDate)} due by now of ${formatCount(m.committed)} committed, ${source}`
    : `${formatCount(m.committed)} committed, ${source}`;
}

function kpis(card: Card): TrendKpi[] {
  const { mqls, acceptRate } = card.marketing;
  const previousLabel = card.previous.label;
  return [
    {
      label: 'MQLs delivered',
      value:
        mqls.committedToDate === null
          ? formatCount(mqls.value)
          : `${formatCount(mqls.value)} / ${formatCount(mqls.committedToDate)}`,
      trend: mqls,
      unit: 'count',
      better: 'up',
      previousLabel,
      hint: commitmentHint(card),
      tone: has(card, 'mql_short')
        ? 'bad'
        : has(card, 'mql_over_capacity')
          ? 'warn'
          : mqls.committed === null
            ? undefined
            : 'ok',
      testId: 'kpi-mqls',
    },
    {
      label: 'Accepted by sales',
      value: formatPercent(acceptRate.value),
      trend: acceptRate,
      unit: 'share',
      better: 'up',
      previousLabel,
      hint:
        acceptRate.handedOver === 0
          ? `norm ≥ ${formatPercent(acceptRate.target)} · nothing handed over yet`
          : `norm ≥ ${formatPercent(acceptRate.target)} · ${formatCount(acceptRate.rejects)} rejected of ${formatCount(acceptRate.handedOver)} handed over`,
      tone: acceptRate.value === null ? undefined : acceptRate.belowTarget ? 'bad' : 'ok',
      testId: 'kpi-accept-rate',
    },
  ];
}

/** Hand-overs and returns: the counts behind the accept rate (no trend of their own). */
function counts(card: Card): HTMLElement[] {
  const { acceptRate } = card.marketing;
  const returns = card.sales.returns.length;
  return [
    kpiTile({
      label: 'Handed to sales',
      value: formatCount(acceptRate.handedOver),
      raw: acceptRate.handedOver,
      hint: 'leads assigned to a rep in the period',
      testId: 'kpi-handed-over',
    }),
    kpiTile({
      label: 'Returned by sales',
      value: formatCount(returns),
      raw: returns,
      hint:
        returns === 0
          ? 'no lead came back'
          : `${formatCount(acceptRate.rejects)} count as rejects against lead quality`,
      testId: 'kpi-returns',
    }),
  ];
}

export function marketingSide(card: Card, charts: ChartSet): HTMLElement {
  const [mqls, accept] = kpis(card).map(trendKpiTile);
  const [handed, returned] = counts(card);
  return el(
    'section',
    { class: 'sc-side', 'data-testid': 'scorecard-marketing', 'aria-labelledby': 'sc-marketing' },
    el('h2', { id: 'sc-marketing', class: 'sc-side-title' }, 'Marketing’s commitment'),
    el('p', { class: 'hint' }, 'Enough MQLs for sales to work, and good enough that sales accepts them.'),
    el('div', { class: 'kpis sc-kpis' }, mqls, handed, accept, returned),
    el('div', { class: 'grid' }, mqlChart(card, charts), rejectSliceTabs(card)),
  );
}
