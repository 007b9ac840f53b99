// The sandbox CRM as Baton left it, per contact and free of wall-clock values, so runs at different times (with
// faults, crashes, several processes) can be compared: Baton's properties, lifecycle stage, owner, nurture-list
// memberships and the tasks Baton created.
import { DEFAULT_NURTURE_LISTS } from '../../../src/domain/reasons.ts';
import type { Portal } from '../../../sandbox/hubspot/state/portal.ts';

/** Baton's properties that hold no wall-clock time (the SLA due date and return time are compared as present/absent). */
const VALUE_PROPERTIES = [
  'baton_stage',
  'baton_sla_status',
  'baton_fit_score',
  'baton_engagement_score',
  'baton_grade',
  'baton_score_reasons',
  'baton_recycle_count',
  'baton_last_reason',
  'baton_last_note',
  'lifecyclestage',
] as const;
const TIME_PROPERTIES = ['baton_sla_due_at', 'baton_returned_at'] as const;

export interface ContactState {
  props: Record<string, string>;
  owner: string;
  lists: string[];
  tasks: string[];
}

/** Keyed by email (contact ids depend on creation order only, emails on nothing). */
export type CrmSnapshot = Record<string, ContactState>;

export function taskKind(subject: string): string {
  if (subject.startsWith('Baton: first touch due')) return 'remind';
  if (subject.startsWith('Baton: SLA breached')) return 'escalate';
  return `other:${subject}`;
}

export function snapshotCrm(portal: Portal): CrmSnapshot {
  const ownerEmail = new Map(portal.owners.all().map((o) => [o.id, o.email]));
  const listKey = new Map<string, string>();
  const members = new Map<string, string[]>();
  for (const list of portal.lists.all()) {
    const known = DEFAULT_NURTURE_LISTS.find((l) => l.name === list.name);
    if (!known) continue;
    listKey.set(list.listId, known.key);
    for (const id of list.members.keys()) members.set(id, [...(members.get(id) ?? []), known.key]);
  }
  const out: CrmSnapshot = {};
  for (const c of portal.contacts()) {
    const p = c.properties;
    const props: Record<string, string> = {};
    for (const name of VALUE_PROPERTIES) if (p[name]) props[name] = p[name];
    for (const name of TIME_PROPERTIES) if (p[name]) props[name] = '(set)';
    out[p['email'] ?? c.id] = {
      props,
      owner: ownerEmail.get(p['hubspot_owner_id'] ?? '') ?? p['hubspot_owner_id'] ?? '',
      lists: (members.get(c.id) ?? []).toSorted(),
      tasks: portal
        .tasks(c.id)
        .map(
          (t) =>
            `${taskKind(t.properties['hs_task_subject'] ?? '')}→${ownerEmail.get(t.properties['hubspot_owner_id'] ?? '') ?? '?'}`,
        )
        .toSorted(),
    };
  }
  return out;
}

/** The contacts whose state differs, with both sides (at most `limit`), and how many differ in all. */
export function diffSnapshots(
  actual: CrmSnapshot,
  expected: CrmSnapshot,
  limit = 8,
): { count: number; examples: Array<{ email: string; actual?: ContactState; expected?: ContactState }> } {
  const emails = [...new Set([...Object.keys(actual), ...Object.keys(expected)])].toSorted();
  const differing = emails.filter(
    (e) => JSON.stringify(actual[e] ?? null) !== JSON.stringify(expected[e] ?? null),
  );
  return {
    count: differing.length,
    examples: differing.slice(0, limit).map((email) => ({
      email,
      ...(actual[email] && { actual: actual[email] }),
      ...(expected[email] && { expected: expected[email] }),
    })),
  };
}
