// A titled panel; the page's building block.
import { el, type Child } from '../dom.ts';

export interface CardOptions {
  hint?: string;
  /** Buttons or links shown beside the title. */
  actions?: Child[];
  wide?: boolean;
  testId?: string;
}

export function card(title: string, opts: CardOptions, ...body: Child[]): HTMLElement {
  return el(
    'section',
    { class: opts.wide ? 'card card-wide' : 'card', 'data-testid': opts.testId },
    el(
      'header',
      { class: 'card-head' },
      el('div', {}, el('h2', {}, title), opts.hint ? el('p', { class: 'hint' }, opts.hint) : null),
      opts.actions ? el('div', { class: 'card-actions' }, ...opts.actions) : null,
    ),
    ...body,
  );
}

export const empty = (text: string): HTMLElement => el('p', { class: 'empty' }, text);
