// The tenant the console looks at: chosen in the top bar, kept in the address (?tenant=) so views can be
// shared, remembered for the next page, and carried along the navigation links.
import { getJson } from './api.ts';
import type { TenantView, TenantsResponse } from './apiTypes.ts';
import { el, queryParams } from './dom.ts';

const REMEMBERED = 'baton.ops.tenant';
const ALL = '';

let tenants: Promise<TenantView[]> | null = null;

export function loadTenants(): Promise<TenantView[]> {
  tenants ??= getJson<TenantsResponse>('/ops/api/tenants').then((r) => r.tenants);
  return tenants;
}

export const tenantLabel = (t: TenantView): string => `${t.name} · ${t.crm}`;

function remembered(): string | null {
  try {
    return localStorage.getItem(REMEMBERED);
  } catch {
    return null;
  }
}

function remember(id: string): void {
  try {
    localStorage.setItem(REMEMBERED, id);
  } catch {
    // Private windows may refuse storage: the address still carries the choice.
  }
}

function carryAlong(tenantId: string | null): void {
  for (const a of document.querySelectorAll<HTMLAnchorElement>('a[data-nav]')) {
    const url = new URL(a.href);
    if (tenantId) url.searchParams.set('tenant', tenantId);
    else url.searchParams.delete('tenant');
    a.href = url.pathname + url.search;
  }
}

export interface TenantChoice {
  tenants: TenantView[];
  /** null: all tenants (only where the page allows it), or none installed. */
  tenantId: string | null;
}

/** Fills the top bar's picker and returns the tenant in view; a change reloads the page for that tenant. */
export async function chooseTenant(opts: {
  allowAll: boolean;
  /** The tenant the page is about (a lead's), whatever was chosen before. */
  fixed?: string;
  /** Where a change leads (default: this page for the new tenant). */
  changeTo?: string;
}): Promise<TenantChoice> {
  const list = await loadTenants();
  const wanted = opts.fixed ?? queryParams()['tenant'] ?? remembered() ?? ALL;
  const known = list.find((t) => t.id === wanted);
  const tenantId = known ? known.id : opts.allowAll ? null : (list[0]?.id ?? null);
  const select = document.querySelector<HTMLSelectElement>('#tenant-select');
  if (select) {
    select.replaceChildren(
      ...(opts.allowAll ? [el('option', { value: ALL }, 'All tenants')] : []),
      ...list.map((t) => el('option', { value: t.id }, tenantLabel(t))),
    );
    if (list.length === 0) select.replaceChildren(el('option', { value: ALL }, 'No tenants yet'));
    select.value = tenantId ?? ALL;
    select.disabled = list.length === 0;
    select.onchange = () => {
      remember(select.value);
      const url = new URL(opts.changeTo ?? location.href, location.href);
      if (select.value) url.searchParams.set('tenant', select.value);
      else url.searchParams.delete('tenant');
      location.assign(url);
    };
  }
  if (tenantId) remember(tenantId);
  carryAlong(tenantId);
  return { tenants: list, tenantId };
}
