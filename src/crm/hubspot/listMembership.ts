// Nurture list membership through lists v3: contacts added to or removed from a MANUAL list, with a result per
// contact. Already a member (or already gone) is success; a contact HubSpot does not know is not found.
import { z } from 'zod';
import { CrmError, type RecordResult } from '../port.ts';
import { chunks } from './batching.ts';
import type { HubSpotConnection } from './hubspotConnection.ts';
import { plain } from './sdkData.ts';

/** Lists v3 documents no cap for membership changes; chunks keep each request small. */
export const LIST_CHUNK = 1_000;

const membershipResponse = z.object({
  recordsIdsAdded: z.array(z.string()).optional(),
  recordIdsRemoved: z.array(z.string()).optional(),
  recordIdsMissing: z.array(z.string()).optional(),
});

type Client = Parameters<Parameters<HubSpotConnection['call']>[3]>[0];

export function addListMembers(
  hs: HubSpotConnection,
  listId: string,
  leadIds: readonly string[],
): Promise<RecordResult[]> {
  return changeList(hs, 'lists.memberships.add', listId, leadIds, (c, ids) =>
    c.crm.lists.membershipsApi.add(listId, ids),
  );
}

export function removeListMembers(
  hs: HubSpotConnection,
  listId: string,
  leadIds: readonly string[],
): Promise<RecordResult[]> {
  return changeList(hs, 'lists.memberships.remove', listId, leadIds, (c, ids) =>
    c.crm.lists.membershipsApi.remove(listId, ids),
  );
}

async function changeList(
  hs: HubSpotConnection,
  operation: string,
  listId: string,
  leadIds: readonly string[],
  fn: (c: Client, ids: string[]) => Promise<unknown>,
): Promise<RecordResult[]> {
  const results: RecordResult[] = [];
  for (const chunk of chunks([...new Set(leadIds)], LIST_CHUNK)) {
    try {
      const response = membershipResponse.parse(
        plain(await hs.call(`${operation} ${listId}`, chunk, 'general', (c) => fn(c, chunk))),
      );
      const missing = new Set(response.recordIdsMissing ?? []);
      // Already a member (or already gone) is success: the list is as Baton wants it.
      for (const id of chunk) {
        results.push(
          missing.has(id)
            ? {
                id,
                ok: false,
                error: new CrmError('not_found', `contact ${id} does not exist`, { status: 404 }),
              }
            : { id, ok: true },
        );
      }
    } catch (error) {
      if (!(error instanceof CrmError)) throw error;
      results.push(...chunk.map((id) => ({ id, ok: false as const, error })));
    }
  }
  return results;
}
