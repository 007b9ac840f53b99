// Overview: the stuck-MQL banner when MQLs are held up by sync errors, current alerts, tenants at a glance.
import { apiUrl, getJson } from '../api.ts';
import type { AlertsResponse, FailuresView, TenantView } from '../apiTypes.ts';
import { badge, statusBadge } from '../components/badge.ts';
import { card, empty } from '../components/card.ts';
import { stuckBanner } from '../components/stuckBanner.ts';
import { el, replace } from '../dom.ts';
import { formatCount, formatTime } from '../format.ts';
import { chooseTenant } from '../tenantContext.ts';

const fact = (label: string, value: Node | string) =>
  el('div', { class: 'fact' }, el('dt', {}, label), el('dd', {}, value));

function tenantTile(t: TenantView): HTMLElement {
  const q = `?tenant=${encodeURIComponent(t.id)}`;
  return el(
    'article',
    { class: 'tile', 'data-testid': 'tenant-tile' },
    el('header', { class: 'tile-head' }, el('h3', {}, t.name), statusBadge(t.status, t.statusLabel)),
    el('p', { class: 'hint' }, `${t.crm} · ${t.externalId}`),
    el(
      'dl',
      { class: 'facts' },
      t.api.daily
        ? fact('API allocation, 24 h', `${formatCount(t.api.daily.used)} of ${formatCount(t.api.daily.max)}`)
        : fact(
            'API calls, last 10 s',
            `${formatCount(t.api.callsLast10s)} of ${formatCount(t.api.limitPer10s ?? 0)}`,
          ),
      fact('Last 24 h', formatCount(t.api.callsLast24h)),
      fact(
        'Dead letters',
        t.effects.dead > 0
          ? el('a', { href: `/ops/failures${q}`, class: 'error-text' }, formatCount(t.effects.dead))
          : '0',
      ),
      fact('Writes pending', formatCount(t.effects.pending)),
      fact(`Last ${t.inbound}`, formatTime(t.lastWebhookAt)),
      fact(
        'Provisioning',
        t.provisioningProblems.length > 0
          ? badge(`${t.provisioningProblems.length} problems`, 'bad')
          : 'complete',
      ),
      t.inbound === 'change event'
        ? fact(
            'Change capture',
            t.changeCapture.length > 0 ? badge(`${t.changeCapture.length} stopped`, 'bad') : 'flowing',
          )
        : null,
    ),
    el(
      'p',
      { class: 'tile-links' },
      el('a', { href: `/ops/sla${q}` }, 'SLA board'),
      el('a', { href: `/ops/funnel${q}` }, 'Funnel'),
    ),
  );
}

export async function render(root: HTMLElement): Promise<void> {
  const { tenants, tenantId } = await chooseTenant({ allowAll: true });
  const [alerts, failures] = await Promise.all([
    getJson<AlertsResponse>(apiUrl('alerts')),
    getJson<FailuresView>(apiUrl('failures', { tenantId })),
  ]);
  const shownAlerts = alerts.alerts.filter((a) => !tenantId || a.tenantId === tenantId);
  const shownTenants = tenants.filter((t) => !tenantId || t.id === tenantId);
  replace(
    root,
    stuckBanner(failures.stuckMqls, { linkToFailures: true }),
    el(
      'div',
      { class: 'grid' },
      card(
        'Alerts',
        {
          hint: 'Reject rate over target, jumps in SLA breaches, lost connections, API budget.',
          testId: 'alerts',
        },
        shownAlerts.length === 0
          ? empty('No alerts: connections are up, the reject rate and SLA breaches are within bounds.')
          : el(
              'ul',
              { class: 'alerts' },
              ...shownAlerts.map((a) =>
                el(
                  'li',
                  { class: `alert alert-${a.severity}` },
                  statusBadge(a.severity),
                  el('span', {}, a.message),
                ),
              ),
            ),
      ),
      card(
        'Failed writes',
        { hint: 'CRM writes that are dead-lettered, waiting for a fix and a replay.' },
        failures.total === 0
          ? empty('No dead letters: every write Baton decided reached the CRM.')
          : el(
              'p',
              { class: 'big-number' },
              el(
                'a',
                { href: `/ops/failures${tenantId ? `?tenant=${encodeURIComponent(tenantId)}` : ''}` },
                formatCount(failures.total),
              ),
              ` dead letters in ${formatCount(failures.groups.length)} causes`,
            ),
      ),
      card(
        'Tenants at a glance',
        { wide: true },
        shownTenants.length === 0
          ? empty('No CRM is connected yet: an admin installs Baton from /oauth/hubspot/install.')
          : el('div', { class: 'tiles' }, ...shownTenants.map(tenantTile)),
      ),
    ),
  );
}
