// Tenants: per connected CRM its connection, API budget, last webhook and poll, initial sync, pending and dead
// writes, and provisioning problems with the exact fix.
import type { TenantView } from '../apiTypes.ts';
import { badge, statusBadge } from '../components/badge.ts';
import { callout } from '../components/callout.ts';
import { card, empty } from '../components/card.ts';
import { el, replace } from '../dom.ts';
import { formatCount, formatTime } from '../format.ts';
import { chooseTenant } from '../tenantContext.ts';

const fact = (label: string, ...value: Array<Node | string>) =>
  el('div', { class: 'fact' }, el('dt', {}, label), el('dd', {}, ...value));

/** HubSpot: calls in the last 10 s against the burst limit. Salesforce: the org's 24-hour allocation used. */
function meter(t: TenantView): HTMLElement {
  const a = t.api;
  if (a.daily) {
    return el(
      'div',
      { class: 'meter-line' },
      el('progress', { max: a.daily.max, value: a.daily.used, 'aria-label': 'Daily API allocation used' }),
      el(
        'span',
        {},
        `${formatCount(a.daily.used)} of ${formatCount(a.daily.max)} calls in the org's rolling 24 h · ${formatCount(a.daily.max - a.daily.used)} left`,
      ),
    );
  }
  if (a.limitPer10s === null) return el('p', { class: 'hint' }, 'No API usage reported yet.');
  return el(
    'div',
    { class: 'meter-line' },
    el('progress', {
      max: a.limitPer10s,
      value: a.callsLast10s,
      'aria-label': 'Calls in the last 10 seconds',
    }),
    el(
      'span',
      {},
      `${formatCount(a.callsLast10s)} of ${formatCount(a.limitPer10s)} in the last 10 s · ${formatCount(a.leftLast10s ?? 0)} left`,
    ),
  );
}

function budget(t: TenantView): HTMLElement {
  const a = t.api;
  return el(
    'section',
    { class: 'panel', 'aria-label': 'API budget' },
    el('h3', {}, 'API budget'),
    meter(t),
    el(
      'dl',
      { class: 'facts' },
      fact('Calls, last 24 h', formatCount(a.callsLast24h)),
      fact(
        '429s, last hour',
        a.rateLimitedLastHour > 0 ? badge(formatCount(a.rateLimitedLastHour), 'warn') : '0',
      ),
      fact('Waiting for a slot', formatCount(a.waitingNow)),
    ),
  );
}

function sync(t: TenantView): HTMLElement {
  const b = t.backfill;
  return el(
    'section',
    { class: 'panel', 'aria-label': 'Sync' },
    el('h3', {}, 'Sync'),
    el(
      'dl',
      { class: 'facts' },
      fact(`Last ${t.inbound}`, formatTime(t.lastWebhookAt)),
      fact('Last poll', t.lastPollAt ? formatTime(t.lastPollAt) : 'not yet'),
      fact('Writes pending', formatCount(t.effects.pending)),
      fact(
        'Dead letters',
        t.effects.dead > 0
          ? el(
              'a',
              { class: 'error-text', href: `/ops/failures?tenant=${encodeURIComponent(t.id)}` },
              formatCount(t.effects.dead),
            )
          : '0',
      ),
    ),
    el('h3', {}, 'Initial sync'),
    b
      ? el(
          'div',
          { class: 'meter-line' },
          // A progress bar needs a maximum above zero, even for a portal with no leads.
          el('progress', {
            max: Math.max(b.total, 1),
            value: b.processed,
            'aria-label': 'Initial sync progress',
          }),
          el(
            'span',
            {},
            `${formatCount(b.processed)} of ${formatCount(b.total)} leads · `,
            statusBadge(b.status),
          ),
          el(
            'span',
            { class: 'hint' },
            `started ${formatTime(b.startedAt)}${b.finishedAt ? `, finished ${formatTime(b.finishedAt)}` : ''}`,
          ),
        )
      : el(
          'p',
          { class: 'hint' },
          'Not started: it runs on install, or from POST /ops/api/tenants/:id/backfill.',
        ),
  );
}

function provisioning(t: TenantView): HTMLElement {
  return el(
    'section',
    { class: 'panel', 'aria-label': 'Provisioning' },
    el('h3', {}, 'Provisioning'),
    t.provisioningProblems.length === 0
      ? el('p', {}, statusBadge('ok', 'complete'), ' Properties and nurture lists are in place.')
      : el(
          'div',
          { class: 'stack' },
          ...t.provisioningProblems.map((p) =>
            callout('bad', p.what, el('p', {}, el('span', { class: 'hint' }, 'Fix: '), p.fix)),
          ),
        ),
  );
}

/** Salesforce change events, topic by topic: flowing, or stopped with why and what fixes it. */
function changeCapture(t: TenantView): HTMLElement | null {
  if (t.inbound !== 'change event') return null;
  return el(
    'section',
    { class: 'panel', 'aria-label': 'Change capture' },
    el('h3', {}, 'Change capture'),
    t.changeCapture.length === 0
      ? el('p', {}, statusBadge('ok', 'flowing'), ' Lead, task and event changes arrive as change events.')
      : el(
          'div',
          { class: 'stack' },
          ...t.changeCapture.map((p) =>
            callout(
              'bad',
              `${p.topic.replace('/data/', '')} stopped: ${p.problem}`,
              el('p', { class: 'hint' }, `Since ${formatTime(p.since)}, last tried ${formatTime(p.lastAt)}.`),
              el('p', {}, el('span', { class: 'hint' }, 'Fix: '), p.fix),
            ),
          ),
        ),
  );
}

function tenantCard(t: TenantView): HTMLElement {
  return card(
    t.name,
    {
      hint: `${t.crm} · ${t.crm === 'salesforce' ? 'org' : 'portal'} ${t.externalId} · ${t.id}`,
      actions: [statusBadge(t.status, t.statusLabel)],
      wide: true,
      testId: 'tenant-card',
    },
    el('div', { class: 'panels' }, budget(t), sync(t), provisioning(t), changeCapture(t)),
    ...t.refusedByRules.map((r) =>
      callout(
        'bad',
        `A rule of this ${t.crm === 'salesforce' ? 'org' : 'portal'} refused ${formatCount(r.writes)} of Baton's writes: “${r.message}”`,
        el('p', {}, el('span', { class: 'hint' }, 'Fix: '), r.fix),
      ),
    ),
    t.status === 'connected'
      ? null
      : callout(
          'bad',
          `Connection: ${t.statusLabel}`,
          el(
            'p',
            {},
            'Baton cannot write to this CRM until an admin reinstalls the app from /oauth/hubspot/install.',
          ),
        ),
  );
}

export async function render(root: HTMLElement): Promise<void> {
  const { tenants, tenantId } = await chooseTenant({ allowAll: true });
  const shown = tenants.filter((t) => !tenantId || t.id === tenantId);
  replace(
    root,
    shown.length === 0
      ? empty('No CRM is connected yet: an admin installs Baton from /oauth/hubspot/install.')
      : el('div', { class: 'grid' }, ...shown.map(tenantCard)),
  );
}
