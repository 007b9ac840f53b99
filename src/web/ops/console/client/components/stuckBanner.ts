// The banner no incumbent shows: MQLs held up by sync errors while their SLA clock runs, with each one's cause.
import type { FailuresView } from '../apiTypes.ts';
import { el } from '../dom.ts';
import { formatTime, humanize } from '../format.ts';
import { callout } from './callout.ts';
import { leadLink } from './leadLink.ts';

const SHOWN = 8;

export function stuckBanner(
  stuck: FailuresView['stuckMqls'],
  opts: { linkToFailures: boolean },
): HTMLElement | null {
  if (!stuck.message) return null;
  const more = stuck.count - Math.min(SHOWN, stuck.leads.length);
  return el(
    'div',
    { 'data-testid': 'stuck-banner' },
    callout(
      'bad',
      stuck.message,
      el(
        'ul',
        { class: 'stuck-list' },
        ...stuck.leads
          .slice(0, SHOWN)
          .map((l) =>
            el(
              'li',
              {},
              leadLink(l.tenantId, l.leadId),
              ` · ${humanize(l.stage)}`,
              l.dueAt ? ` · due ${formatTime(l.dueAt)}` : ' · not assigned yet',
              el('span', { class: 'error-text' }, ` · ${l.error}`),
            ),
          ),
        more > 0 ? el('li', {}, `and ${more} more`) : null,
      ),
      opts.linkToFailures
        ? el('p', {}, el('a', { href: '/ops/failures' }, 'Fix the causes and replay the writes →'))
        : null,
    ),
  );
}
