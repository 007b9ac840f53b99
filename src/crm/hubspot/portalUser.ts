// Who signed a card request, as an owner of this portal. HubSpot signs the user id in the card's URL; Baton's
// decisions (a lead's owner, the escalation map) use owner ids. One owners read by user id answers both "is this a
// user of this portal" and "which owner is it": GET /crm/v3/owners/{ownerId}?idProperty=userId through
// @hubspot/api-client 14 (the same operation as /crm/owners/2026-03/{ownerId} in HubSpot's public API spec
// collection, CRM/Crm Owners/Rollouts/146888/2026-03/crmOwners.json; scope crm.objects.owners.read, which Baton
// already holds). A user id of another portal, or a deactivated user, is 404.
import { z } from 'zod';
import { CrmError, type PortalUser } from '../port.ts';
import type { HubSpotConnection } from './hubspotConnection.ts';
import { plain } from './sdkData.ts';

const ownerSchema = z.object({
  id: z.string(),
  userId: z.number().int().nullable().optional(),
  email: z.string().nullable().optional(),
  firstName: z.string().nullable().optional(),
  lastName: z.string().nullable().optional(),
});

export async function portalUser(hs: HubSpotConnection, userId: string): Promise<PortalUser | null> {
  if (!/^\d{1,15}$/.test(userId)) return null;
  try {
    const owner = ownerSchema.parse(
      plain(
        await hs.call('owners.byUserId', [], 'general', (c) =>
          c.crm.owners.ownersApi.getById(Number(userId), 'userId', false),
        ),
      ),
    );
    // HubSpot answers the owner whose userId matches; anything else is not this user.
    if (owner.userId === null || owner.userId === undefined || String(owner.userId) !== userId) return null;
    const name = [owner.firstName, owner.lastName].filter(Boolean).join(' ') || owner.email || null;
    return { userId, ownerId: owner.id, name };
  } catch (error) {
    if (error instanceof CrmError && error.status === 404) return null;
    throw error;
  }
}
