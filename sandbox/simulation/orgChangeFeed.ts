// Baton's writes to the org's leads as the org's own change feed (Change Data Capture, every committed change
// with its changeOrigin) shows them: Baton's API calls carry client=Baton. Salesforce keeps no field history
// by default, so the demo's histories (hand-offs, SLA outcomes, returns, score writes) are read from here.
// Subscribe before Baton writes anything.
import { SF_CLIENT_NAME, SF_FIELDS } from '../../src/crm/salesforce/batonFields.ts';
import type { Org } from '../salesforce/index.ts';

export interface OrgWrite {
  /** The commit's timestamp (org clock). */
  at: number;
  transactionKey: string;
  /** The Baton fields this write changed, with their new values (null when cleared). */
  fields: Readonly<Record<string, unknown>>;
}

export interface OrgChangeFeed {
  /** Change events seen (every entity, every origin). */
  readonly events: number;
  /** Baton's writes that changed a Baton field of the lead, oldest first. */
  writes(leadId: string): readonly OrgWrite[];
  /** Baton writes that changed a score field of a lead (one per lead and transaction). */
  readonly scoreWrites: number;
  /** Of those, writes to a lead nobody else had changed (nor logged an activity on) since the previous one. */
  readonly scoreWritesWithoutNewActivity: number;
  stop(): void;
}

const BATON_FIELDS: ReadonlySet<string> = new Set(Object.values(SF_FIELDS));
const SCORE_FIELDS: readonly string[] = [
  SF_FIELDS.fit,
  SF_FIELDS.engagement,
  SF_FIELDS.grade,
  SF_FIELDS.scoreReasons,
];

/** changeOrigin "com/salesforce/api/rest/62.0;client=Baton": a write by Baton's API client. */
const byBaton = (changeOrigin: string): boolean =>
  changeOrigin.split(';').includes(`client=${SF_CLIENT_NAME}`);

export function watchOrgChanges(org: Org): OrgChangeFeed {
  const writes = new Map<string, OrgWrite[]>();
  const changedSinceScoreWrite = new Set<string>();
  let scoreWrites = 0;
  let withoutNewActivity = 0;
  let events = 0;
  const stop = org.changeEvents.onEvent((e) => {
    events++;
    const payload = e.message.payload;
    const h = payload.ChangeEventHeader;
    const baton = byBaton(h.changeOrigin);
    if (h.entityName === 'Task' || h.entityName === 'Event') {
      const whoId = payload['WhoId'];
      if (!baton && typeof whoId === 'string') changedSinceScoreWrite.add(whoId);
      return;
    }
    if (h.entityName !== 'Lead') return;
    if (!baton) {
      for (const id of h.recordIds) changedSinceScoreWrite.add(id);
      return;
    }
    if (h.changeType !== 'UPDATE') return;
    const changed = h.changedFields.filter((f) => BATON_FIELDS.has(f));
    if (changed.length === 0) return;
    const fields = Object.fromEntries(changed.map((f) => [f, payload[f] ?? null]));
    const scored = changed.some((f) => SCORE_FIELDS.includes(f));
    for (const id of h.recordIds) {
      const list = writes.get(id) ?? [];
      list.push({ at: h.commitTimestamp, transactionKey: h.transactionKey, fields });
      writes.set(id, list);
      if (!scored) continue;
      scoreWrites++;
      if (!changedSinceScoreWrite.has(id)) withoutNewActivity++;
      changedSinceScoreWrite.delete(id);
    }
  });
  return {
    writes: (leadId) => writes.get(leadId) ?? [],
    get events() {
      return events;
    },
    get scoreWrites() {
      return scoreWrites;
    },
    get scoreWritesWithoutNewActivity() {
      return withoutNewActivity;
    },
    stop,
  };
}
