// A framed message: an alert, the stuck-MQL banner, a provisioning fix, an error.
import { el, type Child } from '../dom.ts';
import type { Tone } from './badge.ts';

export const callout = (tone: Tone, title: string, ...body: Child[]): HTMLElement =>
  el(
    'div',
    { class: `callout callout-${tone}`, role: tone === 'bad' ? 'alert' : 'status' },
    el('strong', {}, title),
    ...body,
  );

/** What a page shows when its data could not be loaded. */
export const loadError = (error: unknown): HTMLElement =>
  callout(
    'bad',
    'Could not load this page',
    el('p', {}, error instanceof Error ? error.message : String(error)),
  );
