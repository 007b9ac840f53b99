// Chart.js, loaded by the funnel page from Baton's own copy (node_modules/chart.js), with the console's look.
// Charts are created once their canvas is in the page (Chart.js sizes them from their box).
import type { Chart, ChartConfiguration, ChartType } from 'chart.js';
import { el } from './dom.ts';
import { formatPercent } from './format.ts';

type ChartClass = typeof Chart;

export const COLORS = {
  blue: '#2e62d9',
  lightBlue: '#b2ccff',
  teal: '#0e9384',
  amber: '#f79009',
  red: '#d92d20',
  purple: '#7a5af8',
  gray: '#98a2b3',
  lightGray: '#d0d5dd',
  green: '#12b76a',
} as const;

function chartLibrary(): ChartClass {
  const lib = (window as unknown as { Chart?: ChartClass }).Chart;
  if (!lib) throw new Error('Chart.js did not load: charts cannot be drawn.');
  return lib;
}

let themed = false;
function themed_(lib: ChartClass): ChartClass {
  if (themed) return lib;
  themed = true;
  lib.defaults.font.family = getComputedStyle(document.body).fontFamily;
  lib.defaults.font.size = 12;
  lib.defaults.color = '#475467';
  lib.defaults.borderColor = '#eaecf0';
  // Ops read numbers; instant charts also make screenshots and tests exact.
  lib.defaults.animation = false;
  lib.defaults.maintainAspectRatio = false;
  lib.defaults.plugins.legend.labels.boxWidth = 12;
  lib.defaults.plugins.legend.position = 'bottom';
  // Week and day labels stay level and thin out rather than tilt and collide.
  lib.defaults.scales.category.ticks.maxRotation = 0;
  lib.defaults.scales.category.ticks.autoSkipPadding = 12;
  lib.defaults.datasets.bar.maxBarThickness = 40;
  return lib;
}

/** A 0–1 axis written as percentages. */
export const percentAxis = (max = 1) => ({
  min: 0,
  suggestedMax: max,
  ticks: { callback: (v: string | number) => formatPercent(Number(v)) },
});

/** Charts of one view: placed as boxes while the view is built, drawn once it is in the page. */
export class ChartSet {
  private pending: Array<() => Chart> = [];
  private drawn: Chart[] = [];
  private children: ChartSet[] = [];

  /** A set a component redraws on its own (a tab switch), destroyed with this one. */
  child(): ChartSet {
    const set = new ChartSet();
    this.children.push(set);
    return set;
  }

  box<T extends ChartType>(
    label: string,
    config: ChartConfiguration<T>,
    size: 'md' | 'lg' = 'md',
  ): HTMLElement {
    const canvas = el('canvas', { role: 'img', 'aria-label': label });
    this.pending.push(() => new (themed_(chartLibrary()))(canvas, config as ChartConfiguration) as Chart);
    return el('div', { class: `chart-box chart-${size}` }, canvas);
  }

  mount(): void {
    for (const draw of this.pending) this.drawn.push(draw());
    this.pending = [];
  }

  destroy(): void {
    for (const set of this.children) set.destroy();
    for (const c of this.drawn) c.destroy();
    this.drawn = [];
    this.pending = [];
  }
}
