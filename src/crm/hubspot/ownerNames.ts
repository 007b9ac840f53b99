// Display names for the HubSpot users Baton shows. Owners carry both ids Baton meets: the owner id (contact
// owner) and the user id (signed card requests); the owners list is paged until every wanted id is named.
import { z } from 'zod';
import type { HubSpotConnection } from './hubspotConnection.ts';
import { plain } from './sdkData.ts';

const ownersPage = z.object({
  results: z.array(
    z.object({
      id: z.string(),
      userId: z.number().int().nullable().optional(),
      email: z.string().nullable().optional(),
      firstName: z.string().nullable().optional(),
      lastName: z.string().nullable().optional(),
    }),
  ),
  paging: z.object({ next: z.object({ after: z.string() }).optional() }).optional(),
});

/** Owner id or user id → the owner's name (or email when HubSpot has no name). */
export async function ownerNames(
  hs: HubSpotConnection,
  ids: readonly string[],
): Promise<Map<string, string>> {
  const wanted = new Set(ids);
  const names = new Map<string, string>();
  let after: string | undefined;
  do {
    const page = ownersPage.parse(
      plain(
        await hs.call('owners.list', [], 'general', (c) =>
          c.crm.owners.ownersApi.getPage(undefined, after, 500, false),
        ),
      ),
    );
    for (const o of page.results) {
      const name = [o.firstName, o.lastName].filter(Boolean).join(' ') || o.email || null;
      if (!name) continue;
      if (wanted.has(o.id)) names.set(o.id, name);
      if (o.userId !== null && o.userId !== undefined && wanted.has(String(o.userId)))
        names.set(String(o.userId), name);
    }
    after = page.paging?.next?.after;
  } while (after && names.size < wanted.size);
  return names;
}
