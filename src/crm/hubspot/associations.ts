// Which records are associated with which, through the date-versioned associations batch read (v4 is unsupported
// from 2027-03-30). Spec: PublicApiSpecs/CRM/Associations/Rollouts/130902/2026-03/associations.json, POST
// /crm/associations/2026-03/{fromObjectType}/{toObjectType}/batch/read: inputs [{ id, after? }]; each result
// { from: { id }, to: [{ toObjectId (string), associationTypes }], paging.next.after } where paging is present only
// when that record has more pages. Every page of every record is followed.
import { z } from 'zod';
import { hubspotRequest } from './apiRequest.ts';
import { BATCH_LIMIT, chunks } from './batching.ts';
import type { HubSpotConnection } from './hubspotConnection.ts';

const associationsPage = z.object({
  results: z.array(
    z.object({
      from: z.object({ id: z.string() }),
      // The spec says string; a number is read the same way rather than failing the whole look-up.
      to: z.array(z.object({ toObjectId: z.union([z.string(), z.number()]).transform(String) })),
      paging: z.object({ next: z.object({ after: z.string() }).optional() }).optional(),
    }),
  ),
});

/** Every association of these records to the other type, as { from, to } id pairs. */
export async function associatedIds(
  hs: HubSpotConnection,
  pair: { from: string; to: string },
  operation: string,
  fromIds: readonly string[],
): Promise<Array<{ from: string; to: string }>> {
  const found: Array<{ from: string; to: string }> = [];
  const followed = new Set<string>();
  let pending: Array<{ id: string; after?: string }> = [...new Set(fromIds)].map((id) => ({ id }));
  while (pending.length > 0) {
    const next: Array<{ id: string; after: string }> = [];
    for (const inputs of chunks(pending, BATCH_LIMIT)) {
      const ids = inputs.map((i) => i.id);
      const page = associationsPage.parse(
        await hubspotRequest(hs, operation, ids, {
          method: 'POST',
          path: `/crm/associations/2026-03/${pair.from}/${pair.to}/batch/read`,
          body: { inputs },
        }),
      );
      // A record HubSpot no longer knows comes back as an error (207): it has no associations to find.
      for (const r of page.results) {
        for (const to of r.to) found.push({ from: r.from.id, to: to.toObjectId });
        const after = r.paging?.next?.after;
        // A cursor already followed is not followed again: a repeating answer cannot loop forever.
        if (after !== undefined && !followed.has(`${r.from.id} ${after}`)) {
          followed.add(`${r.from.id} ${after}`);
          next.push({ id: r.from.id, after });
        }
      }
    }
    pending = next;
  }
  return found;
}
