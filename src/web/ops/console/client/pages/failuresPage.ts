// Failures and dead letters: grouped by cause with their kinds and the leads they hold up; replay one cause or
// everything once it is fixed. A replay puts the writes back in the queue; they go out on the next flush.
import { apiUrl, getJson, postJson } from '../api.ts';
import type { FailureGroup, FailuresView, HeldReturn, ReplayResponse } from '../apiTypes.ts';
import { badge } from '../components/badge.ts';
import { callout, loadError } from '../components/callout.ts';
import { card } from '../components/card.ts';
import { leadLink } from '../components/leadLink.ts';
import { stuckBanner } from '../components/stuckBanner.ts';
import { dataTable, type Column } from '../components/table.ts';
import { el, replace } from '../dom.ts';
import { formatCount, formatTime, humanize } from '../format.ts';
import { chooseTenant } from '../tenantContext.ts';
import { setAsideCard } from './setAsideCard.ts';

const LEADS_SHOWN = 10;

interface ReplayRequest {
  tenantId: string;
  keys?: string[];
}

async function replay(requests: readonly ReplayRequest[]): Promise<ReplayResponse[]> {
  const results: ReplayResponse[] = [];
  for (const body of requests) results.push(await postJson<ReplayResponse>(apiUrl('failures/replay'), body));
  return results;
}

function replayed(results: readonly ReplayResponse[]): HTMLElement {
  return callout(
    'ok',
    'Replayed',
    el(
      'ul',
      {},
      ...results.map((r) =>
        el(
          'li',
          {},
          r.revived === 1
            ? `${r.tenantId}: 1 write is back in the queue and goes out on the next flush.`
            : `${r.tenantId}: ${formatCount(r.revived)} writes are back in the queue and go out on the next flush.`,
        ),
      ),
    ),
    el('p', { class: 'hint' }, 'A write whose cause is not fixed fails again and comes back here.'),
  );
}

function affected(g: FailureGroup): HTMLElement {
  const tenantId = g.tenants.length === 1 ? (g.tenants[0] ?? null) : null;
  const more = g.affectedLeadCount - Math.min(LEADS_SHOWN, g.affectedLeads.length);
  return el(
    'span',
    { class: 'ids' },
    ...g.affectedLeads.slice(0, LEADS_SHOWN).flatMap((id, i) => [i > 0 ? ' ' : null, leadLink(tenantId, id)]),
    more > 0 ? el('span', { class: 'hint' }, ` +${formatCount(more)} more`) : null,
  );
}

/** Replays the writes asked for, shows what came back and reloads; on failure, says why and frees the button. */
type Act = (button: HTMLButtonElement, requests: readonly ReplayRequest[]) => Promise<void>;

function replayButton(g: FailureGroup, act: Act): HTMLButtonElement {
  const b = el(
    'button',
    { type: 'button', class: 'btn btn-small', 'aria-label': `Replay: ${g.cause}` },
    'Replay',
  );
  b.addEventListener(
    'click',
    () =>
      void act(
        b,
        g.tenants.map((t) => ({ tenantId: t, keys: g.keys })),
      ),
  );
  return b;
}

function columns(act: Act): Array<Column<FailureGroup>> {
  return [
    { label: 'Cause', cell: (g) => el('span', { class: 'error-text' }, g.cause), className: 'wrap' },
    {
      label: 'Kinds',
      cell: (g) => el('span', { class: 'badges' }, ...g.kinds.map((k) => badge(humanize(k), 'muted'))),
    },
    { label: 'Writes', cell: (g) => formatCount(g.count), numeric: true },
    { label: 'Leads', cell: (g) => formatCount(g.affectedLeadCount), numeric: true },
    { label: 'Affected leads', cell: affected, className: 'wrap' },
    { label: 'Tenants', cell: (g) => el('span', { class: 'mono' }, g.tenants.join(', ')) },
    { label: '', cell: (g) => replayButton(g, act) },
  ];
}

/** Replays every dead letter of the tenant in view, or of every tenant that has one. */
function replayAllButton(view: FailuresView, tenantId: string | null, act: Act): HTMLButtonElement {
  const replayAll = el(
    'button',
    { type: 'button', class: 'btn btn-primary', disabled: view.total === 0 },
    'Replay all',
  );
  replayAll.addEventListener('click', () => {
    const tenants = tenantId ? [tenantId] : [...new Set(view.groups.flatMap((g) => g.tenants))];
    void act(
      replayAll,
      tenants.map((t) => ({ tenantId: t })),
    );
  });
  return replayAll;
}

function groupsCard(view: FailuresView, actions: HTMLElement[], result: HTMLElement, act: Act): HTMLElement {
  return card(
    'Dead letters by cause',
    {
      hint:
        view.total === 0
          ? undefined
          : `${formatCount(view.total)} dead letters. Replay a cause once it is fixed.`,
      actions,
      wide: true,
      testId: 'failure-groups',
    },
    result,
    dataTable({
      columns: columns(act),
      rows: view.groups,
      rowId: (g) => g.cause,
      empty: 'No dead letters: every write Baton decided reached the CRM.',
      testId: 'failure-table',
    }),
  );
}

const HELD_COLUMNS: Array<Column<HeldReturn>> = [
  { label: 'Lead', cell: (h) => leadLink(h.tenantId, h.leadId) },
  { label: 'Lead record', cell: (h) => el('span', { class: 'mono' }, h.recordId) },
  { label: 'Why Baton holds it', cell: (h) => h.why, className: 'wrap' },
  { label: 'Disqualified', cell: (h) => formatTime(h.disqualifiedAt) },
  { label: 'Tenant', cell: (h) => el('span', { class: 'mono' }, h.tenantId) },
];

/** Disqualifications in HubSpot's Leads workspace that Baton did not act on: the rep or an admin finishes them. */
function heldCard(view: FailuresView): HTMLElement {
  return card(
    'Held returns',
    {
      hint: 'Leads disqualified in HubSpot without what Baton needs to recycle them. They clear when the rep adds the reason or note on the record, returns the lead from Baton’s card, re-opens it, or an admin maps the reason.',
      wide: true,
      testId: 'held-returns',
    },
    dataTable({
      columns: HELD_COLUMNS,
      rows: view.heldReturns.leads,
      rowId: (h) => `${h.tenantId}:${h.leadId}`,
      empty: 'No held returns: every disqualification Baton saw could be acted on.',
      testId: 'held-table',
    }),
  );
}

export async function render(root: HTMLElement): Promise<void> {
  const { tenantId } = await chooseTenant({ allowAll: true });
  const result = el('div', { class: 'result-slot', 'data-testid': 'replay-result' });
  const inboxResult = el('div', { class: 'result-slot', 'data-testid': 'inbox-replay-result' });
  const body = el('div', { class: 'stack-page' });
  let view: FailuresView;

  const act: Act = async (button, requests) => {
    button.disabled = true;
    try {
      replace(result, replayed(await replay(requests)));
      await load();
    } catch (error) {
      replace(result, loadError(error));
      button.disabled = false;
    }
  };

  const draw = () => {
    const replayAll = replayAllButton(view, tenantId, act);
    const refresh = el('button', { type: 'button', class: 'btn', onclick: () => void load() }, 'Refresh');
    replace(
      body,
      stuckBanner(view.stuckMqls, { linkToFailures: false }),
      groupsCard(view, [refresh, replayAll], result, act),
      setAsideCard(view, inboxResult, load),
      heldCard(view),
    );
  };

  const load = async () => {
    try {
      view = await getJson<FailuresView>(apiUrl('failures', { tenantId }));
      draw();
    } catch (error) {
      replace(body, loadError(error));
    }
  };

  view = await getJson<FailuresView>(apiUrl('failures', { tenantId }));
  draw();
  replace(root, body);
}
