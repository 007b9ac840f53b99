/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// Building DOM from data. Text always goes in as text nodes, never as HTML, so nothing an API string holds
// (a CRM error message, a lead's note) can inject markup. The references above give the client files DOM types.

export type Child = Node | string | number | null | undefined | false;
type Listener = (event: Event) => void;
/** Attributes by name; `on…` names take listeners; false, null and undefined leave the attribute out. */
export type Attrs = Readonly<Record<string, string | number | boolean | null | undefined | Listener>>;

export function append(parent: Node, children: readonly Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    parent.appendChild(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Attrs = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    if (typeof value === 'function') node.addEventListener(name.slice(2), value);
    else node.setAttribute(name, value === true ? '' : String(value));
  }
  append(node, children);
  return node;
}

export function replace(parent: Element, ...children: Child[]): void {
  parent.replaceChildren();
  append(parent, children);
}

/** The page's query string as a plain record (only the first value of each name). */
export function queryParams(): Record<string, string> {
  return Object.fromEntries(new URLSearchParams(location.search));
}

/** Rewrites the address bar's query (no reload) so that a view can be shared and survives a refresh. */
export function setQueryParams(params: Readonly<Record<string, string | null | undefined>>): void {
  const url = new URL(location.href);
  for (const [k, v] of Object.entries(params)) {
    if (v === null || v === undefined || v === '') url.searchParams.delete(k);
    else url.searchParams.set(k, v);
  }
  history.replaceState(null, '', url);
}
