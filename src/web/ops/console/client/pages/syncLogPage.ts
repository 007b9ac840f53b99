// Sync log: every CRM call and inbound event with its outcome, filtered by tenant, lead, status and time, kept
// fresh by polling (pausable), with older rows a click away. Record ids open the lead's timeline.
import { apiUrl, getJson } from '../api.ts';
import type { SyncLogEntry, SyncLogResponse } from '../apiTypes.ts';
import { loadError } from '../components/callout.ts';
import { card } from '../components/card.ts';
import { el, replace, setQueryParams } from '../dom.ts';
import { Poller } from '../poller.ts';
import { filterForm, filtersFromQuery, type Filters } from '../syncLog/syncLogFilters.ts';
import { syncLogTable } from '../syncLog/syncLogTable.ts';
import { chooseTenant } from '../tenantContext.ts';

const POLL_MS = 5_000;
const PAGE_SIZE = 50;

/** One page of the log for these filters: the newest, or the one before a row id. */
const pageUrl = (filters: Filters, beforeId?: number): string =>
  apiUrl('sync-log', {
    tenantId: filters.tenantId,
    leadId: filters.leadId,
    status: filters.status,
    since: filters.since,
    until: filters.until,
    beforeId,
    limit: PAGE_SIZE,
  });

interface LiveControls {
  live: HTMLElement;
  button: HTMLButtonElement;
  /** "Live · updated 14:05:09" (or "Paused · …"), as of now. */
  stamp: () => void;
  /** The indicator and the button as the poller is now (running or paused). */
  show: () => void;
}

/** The live indicator and the button that pauses and resumes polling. */
function liveControls(poller: Poller): LiveControls {
  const updated = el('span', { class: 'hint', 'data-testid': 'live-status' });
  const live = el('span', { class: 'live' }, el('span', { class: 'live-dot' }), updated);
  const button = el('button', { type: 'button', class: 'btn', 'aria-pressed': 'true' });
  const stamp = () => {
    updated.textContent = `${poller.running ? 'Live' : 'Paused'} · updated ${new Date().toLocaleTimeString(undefined, { hourCycle: 'h23' })}`;
  };
  const show = () => {
    button.textContent = poller.running ? 'Pause live updates' : 'Resume live updates';
    button.setAttribute('aria-pressed', String(poller.running));
    live.classList.toggle('paused', !poller.running);
    stamp();
  };
  button.addEventListener('click', () => {
    if (poller.running) poller.stop();
    else poller.start();
    show();
  });
  return { live, button, stamp, show };
}

const olderButton = (loadOlder: () => Promise<void>): HTMLElement =>
  el('button', { type: 'button', class: 'btn', onclick: () => void loadOlder() }, 'Load older entries');

export async function render(root: HTMLElement): Promise<void> {
  const { tenantId } = await chooseTenant({ allowAll: true });
  let filters = filtersFromQuery(tenantId);
  let rows: SyncLogEntry[] = [];
  let nextBeforeId: number | null = null;
  let fresh = new Set<number>();

  const tableSlot = el('div', {});
  const moreSlot = el('div', { class: 'more' });
  const problem = el('div', {});

  const draw = () => {
    replace(tableSlot, syncLogTable(rows, fresh, !filters.tenantId));
    replace(moreSlot, nextBeforeId === null ? null : olderButton(loadOlder));
  };
  const reload = async () => {
    const page = await getJson<SyncLogResponse>(pageUrl(filters));
    rows = page.rows;
    nextBeforeId = page.nextBeforeId;
    fresh = new Set();
    replace(problem);
    draw();
    live.stamp();
  };
  const loadNewer = async () => {
    try {
      const page = await getJson<SyncLogResponse>(pageUrl(filters));
      const top = rows[0]?.id ?? 0;
      const newer = page.rows.filter((r) => r.id > top);
      fresh = new Set(newer.map((r) => r.id));
      if (newer.length > 0) {
        rows = [...newer, ...rows];
        draw();
      }
      replace(problem);
      live.stamp();
    } catch (error) {
      replace(problem, loadError(error));
    }
  };
  const loadOlder = async () => {
    if (nextBeforeId === null) return;
    const page = await getJson<SyncLogResponse>(pageUrl(filters, nextBeforeId));
    rows = [...rows, ...page.rows];
    nextBeforeId = page.nextBeforeId;
    fresh = new Set();
    draw();
  };
  const poller = new Poller(loadNewer, POLL_MS);
  const live = liveControls(poller);
  const apply = (next: Filters) => {
    filters = next;
    setQueryParams({ lead: next.leadId, status: next.status, since: next.since, until: next.until });
    void reload().catch((error: unknown) => replace(problem, loadError(error)));
  };

  await reload();
  poller.start();
  live.show();
  replace(
    root,
    card(
      'Calls and events',
      {
        hint: `Newest first, refreshed every ${POLL_MS / 1000} s while live.`,
        actions: [live.live, live.button],
        wide: true,
      },
      filterForm(filters, apply),
      problem,
      tableSlot,
      moreSlot,
    ),
  );
}
