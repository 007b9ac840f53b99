// Capacity as the barometer: what sales can work a week at the measured pace, the MQL target that follows (with
// its derivation step by step), and a warning when marketing delivers more than sales can work.
import { callout } from '../components/callout.ts';
import { card as panel } from '../components/card.ts';
import { kpiRow } from '../components/kpi.ts';
import { el } from '../dom.ts';
import { formatPercent, formatTime, NONE } from '../format.ts';
import { repTable, teamTable } from './capacityTables.ts';
import type { Names } from './repName.ts';
import type { Card } from './seriesAxis.ts';

type Plan = Card['capacity'];

const oneDecimal = new Intl.NumberFormat(undefined, { maximumFractionDigits: 1 });
const weekly = (n: number | null): string => (n === null ? NONE : `${oneDecimal.format(n)} / wk`);

function figures(plan: Plan): HTMLElement {
  return kpiRow([
    {
      label: 'MQL target',
      value: weekly(plan.mqlTargetPerWeek),
      raw: plan.mqlTargetPerWeek,
      hint:
        plan.mqlTargetPerWeek === null
          ? 'needs a measured pace (see below)'
          : 'MQLs a week that sales can work',
      testId: 'kpi-mql-target',
    },
    {
      label: 'Sales can take',
      value: weekly(plan.salesLeadsPerWeek),
      raw: plan.salesLeadsPerWeek,
      hint:
        plan.salesLeadsPerWeek === null
          ? 'needs a measured pace (see below)'
          : 'leads a week at the measured pace',
      testId: 'kpi-sales-per-week',
    },
    {
      label: 'MQLs reaching a rep',
      value: formatPercent(plan.handoverShare),
      raw: plan.handoverShare,
      hint: plan.handoverShare === null ? 'too few MQLs to measure: taken as all' : 'of the window’s MQLs',
    },
  ]);
}

export function capacityCard(card: Card, names: Names): HTMLElement {
  const plan = card.capacity;
  const over = card.deviations.filter((d) => d.kind === 'mql_over_capacity');
  return panel(
    'Capacity',
    {
      hint: `As of ${formatTime(plan.at)}, at the pace of the last ${plan.windowWeeks} weeks. Sales’ capacity sizes marketing’s MQL commitment.`,
      wide: true,
      testId: 'scorecard-capacity',
    },
    ...over.map((d) =>
      el(
        'div',
        { class: 'sc-warning' },
        callout('warn', 'More MQLs than sales can work', el('p', {}, d.detail)),
      ),
    ),
    figures(plan),
    el(
      'div',
      { class: 'sc-derivation', 'data-testid': 'scorecard-derivation' },
      el('h3', {}, 'How the MQL target is worked out'),
      el('ol', {}, ...plan.derivation.map((line) => el('li', {}, line))),
    ),
    el('h3', { class: 'sc-h3' }, 'Teams'),
    teamTable(plan, names),
    el('h3', { class: 'sc-h3' }, 'Reps'),
    repTable(plan, names),
  );
}
