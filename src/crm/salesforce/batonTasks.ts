// Baton's follow-up Tasks on leads: created 200 per call with an answer per task, and found again by lead, owner
// and subject (a create whose answer was lost may have happened).
import { z } from 'zod';
import { type CrmTask, taskIdentity, type RecordResult } from '../port.ts';
import { chunks, COLLECTION_LIMIT, eachFailed, recordResults } from './collections.ts';
import type { SalesforceConnection } from './salesforceConnection.ts';
import { soqlIn, soqlQuery } from './soql.ts';

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

/** The leads' Baton tasks (SOQL on WhoId and Subject), matched on owner and subject. */
export async function findTasks(sf: SalesforceConnection, tasks: readonly CrmTask[]): Promise<boolean[]> {
  const existing = new Set<string>();
  for (const chunk of chunks(tasks, COLLECTION_LIMIT)) {
    const ids = [...new Set(chunk.map((t) => t.leadId))];
    const rows = await soqlQuery(
      sf,
      'tasks.find',
      `SELECT WhoId, OwnerId, Subject FROM Task WHERE WhoId IN ${soqlIn(ids)} AND Subject IN ${soqlIn([...new Set(chunk.map(subjectOf))])}`,
      z.object({
        WhoId: z.string().nullable(),
        OwnerId: z.string().nullable(),
        Subject: z.string().nullable(),
      }),
      ids,
    );
    for (const r of rows.records) existing.add(taskIdentity(r.WhoId, r.OwnerId, r.Subject));
  }
  return tasks.map((t) => existing.has(taskIdentity(t.leadId, t.ownerId, subjectOf(t))));
}
