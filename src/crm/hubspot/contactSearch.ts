// Contacts modified in a time window, through the search API. Search returns at most 10,000 results per query,
// so a window holding more is split in halves until each half fits under the cap.
import { FilterOperatorEnum } from '@hubspot/api-client/lib/codegen/crm/contacts/index.js';
import { z } from 'zod';
import type { CrmLead } from '../port.ts';
import { contactSchema, contactToLead, READ_PROPERTIES } from './contactMapping.ts';
import type { LifecycleStages } from './lifecycleStages.ts';
import type { HubSpotConnection } from './hubspotConnection.ts';
import { plain } from './sdkData.ts';

/** Search returns at most 10,000 results per query; windows are split below it. */
export const SEARCH_CAP = 10_000;
const SEARCH_PAGE = 200;

const searchResponse = z.object({
  total: z.number(),
  results: z.array(contactSchema),
  paging: z.object({ next: z.object({ after: z.string() }).optional() }).optional(),
});

/** One page of the contacts whose last modification falls in [lo, hi) (epoch milliseconds). */
function searchModified(hs: HubSpotConnection, lo: number, hi: number, limit: number, after?: string) {
  return hs
    .call('contacts.search', [], 'search', (c) =>
      c.crm.contacts.searchApi.doSearch({
        filterGroups: [
          {
            filters: [
              { propertyName: 'lastmodifieddate', operator: FilterOperatorEnum.Gte, value: String(lo) },
              { propertyName: 'lastmodifieddate', operator: FilterOperatorEnum.Lt, value: String(hi) },
            ],
          },
        ],
        sorts: ['lastmodifieddate'],
        properties: [...READ_PROPERTIES],
        limit,
        // The spec's PublicObjectSearchRequest requires `after`; HubSpot's docs say to send "0" for the first page.
        after: after ?? '0',
      }),
    )
    .then((r) => searchResponse.parse(plain(r)));
}

export async function countContactsModifiedBetween(
  hs: HubSpotConnection,
  from: Date,
  to: Date,
): Promise<number> {
  return (await searchModified(hs, from.getTime(), to.getTime(), 1)).total;
}

export async function* contactsModifiedBetween(
  hs: HubSpotConnection,
  from: Date,
  to: Date,
  stages: LifecycleStages,
): AsyncIterable<CrmLead[]> {
  const windows: Array<[number, number]> = [[from.getTime(), to.getTime()]];
  while (windows.length > 0) {
    const [lo, hi] = windows.shift() ?? [0, 0];
    let after: string | undefined;
    for (let page = 0; ; page++) {
      const response = await searchModified(hs, lo, hi, SEARCH_PAGE, after);
      // Too many results for one query: split the window in two and search each half instead.
      if (page === 0 && response.total > SEARCH_CAP && hi - lo > 1) {
        const mid = lo + Math.floor((hi - lo) / 2);
        windows.unshift([lo, mid], [mid, hi]);
        break;
      }
      if (response.results.length > 0) yield response.results.map((c) => contactToLead(c, stages));
      after = response.paging?.next?.after;
      if (!after) break;
    }
  }
}
