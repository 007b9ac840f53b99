// A rep (or manager) by name where the CRM named them, with the CRM id on hover; the bare id otherwise.
import { el } from '../dom.ts';

export type Names = Readonly<Record<string, string>>;

export function repName(names: Names, id: string | null, none = 'no owner'): HTMLElement {
  if (id === null) return el('span', { class: 'sc-muted' }, none);
  const name = Object.hasOwn(names, id) ? names[id] : undefined;
  return name ? el('span', { title: `CRM id ${id}` }, name) : el('span', { class: 'mono' }, id);
}

/** The same as text, for chart labels and sentences. */
export const repText = (names: Names, id: string | null, none = 'no owner'): string =>
  id === null ? none : ((Object.hasOwn(names, id) ? names[id] : undefined) ?? id);
