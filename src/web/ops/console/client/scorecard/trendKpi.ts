// A scorecard headline figure with its change since the previous period as ▲/▼, coloured by whether the change is
// good news for that figure (more MQLs: good; more breaches: bad).
import type { Tone } from '../components/badge.ts';
import { el } from '../dom.ts';
import { formatCount, formatMinutes } from '../format.ts';

export interface TrendFigure {
  value: number | null;
  previous: number | null;
  change: number | null;
}

export type TrendUnit = 'count' | 'share' | 'minutes';

export interface TrendKpi {
  label: string;
  value: string;
  trend: TrendFigure;
  unit: TrendUnit;
  /** Which way is better. */
  better: 'up' | 'down';
  /** The previous period's label, named in the trend line. */
  previousLabel: string;
  /** What the figure is held to, and where that comes from. */
  hint?: string;
  tone?: Tone;
  testId: string;
}

/** A share's change in percentage points: 0.6 → 1 is "40 pts". */
const points = (change: number): string => `${Math.round(Math.abs(change) * 1000) / 10} pts`;

function changeText(change: number, unit: TrendUnit): string {
  if (unit === 'share') return points(change);
  return unit === 'minutes' ? formatMinutes(Math.abs(change)) : formatCount(Math.abs(change));
}

export function trendLine(t: TrendFigure, unit: TrendUnit, better: 'up' | 'down', previousLabel: string) {
  if (t.change === null || t.previous === null)
    return el('span', { class: 'sc-trend sc-trend-none' }, `no ${previousLabel} figure to compare`);
  if (t.change === 0) return el('span', { class: 'sc-trend sc-trend-flat' }, `= same as ${previousLabel}`);
  const up = t.change > 0;
  const good = up === (better === 'up');
  return el(
    'span',
    {
      class: `sc-trend ${good ? 'sc-trend-good' : 'sc-trend-bad'}`,
      title: `${previousLabel}: ${unit === 'share' ? `${Math.round(t.previous * 1000) / 10} %` : unit === 'minutes' ? formatMinutes(t.previous) : formatCount(t.previous)}`,
    },
    `${up ? '▲' : '▼'} ${changeText(t.change, unit)} vs ${previousLabel}`,
  );
}

export const trendKpiTile = (k: TrendKpi): HTMLElement =>
  el(
    'div',
    {
      class: `kpi${k.tone ? ` kpi-${k.tone}` : ''}`,
      'data-testid': k.testId,
      'data-value': k.trend.value === null ? '' : String(k.trend.value),
      'data-change': k.trend.change === null ? '' : String(k.trend.change),
    },
    el('span', { class: 'kpi-label' }, k.label),
    el('span', { class: 'kpi-value' }, k.value),
    trendLine(k.trend, k.unit, k.better, k.previousLabel),
    k.hint ? el('span', { class: 'kpi-hint' }, k.hint) : null,
  );

export const trendKpiRow = (kpis: readonly TrendKpi[]): HTMLElement =>
  el('div', { class: 'kpis sc-kpis' }, ...kpis.map(trendKpiTile));
