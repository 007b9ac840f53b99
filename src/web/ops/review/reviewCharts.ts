// The pack's charts as inline SVG (no scripts, nothing fetched): a stacked bar of where the month's leads stand,
// and configured against measured win probability per forecast stage.
import type { ForecastRealism } from '../../../domain/review/forecastRealism.ts';
import type { HandedOverLead } from '../../../domain/review/handedOverLeads.ts';
import { html, type SafeHtml } from './html.ts';
import { percent, stageLabel } from './reviewFormat.ts';

const STATUS_COLOURS: Record<string, string> = {
  assigned: '#f0a202',
  accepted: '#2d7dd2',
  qualified: '#1f5fa8',
  won: '#1d7a46',
  lost: '#8a94a3',
  returned: '#d1495b',
  recycled: '#9b6ad6',
  disqualified: '#5b6878',
  mql: '#7fb7e6',
  inquiry: '#c6d2df',
};

/** Where the handed-over leads stand now: one horizontal bar split by status, with a legend. */
export function statusBar(leads: readonly HandedOverLead[]): SafeHtml {
  const counts = [...Map.groupBy(leads, (l) => l.status)].map(([status, list]) => ({
    status,
    n: list.length,
  }));
  counts.sort((a, b) => b.n - a.n || a.status.localeCompare(b.status));
  const width = 460;
  let x = 0;
  const bars = counts.map(({ status, n }) => {
    const w = (n / Math.max(leads.length, 1)) * width;
    const rect = html`<rect
      x="${x.toFixed(1)}"
      y="0"
      width="${w.toFixed(1)}"
      height="26"
      fill="${STATUS_COLOURS[status] ?? '#999'}"
      ><title>${stageLabel(status)}: ${n}</title></rect
    >`;
    x += w;
    return rect;
  });
  const legend = counts.map(
    ({ status, n }, i) =>
      html`<g transform="translate(${(i % 2) * 230},${40 + Math.floor(i / 2) * 20})"
        ><rect width="12" height="12" fill="${STATUS_COLOURS[status] ?? '#999'}" /><text
          x="18"
          y="10"
          font-size="12"
          >${stageLabel(status)}: ${n}</text
        ></g
      >`,
  );
  const height = 48 + Math.ceil(counts.length / 2) * 20;
  return html`<svg
    role="img"
    aria-label="Status of the handed-over leads"
    viewBox="0 0 ${width} ${height}"
    width="100%"
    style="max-width:${width}px"
  >
    ${bars}${legend}
  </svg>`;
}

/** Configured vs measured win probability per stage (grouped bars, 0–100 %). */
export function winProbabilityChart(forecast: ForecastRealism): SafeHtml {
  const width = 520;
  const rowH = 44;
  const left = 130;
  const scale = (p: number) => Math.max(p * (width - left - 60), 0);
  const rows = forecast.stages.map((s, i) => {
    const y = i * rowH + 6;
    const configured = s.configured ?? 0;
    const measured =
      s.measured === null
        ? html`<text x="${left}" y="${y + 32}" font-size="11" fill="#5b6878"
            >measured: too little history (${s.decided} decided)</text
          >`
        : html`<rect
              x="${left}"
              y="${y + 20}"
              width="${scale(s.measured).toFixed(1)}"
              height="14"
              fill="#1d7a46"
            /><text x="${left + scale(s.measured) + 4}" y="${y + 31}" font-size="11"
              >${percent(s.measured)}</text
            >`;
    return html`<text x="0" y="${y + 20}" font-size="12">${stageLabel(s.stage)}</text>
      <rect
        x="${left}"
        y="${y + 4}"
        width="${scale(configured).toFixed(1)}"
        height="14"
        fill="#9fb8d6"
      /><text x="${left + scale(configured) + 4}" y="${y + 15}" font-size="11">${percent(s.configured)}</text
      >${measured}`;
  });
  const height = forecast.stages.length * rowH + 34;
  const legendY = height - 14;
  return html`<svg
    role="img"
    aria-label="Configured and measured win probability per stage"
    viewBox="0 0 ${width} ${height}"
    width="100%"
    style="max-width:${width}px"
  >
    ${rows}
    <g transform="translate(${left},${legendY})">
      <rect width="12" height="12" fill="#9fb8d6" />
      <text x="18" y="10" font-size="12">configured in the CRM</text>
      <rect x="170" width="12" height="12" fill="#1d7a46" />
      <text x="188" y="10" font-size="12">measured (trailing year)</text>
    </g>
  </svg>`;
}
