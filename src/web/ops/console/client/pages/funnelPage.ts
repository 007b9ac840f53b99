// Funnel analytics for one tenant and period: every figure and chart is drawn from GET /ops/api/funnel, the
// same report the JSON and CSV links return.
import { apiUrl, getJson } from '../api.ts';
import type { Funnel } from '../apiTypes.ts';
import { ChartSet } from '../charts.ts';
import { loadError } from '../components/callout.ts';
import { empty } from '../components/card.ts';
import { el, queryParams, replace, setQueryParams } from '../dom.ts';
import { formatDate } from '../format.ts';
import { funnelKpis } from '../funnel/funnelKpis.ts';
import { latencyChart } from '../funnel/latencyChart.ts';
import { periodControls, type Period } from '../funnel/periodControls.ts';
import { recycleChart } from '../funnel/recycleChart.ts';
import { reviewDownload } from '../funnel/reviewDownload.ts';
import { rejectRateChart } from '../funnel/rejectRateChart.ts';
import { rejectReasons } from '../funnel/rejectReasons.ts';
import { rejectSlices } from '../funnel/rejectSlices.ts';
import { slaChart } from '../funnel/slaChart.ts';
import { stagesChart } from '../funnel/stagesChart.ts';
import { velocityChart } from '../funnel/velocityChart.ts';
import { winProbabilityChart } from '../funnel/winProbabilityChart.ts';
import { chooseTenant } from '../tenantContext.ts';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The API's instants for an inclusive date range: from the first day's start to the last day's end (UTC). */
function apiPeriod(p: Period): { from?: string; to?: string } {
  if (!DATE.test(p.from) || !DATE.test(p.to)) return {};
  const end = new Date(`${p.to}T00:00:00.000Z`);
  end.setUTCDate(end.getUTCDate() + 1);
  return { from: `${p.from}T00:00:00.000Z`, to: end.toISOString() };
}

/** The report's last instant (its period's end is exclusive). */
const lastInstant = (report: Funnel): string => new Date(Date.parse(report.period.to) - 1).toISOString();

/** The inclusive dates of the period the API reported. */
const shownPeriod = (report: Funnel, bucket: Period['bucket']): Period => ({
  from: report.period.from.slice(0, 10),
  to: lastInstant(report).slice(0, 10),
  bucket,
});

export async function render(root: HTMLElement): Promise<void> {
  const { tenantId } = await chooseTenant({ allowAll: false });
  if (!tenantId) {
    replace(root, empty('No CRM is connected yet: analytics start with the first tenant’s leads.'));
    return;
  }
  const q = queryParams();
  let charts = new ChartSet();

  const show = async (period: Period) => {
    const params = { tenantId, ...apiPeriod(period), bucket: period.bucket };
    const json = apiUrl('funnel', params);
    const controls = (p: Period) =>
      periodControls(p, { json, csv: apiUrl('funnel', { ...params, format: 'csv' }) }, (next) => {
        setQueryParams({ from: next.from, to: next.to, bucket: next.bucket });
        void show(next);
      });
    let report: Funnel;
    try {
      report = await getJson<Funnel>(json);
    } catch (error) {
      // The period stays editable: a wrong one (from after to) is fixed right here.
      replace(root, controls(period), loadError(error));
      return;
    }
    charts.destroy();
    charts = new ChartSet();
    const shown = shownPeriod(report, period.bucket);
    replace(
      root,
      controls(shown),
      el(
        'p',
        { class: 'hint period' },
        `${formatDate(report.period.from)} – ${formatDate(lastInstant(report))}, by ${report.bucket}`,
      ),
      funnelKpis(report),
      reviewDownload(tenantId),
      el(
        'div',
        { class: 'grid' },
        stagesChart(report, charts),
        velocityChart(report, charts),
        rejectRateChart(report, charts),
        rejectReasons(report, charts),
        rejectSlices(report, charts),
        slaChart(report, charts),
        latencyChart(report, charts),
        recycleChart(report, charts),
        winProbabilityChart(report, charts),
      ),
    );
    charts.mount();
  };

  await show({ from: q['from'] ?? '', to: q['to'] ?? '', bucket: q['bucket'] === 'day' ? 'day' : 'week' });
}
