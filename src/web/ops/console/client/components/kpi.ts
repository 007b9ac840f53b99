// A headline figure: its label, the API's value as written, and that value raw in data-value (for checks).
import { el } from '../dom.ts';
import type { Tone } from './badge.ts';

export interface Kpi {
  label: string;
  value: string;
  raw: number | null;
  hint?: string;
  tone?: Tone;
  testId?: string;
}

export const kpiTile = (k: Kpi): HTMLElement =>
  el(
    'div',
    {
      class: `kpi${k.tone ? ` kpi-${k.tone}` : ''}`,
      'data-testid': k.testId,
      'data-value': k.raw === null ? '' : String(k.raw),
    },
    el('span', { class: 'kpi-label' }, k.label),
    el('span', { class: 'kpi-value' }, k.value),
    k.hint ? el('span', { class: 'kpi-hint' }, k.hint) : null,
  );

export const kpiRow = (kpis: readonly Kpi[]): HTMLElement =>
  el('div', { class: 'kpis' }, ...kpis.map(kpiTile));
