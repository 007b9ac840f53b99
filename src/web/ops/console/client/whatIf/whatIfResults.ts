// A what-if's answer: what was replayed, the headline changes, every figure side by side, load per rep, the leads
// that end differently and what the replay cannot know. Every string from the report goes in as text.
import type { WhatIfResponse } from '../apiTypes.ts';
import type { Tone } from '../components/badge.ts';
import { card } from '../components/card.ts';
import { kpiRow, type Kpi } from '../components/kpi.ts';
import { el } from '../dom.ts';
import { formatCount } from '../format.ts';
import { changedLeads } from './changedLeads.ts';
import { change, FIGURES, numeric, shown, type Tendency } from './figures.ts';
import { figuresTable } from './figuresTable.ts';
import { repLoadTable } from './repLoadTable.ts';

const HEADLINE = ['breaches', 'autoRecycles', 'reMqls', 'rejectRate', 'repsOverCapacity'];

const TONE: Readonly<Record<Tendency, Tone | undefined>> = {
  good: 'ok',
  bad: 'bad',
  neutral: undefined,
  same: undefined,
};

function headline(r: WhatIfResponse): HTMLElement {
  const kpis: Kpi[] = FIGURES.filter((f) => HEADLINE.includes(f.key)).map((f) => {
    const c = change(f, r.baseline, r.proposed);
    return {
      label: f.label,
      value: shown(f, r.proposed),
      raw: numeric(f.value(r.proposed)),
      hint: `in force: ${shown(f, r.baseline)} · ${c.text}`,
      tone: TONE[c.tendency],
      testId: `what-if-kpi-${f.key}`,
    };
  });
  kpis.push({
    label: 'Leads that end differently',
    value: formatCount(r.changed.count),
    raw: r.changed.count,
    hint: `of ${formatCount(r.leads)} leads in the window`,
    testId: 'what-if-kpi-changed',
  });
  return kpiRow(kpis);
}

// The window's days are UTC days: written in UTC, whatever the browser's zone.
const utcDate = new Intl.DateTimeFormat(undefined, {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  timeZone: 'UTC',
});
const day = (ms: number): string => utcDate.format(new Date(ms));

function limits(r: WhatIfResponse): HTMLElement {
  return card(
    'What the replay cannot know',
    { hint: 'Read the figures with these in mind.', wide: true, testId: 'what-if-limits' },
    el('ul', { class: 'wi-limits' }, ...r.limits.map((l) => el('li', {}, l))),
  );
}

export function whatIfResults(r: WhatIfResponse, proposal: string): HTMLElement {
  return el(
    'div',
    { class: 'stack-page', 'data-testid': 'what-if-report' },
    el(
      'p',
      { class: 'hint period', 'data-testid': 'what-if-summary' },
      `${day(Date.parse(r.window.from))} – ${day(Date.parse(r.window.to) - 1)}: ${formatCount(r.leads)} leads, ${formatCount(r.rows)} ledger rows replayed under the policy in force and with `,
      el('code', { class: 'wi-proposal' }, proposal),
      ' laid over it.',
    ),
    headline(r),
    figuresTable(r),
    el('div', { class: 'grid' }, repLoadTable(r), changedLeads(r)),
    limits(r),
  );
}
