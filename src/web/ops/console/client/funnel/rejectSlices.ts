// The reject rate sliced by source, campaign, fit score band, fit grade or rep, against the target: where the
// lead definition is off.
import type { Funnel } from '../apiTypes.ts';
import { badge } from '../components/badge.ts';
import { card, empty } from '../components/card.ts';
import { dataTable } from '../components/table.ts';
import { COLORS, percentAxis, type ChartSet } from '../charts.ts';
import { el, replace } from '../dom.ts';
import { formatCount, formatPercent } from '../format.ts';

type RejectRate = Funnel['rejectRate'];
type SliceRow = RejectRate['bySource'][number];

const SLICES = [
  { key: 'bySource', label: 'Source' },
  { key: 'byCampaign', label: 'Campaign' },
  { key: 'byFitBand', label: 'Fit score band' },
  { key: 'byFitGrade', label: 'Fit grade' },
  { key: 'byRep', label: 'Rep' },
] as const satisfies ReadonlyArray<{ key: keyof RejectRate; label: string }>;

type SliceKey = (typeof SLICES)[number]['key'];

const keyName = (r: SliceRow): string => r.key ?? '(none)';

function slice(rr: RejectRate, key: SliceKey, label: string, charts: ChartSet): HTMLElement {
  const rows = rr[key];
  const view = el(
    'div',
    {},
    rows.length === 0
      ? empty(`No hand-overs to slice by ${label.toLowerCase()}.`)
      : charts.box(`Reject rate by ${label.toLowerCase()}`, {
          type: 'bar',
          data: {
            labels: rows.map(keyName),
            datasets: [
              {
                type: 'bar',
                label: 'Reject rate',
                data: rows.map((r) => r.rate),
                backgroundColor: rows.map((r) => (r.overTarget ? COLORS.red : COLORS.blue)),
                borderRadius: 3,
              },
              {
                type: 'line',
                label: `Target (${formatPercent(rr.target)})`,
                data: rows.map(() => rr.target),
                borderColor: COLORS.gray,
                borderDash: [6, 4],
                pointRadius: 0,
              },
            ],
          },
          options: {
            scales: { y: percentAxis(0.2) },
            plugins: {
              tooltip: {
                callbacks: { label: (ctx) => `${ctx.dataset.label ?? ''}: ${formatPercent(ctx.parsed.y)}` },
              },
            },
          },
        }),
    dataTable({
      columns: [
        { label, cell: (r) => el('span', { class: 'mono' }, keyName(r)) },
        { label: 'Handed over', cell: (r) => formatCount(r.handedOver), numeric: true },
        { label: 'Rejects', cell: (r) => formatCount(r.rejects), numeric: true },
        { label: 'Reject rate', cell: (r) => formatPercent(r.rate), numeric: true },
        { label: '', cell: (r) => (r.overTarget ? badge('over target', 'bad') : null) },
      ],
      rows,
      rowId: keyName,
      empty: 'Nothing to show.',
    }),
    ...(key === 'byRep' ? [actorTable(rr)] : []),
  );
  return view;
}

/** Rejects count against the lead's owner; this says who clicked (a manager or an admin, for someone else). */
function actorTable(rr: RejectRate): HTMLElement {
  const name = (r: RejectRate['byActor'][number]): string => r.key ?? '(no user)';
  return el(
    'div',
    { 'data-testid': 'funnel-return-actors' },
    el('h3', {}, 'Who returned them'),
    dataTable({
      columns: [
        { label: 'Returned by', cell: (r) => el('span', { class: 'mono' }, name(r)) },
        { label: 'Returns', cell: (r) => formatCount(r.returns), numeric: true },
        { label: 'Rejects', cell: (r) => formatCount(r.rejects), numeric: true },
        { label: "Of another owner's leads", cell: (r) => formatCount(r.ofOthersLeads), numeric: true },
      ],
      rows: rr.byActor,
      rowId: name,
      empty: 'No returns in this period.',
    }),
  );
}

export function rejectSlices(report: Funnel, pageCharts: ChartSet): HTMLElement {
  const rr = report.rejectRate;
  const charts = pageCharts.child();
  const slot = el('div', {});
  const tabs = SLICES.map((s) =>
    el('button', { type: 'button', class: 'chip', 'aria-pressed': String(s.key === 'bySource') }, s.label),
  );
  const show = (i: number) => {
    const s = SLICES[i];
    if (!s) return;
    tabs.forEach((t, j) => t.setAttribute('aria-pressed', String(i === j)));
    charts.destroy();
    replace(slot, slice(rr, s.key, s.label, charts));
    // Drawn once the view is in the page: at once on a tab click, after the page is placed on the first show.
    queueMicrotask(() => charts.mount());
  };
  tabs.forEach((t, i) => t.addEventListener('click', () => show(i)));
  const view = card(
    'Reject rate by slice',
    {
      hint: 'Each hand-over by its source, campaign, fit and owner at the time; each reject by those at the return.',
      testId: 'funnel-slices',
    },
    el('div', { class: 'chips', role: 'group', 'aria-label': 'Slice by' }, ...tabs),
    slot,
  );
  show(0);
  return view;
}
