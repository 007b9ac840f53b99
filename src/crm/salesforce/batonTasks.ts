// Baton's follow-up Tasks on leads: created 200 per call with an answer per task, and found again by lead, owner
// and subject (a create whose answer was lost may have happened).
import { z } from 'zod';
import { type CrmTask, taskIdentity, type RecordResult } from '../port.ts';
import { chunks, COLLECTION_LIMIT, eachFailed, recordResults } from './collections.ts';
import type { SalesforceConnection } from './salesforceConnection.ts';
import { encodedLength, SOQL_URL_BUDGET, soqlIn, soqlQuery } from './soql.ts';

/** Salesforce's Subject holds 255 characters. */
const subjectOf = (t: CrmTask) => t.subject.slice(0, 255);

export async function createTasks(
  sf: SalesforceConnection,
  tasks: readonly CrmTask[],
): Promise<RecordResult[]> {
  const out: RecordResult[] = [];
  for (const chunk of chunks(tasks, COLLECTION_LIMIT)) {
    const ids = chunk.map((t) => t.leadId);
    try {
      const raw = await sf.call('tasks.create', ids, (c) =>
        c.sobject('Task').create(
          chunk.map((t) => ({
            WhoId: t.leadId,
            OwnerId: t.ownerId,
            Subject: subjectOf(t),
            Description: t.body,
            ActivityDate: t.dueAt.toISOString().slice(0, 10),
            Status: 'Not Started',
            Priority: 'High',
          })),
          { allOrNone: false },
        ),
      );
      out.push(...recordResults(ids, raw));
    } catch (error) {
      out.push(...eachFailed(ids, error));
    }
  }
  return out;
}

const findQuery = (tasks: readonly CrmTask[]) =>
  `SELECT WhoId, OwnerId, Subject FROM Task WHERE WhoId IN ${soqlIn([...new Set(tasks.map((t) => t.leadId))])} AND Subject IN ${soqlIn([...new Set(tasks.map(subjectOf))])}`;

/** The tasks in groups whose query stays within the URL budget (and 200 tasks), in order. */
function queryChunks(tasks: readonly CrmTask[]): CrmTask[][] {
  const out: CrmTask[][] = [];
  let current: CrmTask[] = [];
  for (const t of tasks) {
    const next = [...current, t];
    if (
      current.length > 0 &&
      (next.length > COLLECTION_LIMIT || encodedLength(findQuery(next)) > SOQL_URL_BUDGET)
    ) {
      out.push(current);
      current = [t];
    } else current = next;
  }
  if (current.length > 0) out.push(current);
  return out;
}

/** The leads' Baton tasks (SOQL on WhoId and Subject), matched on owner and subject. */
export async function findTasks(sf: SalesforceConnection, tasks: readonly CrmTask[]): Promise<boolean[]> {
  const existing = new Set<string>();
  for (const chunk of queryChunks(tasks)) {
    const rows = await soqlQuery(
      sf,
      'tasks.find',
      findQuery(chunk),
      z.object({
        WhoId: z.string().nullable(),
        OwnerId: z.string().nullable(),
        Subject: z.string().nullable(),
      }),
      [...new Set(chunk.map((t) => t.leadId))],
    );
    for (const r of rows.records) existing.add(taskIdentity(r.WhoId, r.OwnerId, r.Subject));
  }
  return tasks.map((t) => existing.has(taskIdentity(t.leadId, t.ownerId, subjectOf(t))));
}
