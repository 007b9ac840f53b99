// The window to replay: two dates (both inclusive) and presets for the usual choices.
import { el } from '../dom.ts';
import { last90Days, lastFullQuarter, type WindowDates } from './whatIfWindow.ts';

export interface WindowControls {
  element: HTMLElement;
  value: () => WindowDates;
}

export function windowControls(initial: WindowDates, onChange: () => void): WindowControls {
  const from = el('input', { type: 'date', name: 'from', value: initial.from, required: true });
  const to = el('input', { type: 'date', name: 'to', value: initial.to, required: true });
  for (const input of [from, to]) input.addEventListener('input', onChange);
  const preset = (label: string, pick: () => WindowDates) =>
    el(
      'button',
      {
        type: 'button',
        class: 'btn btn-small',
        onclick: () => {
          const w = pick();
          from.value = w.from;
          to.value = w.to;
          onChange();
        },
      },
      label,
    );
  const element = el(
    'div',
    { class: 'filters wi-window', role: 'group', 'aria-label': 'Window to replay' },
    el('label', {}, el('span', {}, 'From'), from),
    el('label', {}, el('span', {}, 'To (inclusive)'), to),
    el(
      'div',
      { class: 'filter-buttons' },
      preset('Last 90 days', () => last90Days()),
      preset('Last full quarter', () => lastFullQuarter()),
    ),
    el(
      'span',
      { class: 'hint' },
      'Days in UTC, from the first one’s start to the last one’s end; at most a year.',
    ),
  );
  return { element, value: () => ({ from: from.value, to: to.value }) };
}
