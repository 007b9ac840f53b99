// SLA deviations on both sides, and forecast realism: the two pages the review meeting argues over.
import type { SlaDeviation } from '../../../domain/review/slaDeviations.ts';
import type { MonthlyReviewPack } from '../../../domain/review/reviewPack.ts';
import { html, type SafeHtml } from './html.ts';
import { winProbabilityChart } from './reviewCharts.ts';
import { decimal, percent, stageLabel, type Formatter } from './reviewFormat.ts';

const SIDES = [
  { side: 'marketing', title: 'Marketing', promise: 'lead volume and quality (≤ the reject-rate target)' },
  { side: 'sales', title: 'Sales', promise: 'a first touch within the SLA deadline' },
] as const;

/** The columns a side's list fills: slice-wide deviations (a reject rate by source) name no lead, owner or time. */
const COLUMNS = [
  {
    head: 'When',
    has: (d: SlaDeviation) => d.at !== undefined,
    cell: (d: SlaDeviation, f: Formatter) => f.dateTime(d.at ?? null),
  },
  {
    head: 'Lead',
    has: (d: SlaDeviation) => d.leadId !== undefined,
    cell: (d: SlaDeviation, f: Formatter) => (d.leadId ? f.lead(d.leadId) : '—'),
  },
  {
    head: 'Owner',
    has: (d: SlaDeviation) => Boolean(d.ownerId),
    cell: (d: SlaDeviation, f: Formatter) => f.owner(d.ownerId),
  },
] as const;

function sideTable(list: readonly SlaDeviation[], f: Formatter): SafeHtml {
  const columns = COLUMNS.filter((c) => list.some((d) => c.has(d)));
  const rows = list.map(
    (d) =>
      html`<tr>
        ${columns.map((c) => html`<td>${c.cell(d, f)}</td>`)}
        <td><span class="pill bad">${d.kind.replaceAll('_', ' ')}</span></td>
        <td>${d.detail}</td>
      </tr>`,
  );
  return html`<table>
    <thead>
      <tr>
        ${columns.map((c) => html`<th>${c.head}</th>`)}
        <th>Kind</th>
        <th>Detail</th>
      </tr>
    </thead>
    <tbody>
      ${rows}
    </tbody>
  </table>`;
}

export function deviationsSection(pack: MonthlyReviewPack, f: Formatter): SafeHtml {
  const sides = SIDES.map(({ side, title, promise }) => {
    const list = pack.deviations.filter((d) => d.side === side);
    return html`<div class="side">
      <h3>${title}: ${list.length} deviation${list.length === 1 ? '' : 's'}</h3>
      <p class="hint">Promised: ${promise}.</p>
      ${list.length > 0 ? sideTable(list, f) : html`<p class="empty">${title} kept its side of the SLA in ${f.monthName}.</p>`}
    </div>`;
  });
  const source = 'From the SLA scorecard of the month.';
  return html`<section id="deviations">
    <h2>SLA deviations on both sides</h2>
    <p class="intro">
      The SLA binds both teams: marketing's lead quality and sales' response time. ${source}
    </p>
    ${sides}
  </section>`;
}

export function forecastSection(pack: MonthlyReviewPack, f: Formatter): SafeHtml {
  const fc = pack.forecast;
  const rows = fc.stages.map(
    (s) =>
      html`<tr>
        <td>${stageLabel(s.stage)}</td>
        <td class="num">${s.open}</td>
        <td class="num">${percent(s.configured)}</td>
        <td class="num">
          ${s.measured === null ? html`<span class="hint">too little history</span>` : percent(s.measured)}<span
            class="id"
            >${s.decided} decided</span
          >
        </td>
        <td class="num">${decimal(s.expectedWinsConfigured)}</td>
        <td class="num">${decimal(s.expectedWinsMeasured)}</td>
      </tr>`,
  );
  const VERDICTS = {
    nothing_open: html`<p>
      No leads were open in a forecast stage at the month's end: there is no pipeline to correct.
    </p>`,
    too_little_history: html`<p>
      <strong>No correction yet.</strong> None of the stages holding the ${fc.openLeads} open leads has
      ${fc.minSample} decided leads in the trailing year, so the configured probabilities stand:
      ${decimal(fc.expectedWinsConfigured)} expected wins.
    </p>`,
    measured: html`<p>
      <strong>Correction: × ${decimal(fc.correction ?? 1, 2)}.</strong> At the configured probabilities the
      ${fc.openLeads} open leads should bring ${decimal(fc.expectedWinsConfigured)} wins; at the measured
      ones, ${decimal(fc.expectedWinsMeasured)}. Multiply the CRM's forecast by
      ${decimal(fc.correction ?? 1, 2)}.
    </p>`,
  };
  const verdict = VERDICTS[fc.basis];
  return html`<section id="forecast">
    <h2>Forecast realism</h2>
    <p class="intro">
      Win probability per stage measured from the trailing year (${f.day(fc.windowFrom)} –
      ${f.day(new Date(Date.parse(fc.windowTo) - 1).toISOString())}; at least ${fc.minSample} decided leads
      per stage, else the configured rate stands) against what the CRM's forecast assumes, applied to the
      pipeline open at the month's end.
    </p>
    ${verdict}
    <table>
      <thead>
        <tr>
          <th>Stage</th>
          <th class="num">Open</th>
          <th class="num">Configured</th>
          <th class="num">Measured</th>
          <th class="num">Expected wins (configured)</th>
          <th class="num">Expected wins (measured)</th>
        </tr>
      </thead>
      <tbody>
        ${rows}
        <tr>
          <td><strong>Total</strong></td>
          <td class="num"><strong>${fc.openLeads}</strong></td>
          <td></td>
          <td></td>
          <td class="num"><strong>${decimal(fc.expectedWinsConfigured)}</strong></td>
          <td class="num"><strong>${decimal(fc.expectedWinsMeasured)}</strong></td>
        </tr>
      </tbody>
    </table>
    <figure style="margin-top:16px">
      <figcaption>Win probability: configured vs measured</figcaption>
      ${winProbabilityChart(fc)}
    </figure>
  </section>`;
}
