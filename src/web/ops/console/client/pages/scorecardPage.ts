// The SLA scorecard of one tenant for a month, week or quarter: marketing's commitment, sales' commitment, the
// capacity that sizes them and every deviation, all drawn from GET /ops/api/scorecard (the JSON and CSV links give
// the same figures). The address keeps tenant and period, so a link reproduces the view.
import { ApiError, apiUrl, getJson } from '../api.ts';
import type { ScorecardResponse } from '../apiTypes.ts';
import { ChartSet } from '../charts.ts';
import { callout, loadError } from '../components/callout.ts';
import { empty } from '../components/card.ts';
import { el, queryParams, replace, setQueryParams } from '../dom.ts';
import { capacityCard } from '../scorecard/capacityCard.ts';
import { deviationsCard } from '../scorecard/deviationsCard.ts';
import { marketingSide } from '../scorecard/marketingSide.ts';
import { periodBar } from '../scorecard/periodBar.ts';
import { salesSide } from '../scorecard/salesSide.ts';
import type { Card } from '../scorecard/seriesAxis.ts';
import { chooseTenant, tenantLabel } from '../tenantContext.ts';

/** The API refused the period (malformed, or not started yet): say what it takes, keep the period editable. */
function failure(error: unknown, label: string | null): HTMLElement {
  if (!(error instanceof ApiError) || error.status !== 400) return loadError(error);
  return callout(
    'bad',
    `No scorecard for “${label ?? 'this month'}”`,
    el('p', {}, error.message),
    el('p', {}, 'Pick a month (2026-12), an ISO week (2026-W49) or a quarter (2026-Q4) that has begun.'),
  );
}

/** A period in which nothing the scorecard measures happened. */
const quiet = (card: Card): boolean =>
  card.marketing.mqls.value === 0 &&
  card.marketing.acceptRate.handedOver === 0 &&
  card.sales.slaMet.outcomes === 0 &&
  card.sales.breaches.value === 0 &&
  card.sales.returns.length === 0;

function quietNotice(card: Card): HTMLElement | null {
  if (!quiet(card)) return null;
  return callout(
    'muted',
    `Nothing to score in ${card.period.label}`,
    el(
      'p',
      {},
      'No lead became an MQL, was handed to sales, was returned or reached its SLA deadline in this period. ',
      'Step back a period, or pick one where leads were handed over.',
    ),
  );
}

function view(data: ScorecardResponse, charts: ChartSet): HTMLElement[] {
  const { scorecard: card, tenantId, names } = data;
  return [
    ...[quietNotice(card)].filter((n) => n !== null),
    marketingSide(card, charts),
    salesSide(card, tenantId, names, charts),
    // In a grid, as the other pages' cards: spaced the same.
    el('div', { class: 'grid' }, capacityCard(card, names), deviationsCard(card, tenantId, names)),
  ];
}

export async function render(root: HTMLElement): Promise<void> {
  const asked = queryParams()['tenant'];
  const { tenants, tenantId } = await chooseTenant({ allowAll: false });
  const first = tenants.find((t) => t.id === tenantId);
  if (!tenantId || !first) {
    replace(root, empty('No CRM is connected yet: the scorecard starts with the first tenant’s leads.'));
    return;
  }
  if (asked && !tenants.some((t) => t.id === asked)) {
    // A shared link to a tenant that is gone: say so, rather than show another tenant's figures under it.
    replace(
      root,
      callout(
        'bad',
        'Unknown tenant',
        el('p', {}, `No connected tenant has the id “${asked}”, so there is no scorecard to show.`),
        el(
          'p',
          {},
          el(
            'a',
            { href: `/ops/scorecard?tenant=${encodeURIComponent(tenantId)}` },
            `Show ${tenantLabel(first)}`,
          ),
          ' or pick a tenant in the top bar.',
        ),
      ),
    );
    root.dataset['shown'] = 'error';
    return;
  }
  let charts = new ChartSet();
  // Quick clicks through periods: only the last one asked for is drawn.
  let latest = 0;

  const show = async (label: string | null): Promise<void> => {
    setQueryParams({ tenant: tenantId, period: label });
    const params = { tenantId, period: label };
    const links = {
      json: apiUrl('scorecard', params),
      csv: apiUrl('scorecard', { ...params, format: 'csv' }),
    };
    const go = (next: string | null) => void show(next);
    const asked = ++latest;
    let data: ScorecardResponse;
    try {
      data = await getJson<ScorecardResponse>(links.json);
    } catch (error) {
      if (asked !== latest) return;
      // The period stays editable: a mistyped one is fixed right here.
      charts.destroy();
      replace(root, periodBar({ asked: label, card: null, links, go }), failure(error, label));
      root.dataset['shown'] = 'error';
      return;
    }
    if (asked !== latest) return;
    charts.destroy();
    charts = new ChartSet();
    replace(root, periodBar({ asked: label, card: data.scorecard, links, go }), ...view(data, charts));
    charts.mount();
    // The period by name, even when it was the default: the link keeps showing this period next month.
    setQueryParams({ period: data.scorecard.period.label });
    root.dataset['shown'] = data.scorecard.period.label;
  };

  await show(queryParams()['period'] || null);
}
