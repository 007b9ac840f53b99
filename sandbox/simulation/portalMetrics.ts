// The demo's numbers read back from the sandbox portal: contact properties and their history, list
// memberships, the request log, and the portal's change feed (for score writes: the 20-version property
// history would cut long score histories short).
import type { Portal, SandboxState } from '../hubspot/index.ts';
import { SCORE_PROPERTIES, listName, type DemoMetrics, type ExtraMetrics } from './demoMetrics.ts';

const SCORE_SET: ReadonlySet<string> = new Set(SCORE_PROPERTIES);

export interface ScoreWriteWatch {
  /** Baton writes that changed a score property (one per contact and write instant). */
  readonly count: number;
  /** Of those, writes to a contact nothing else had changed since Baton's previous score write to it. */
  readonly withoutNewActivity: number;
}

/** Counts Baton's score writes as the portal's change feed shows them; subscribe before Baton writes any. */
export function watchScoreWrites(state: SandboxState, portalId: number, appId: number): ScoreWriteWatch {
  const writes = new Set<string>();
  const changedSinceWrite = new Set<string>();
  let withoutNewActivity = 0;
  state.onChange((events) => {
    for (const e of events) {
      if (e.portalId !== portalId || e.objectType !== 'contacts' || e.kind !== 'propertyChange') continue;
      const byBaton = e.source.changeSource === 'INTEGRATION' && e.source.sourceId === String(appId);
      if (!byBaton) {
        if (e.source.changeSource !== 'CALCULATED') changedSinceWrite.add(e.objectId);
        continue;
      }
      const key = `${e.objectId}@${e.occurredAt}`;
      if (!SCORE_SET.has(e.propertyName) || writes.has(key)) continue;
      writes.add(key);
      if (!changedSinceWrite.has(e.objectId)) withoutNewActivity++;
      changedSinceWrite.delete(e.objectId);
    }
  });
  return {
    get count() {
      return writes.size;
    },
    get withoutNewActivity() {
      return withoutNewActivity;
    },
  };
}

const versions = (portal: Portal, contactId: string, property: string) =>
  portal.contact(contactId)?.history[property] ?? [];

/** The sandbox keeps a property's last 20 versions; counts from a history that long may be short. */
const HISTORY_KEPT = 20;
const COUNTED_HISTORIES = [
  'baton_stage',
  'baton_sla_due_at',
  'baton_sla_status',
  'baton_returned_at',
] as const;

/** Contacts whose history of a counted property is as long as the sandbox keeps (0 in a trustworthy count). */
export function historiesAtCap(portal: Portal): number {
  return portal
    .contacts()
    .filter((c) => COUNTED_HISTORIES.some((p) => versions(portal, c.id, p).length >= HISTORY_KEPT)).length;
}

function countVersions(portal: Portal, property: string, match: (value: string) => boolean): number {
  return portal
    .contacts()
    .reduce((n, c) => n + versions(portal, c.id, property).filter((v) => match(v.value)).length, 0);
}

/** The contact's baton_stage became "recycled" in the same write that set baton_returned_at: a rep's return. */
function recycledByReturn(portal: Portal, contactId: string): boolean {
  const lastRecycle = versions(portal, contactId, 'baton_stage').findLast((v) => v.value === 'recycled');
  return versions(portal, contactId, 'baton_returned_at').some(
    (v) => v.value !== '' && v.timestamp === lastRecycle?.timestamp,
  );
}

/** How often "mql" directly follows "recycled" in the stage history. */
function reQualified(portal: Portal, contactId: string): number {
  const stages = versions(portal, contactId, 'baton_stage').map((v) => v.value);
  return stages.filter((s, i) => s === 'mql' && stages[i - 1] === 'recycled').length;
}

function members(portal: Portal, key: string): number {
  const list = portal.lists.byName('0-1', listName(key));
  return list ? list.members.size : 0;
}

/**
 * Baton's API requests in the portal's request log: those authenticated as Baton's app, and API requests
 * refused as unauthenticated (no app to name; in the demo Baton is the only API client).
 */
export function batonCalls(state: SandboxState, portalId: number, appId: number) {
  return state.requests
    .all()
    .filter(
      (r) =>
        (r.portalId === portalId && r.appId === appId) ||
        (r.appId === undefined && r.status === 401 && !r.path.startsWith('/oauth')),
    );
}

export function portalMetrics(o: {
  state: SandboxState;
  portal: Portal;
  appId: number;
  scoreWrites: ScoreWriteWatch;
}): DemoMetrics & ExtraMetrics {
  const { portal } = o;
  const contacts = portal.contacts();
  const stageIs = (stage: string) => contacts.filter((c) => c.properties['baton_stage'] === stage).length;
  const mqlVersions = contacts.map(
    (c) => versions(portal, c.id, 'baton_stage').filter((v) => v.value === 'mql').length,
  );
  const calls = batonCalls(o.state, portal.id, o.appId);
  return {
    leads: contacts.length,
    mql: mqlVersions.filter((n) => n > 0).length,
    assigned: countVersions(portal, 'baton_sla_due_at', (v) => v !== ''),
    touchedInSla: countVersions(portal, 'baton_sla_status', (v) => v === 'met'),
    breached: countVersions(portal, 'baton_sla_status', (v) => v === 'breached'),
    recycledUntouched: members(portal, 'nurture_untouched'),
    returned: countVersions(portal, 'baton_returned_at', (v) => v !== ''),
    recycledReturned: contacts.filter(
      (c) => c.properties['baton_stage'] === 'recycled' && recycledByReturn(portal, c.id),
    ).length,
    disqualified: stageIs('disqualified'),
    scoreWrites: o.scoreWrites.count,
    apiCalls: calls.length,
    failedCalls: calls.filter((r) => r.status >= 400 || r.status === 0).length,
    reMql: contacts.reduce((n, c) => n + reQualified(portal, c.id), 0),
    qualified: countVersions(portal, 'baton_stage', (v) => v === 'qualified'),
    won: countVersions(portal, 'baton_stage', (v) => v === 'won'),
    inReview: members(portal, 'ops_review'),
  };
}
