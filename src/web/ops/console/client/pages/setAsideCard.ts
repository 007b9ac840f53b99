// Inbox items the drain set aside because the CRM would not read their record (the cause is the CRM's answer): they
// no longer hold up the tenant's other changes. Once the cause is fixed, a replay puts them back in the inbox and
// wakes the drain; an item that still cannot be read comes back here.
import { apiUrl, postJson } from '../api.ts';
import type { FailuresView, SetAsideItem } from '../apiTypes.ts';
import { callout, loadError } from '../components/callout.ts';
import { card } from '../components/card.ts';
import { leadLink } from '../components/leadLink.ts';
import { dataTable, type Column } from '../components/table.ts';
import { el, replace } from '../dom.ts';
import { formatCount, formatTime } from '../format.ts';

interface InboxReplayResponse {
  tenantId: string;
  revived: number;
}

const COLUMNS: Array<Column<SetAsideItem>> = [
  { label: 'Record', cell: (i) => (i.leadId ? leadLink(i.tenantId, i.leadId) : '—') },
  { label: 'Cause', cell: (i) => el('span', { class: 'error-text' }, i.cause ?? ''), className: 'wrap' },
  { label: 'Received', cell: (i) => formatTime(i.receivedAt) },
  { label: 'Set aside', cell: (i) => (i.setAsideAt ? formatTime(i.setAsideAt) : '') },
  { label: 'Tenant', cell: (i) => el('span', { class: 'mono' }, i.tenantId) },
];

/**
 * The card, with "Replay set-aside items" for every tenant that has some. `result` is the page's slot for what a
 * replay answered (kept across redraws); `reload` redraws the page after.
 */
export function setAsideCard(
  view: FailuresView,
  result: HTMLElement,
  reload: () => Promise<void>,
): HTMLElement {
  const tenants = [...new Set(view.setAsideInbox.items.map((i) => i.tenantId))];
  const replayButton = el(
    'button',
    { type: 'button', class: 'btn', disabled: view.setAsideInbox.count === 0 },
    'Replay set-aside items',
  );
  replayButton.addEventListener('click', () => {
    replayButton.disabled = true;
    void (async () => {
      try {
        const answers: InboxReplayResponse[] = [];
        for (const tenantId of tenants)
          answers.push(await postJson<InboxReplayResponse>(apiUrl('failures/inbox/replay'), { tenantId }));
        const n = answers.reduce((sum, a) => sum + a.revived, 0);
        replace(
          result,
          callout(
            'ok',
            'Replayed',
            el('p', {}, `${formatCount(n)} inbox items are back in the inbox; the drain reads them now.`),
          ),
        );
        await reload();
      } catch (error) {
        replace(result, loadError(error));
        replayButton.disabled = false;
      }
    })();
  });
  return card(
    'Set-aside inbox items',
    {
      hint: 'Changes whose record the CRM refused to read, set aside so the rest of the inbox goes on. Fix the cause, then replay.',
      actions: [replayButton],
      wide: true,
      testId: 'set-aside-inbox',
    },
    result,
    dataTable({
      columns: COLUMNS,
      rows: view.setAsideInbox.items,
      rowId: (i) => String(i.id),
      empty: 'Nothing set aside: every change Baton received could be read.',
      testId: 'set-aside-table',
    }),
  );
}
