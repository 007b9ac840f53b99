// The pack's first page: what the month was, in a dozen numbers and one chart.
import type { MonthlyReviewPack } from '../../../domain/review/reviewPack.ts';
import { html, type SafeHtml } from './html.ts';
import { statusBar } from './reviewCharts.ts';
import { decimal, percent, type Formatter } from './reviewFormat.ts';

type Tone = 'good' | 'bad' | '';

const kpi = (label: string, value: string, sub: string, tone: Tone = '') =>
  html`<div class="kpi ${tone}">
    <div class="label">${label}</div>
    <div class="value">${value}</div>
    <div class="sub">${sub}</div>
  </div>`;

export function summarySection(pack: MonthlyReviewPack, f: Formatter): SafeHtml {
  const s = pack.summary;
  const correction = s.forecastCorrection;
  const kpis = [
    kpi('Leads handed to sales', String(s.handedOver), `${s.touched} worked by their rep so far`),
    kpi(
      'Reject rate',
      percent(s.rejectRate),
      `${s.rejects} rejected · target ≤ ${percent(s.rejectTarget)}`,
      s.rejectRate === null ? '' : s.overTarget ? 'bad' : 'good',
    ),
    kpi(
      'SLA met',
      percent(s.slaMetShare),
      `${s.slaMet} of ${s.slaOutcomes} first-touch outcomes`,
      s.slaMetShare === null ? '' : s.slaMetShare < 0.9 ? 'bad' : 'good',
    ),
    kpi('Escalations', String(s.breaches), 'deadlines passed untouched', s.breaches > 0 ? 'bad' : ''),
    kpi('Returned by reps', String(s.returns), 'with a reason (see feedback)'),
    kpi('Recycled to nurture', String(s.recycled), `${s.reMql} came back as MQLs since`),
    kpi('SQL · won', `${s.qualified} · ${s.won}`, `${s.formerLeadSales} from former leads`),
    kpi(
      'Forecast correction',
      correction === null ? '—' : `× ${decimal(correction, 2)}`,
      `${s.openPipeline} open leads${correction === null && s.openPipeline > 0 ? ' · too little history yet' : ' in the pipeline'}`,
      correction !== null && correction < 0.95 ? 'bad' : '',
    ),
  ];
  const chart =
    pack.handedOver.length > 0
      ? html`<figure>
          <figcaption>Where this month's ${pack.handedOver.length} handed-over leads stand now</figcaption>
          ${statusBar(pack.handedOver)}
        </figure>`
      : html`<p class="empty">
          No leads were handed to sales in ${f.monthName}. The sections below say what else happened.
        </p>`;
  return html`<section class="summary" id="summary">
    <h2>Summary</h2>
    <p class="intro">
      The month in numbers: what marketing handed over, how sales kept its side of the SLA, and how realistic
      the open pipeline's forecast is.
    </p>
    <div class="kpis">${kpis}</div>
    ${chart}
  </section>`;
}

export function cover(pack: MonthlyReviewPack, f: Formatter): SafeHtml {
  const toDate = pack.complete
    ? null
    : html`<p class="note-box">
        ${f.monthName} is still running: figures are to date (${f.dateTime(pack.generatedAt)}).
      </p>`;
  return html`<header class="cover">
    <div class="kicker">Baton · closed-loop review</div>
    <h1>${f.monthName}: ${pack.tenant.name}</h1>
    <p class="meta">
      ${f.day(pack.month.from)} – ${f.day(new Date(Date.parse(pack.month.to) - 1).toISOString())}
      (${pack.month.timeZone}) · tenant ${pack.tenant.id} · made ${f.dateTime(pack.generatedAt)}
    </p>
    ${toDate}
  </header>`;
}
