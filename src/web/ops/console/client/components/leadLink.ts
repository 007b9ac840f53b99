// A lead id that opens the lead's timeline.
import { el } from '../dom.ts';

export const leadHref = (tenantId: string, leadId: string): string =>
  `/ops/leads/${encodeURIComponent(tenantId)}/${encodeURIComponent(leadId)}`;

export const leadLink = (tenantId: string | null, leadId: string): HTMLElement =>
  tenantId
    ? el('a', { class: 'mono', href: leadHref(tenantId, leadId), title: 'Open the lead’s timeline' }, leadId)
    : el('span', { class: 'mono' }, leadId);
