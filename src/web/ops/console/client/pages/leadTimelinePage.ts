// A lead's timeline: inbound events, Baton's decisions and its CRM calls in one list, oldest first.
import { apiUrl, getJson } from '../api.ts';
import type { LeadTimeline, TimelineItem } from '../apiTypes.ts';
import { badge, statusBadge, type Tone } from '../components/badge.ts';
import { card, empty } from '../components/card.ts';
import { el, replace } from '../dom.ts';
import { formatLogTime, humanize } from '../format.ts';
import { chooseTenant } from '../tenantContext.ts';

const TYPES: Readonly<Record<TimelineItem['type'], { label: string; tone: Tone }>> = {
  event: { label: 'event', tone: 'info' },
  decision: { label: 'decision', tone: 'ok' },
  crm_call: { label: 'CRM call', tone: 'muted' },
};

const show = (value: unknown): string =>
  Array.isArray(value)
    ? value.map(show).join(', ') || '—'
    : typeof value === 'object' && value !== null
      ? JSON.stringify(value)
      : String(value);

// The lead's own id repeats on every event: left out.
const SAID = new Set(['leadId']);

function details(detail: Readonly<Record<string, unknown>>): HTMLElement | null {
  const shown = Object.entries(detail).filter(
    ([k, v]) => !SAID.has(k) && v !== null && v !== undefined && v !== '',
  );
  if (shown.length === 0) return null;
  return el(
    'p',
    { class: 'detail' },
    ...shown.map(([k, v]) => el('span', {}, el('span', { class: 'detail-key' }, humanize(k)), ` ${show(v)}`)),
  );
}

function item(i: TimelineItem): HTMLElement {
  const type = TYPES[i.type];
  return el(
    'li',
    { class: `tl-item tl-${i.type} status-${i.status}`, 'data-type': i.type },
    el('time', { datetime: i.at, title: i.at }, formatLogTime(i.at)),
    el(
      'div',
      { class: 'tl-body' },
      el(
        'div',
        { class: 'tl-line' },
        badge(type.label, type.tone),
        el('strong', {}, i.summary),
        statusBadge(i.status),
      ),
      details(i.detail),
    ),
  );
}

function typeFilter(list: HTMLElement): HTMLElement {
  const buttons = (['all', 'event', 'decision', 'crm_call'] as const).map((t) =>
    el(
      'button',
      { type: 'button', class: 'chip', 'aria-pressed': String(t === 'all'), 'data-filter': t },
      t === 'all' ? 'Everything' : TYPES[t].label,
    ),
  );
  for (const b of buttons) {
    b.addEventListener('click', () => {
      for (const other of buttons) other.setAttribute('aria-pressed', String(other === b));
      list.dataset['show'] = b.dataset['filter'] ?? 'all';
    });
  }
  return el('div', { class: 'chips', role: 'group', 'aria-label': 'Show' }, ...buttons);
}

export async function render(root: HTMLElement): Promise<void> {
  const tenantId = document.body.dataset['tenantId'] ?? '';
  const leadId = document.body.dataset['leadId'] ?? '';
  await chooseTenant({ allowAll: false, fixed: tenantId, changeTo: '/ops/sync-log' });
  const path = `leads/${encodeURIComponent(tenantId)}/${encodeURIComponent(leadId)}/timeline`;
  const timeline = await getJson<LeadTimeline>(apiUrl(path));
  const list = el(
    'ol',
    { class: 'timeline', 'data-show': 'all', 'data-testid': 'timeline' },
    ...timeline.items.map(item),
  );
  const tenant = `?tenant=${encodeURIComponent(tenantId)}`;
  replace(
    root,
    card(
      `Lead ${leadId}`,
      {
        hint: `Tenant ${tenantId}. Times are when each thing happened or was recorded.`,
        actions: [
          el(
            'a',
            { class: 'btn', href: `/ops/sync-log${tenant}&lead=${encodeURIComponent(leadId)}` },
            'Sync log for this lead',
          ),
          el('a', { class: 'btn', href: apiUrl(path) }, 'JSON'),
        ],
        wide: true,
      },
      ...(timeline.items.length === 0
        ? [empty('Baton has nothing on this lead in this tenant.')]
        : [typeFilter(list), list]),
    ),
  );
}
