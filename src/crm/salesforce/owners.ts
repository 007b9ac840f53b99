// Lead owners: a user, or the marketing queue when the lead is back with marketing (a Lead always has an owner);
// and the names of users and queues, for people to read.
import { z } from 'zod';
import { CrmError, type RecordResult } from '../port.ts';
import { SF_MARKETING_QUEUE } from './batonFields.ts';
import { chunks, COLLECTION_LIMIT } from './collections.ts';
import { updateLeads } from './leadWrites.ts';
import type { SalesforceConnection } from './salesforceConnection.ts';
import { soqlIn, soqlQuery, soqlString } from './soql.ts';

/** The marketing queue's id (the owner of leads back with marketing), looked up once found. */
export class MarketingQueue {
  private readonly sf: SalesforceConnection;
  private found: string | null = null;

  constructor(sf: SalesforceConnection) {
    this.sf = sf;
  }

  /** Fails `permanent` when the org has no such queue. */
  async id(): Promise<string> {
    if (this.found) return this.found;
    const rows = await soqlQuery(
      this.sf,
      'queue.query',
      `SELECT Id FROM Group WHERE Type = 'Queue' AND DeveloperName = ${soqlString(SF_MARKETING_QUEUE)}`,
      z.object({ Id: z.string() }),
    );
    const id = rows.records[0]?.Id;
    if (!id)
      throw new CrmError('permanent', `Queue ${SF_MARKETING_QUEUE} is missing: install Baton's package`);
    this.found = id;
    return id;
  }
}

export async function setOwners(
  sf: SalesforceConnection,
  converted: Set<string>,
  queue: MarketingQueue,
  updates: ReadonlyArray<{ leadId: string; ownerId: string | null }>,
): Promise<RecordResult[]> {
  // A Lead always has an owner: "back to marketing" means the marketing queue.
  const needsQueue = updates.some((u) => u.ownerId === null);
  const queueId = needsQueue ? await queue.id() : null;
  return updateLeads(
    sf,
    converted,
    'leads.owner',
    updates.map((u) => ({ Id: u.leadId, OwnerId: u.ownerId ?? queueId })),
  );
}

/** Users (005…) and queues (00G…) by id. */
export async function userNames(
  sf: SalesforceConnection,
  ids: readonly string[],
): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  const of = (prefix: string) => [...new Set(ids)].filter((id) => id.startsWith(prefix));
  for (const [entity, found] of [
    ['User', of('005')],
    ['Group', of('00G')],
  ] as const) {
    for (const chunk of chunks(found, COLLECTION_LIMIT)) {
      const rows = await soqlQuery(
        sf,
        `${entity.toLowerCase()}s.names`,
        `SELECT Id, Name FROM ${entity} WHERE Id IN ${soqlIn(chunk)}`,
        z.object({ Id: z.string(), Name: z.string().nullable() }),
        chunk,
      );
      for (const r of rows.records) if (r.Name) names.set(r.Id, r.Name);
    }
  }
  return names;
}
