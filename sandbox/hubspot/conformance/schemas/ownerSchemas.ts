// Owners, from PublicApiSpecs/CRM/Crm Owners/Rollouts/146888/v3/crmOwners.json.
import { z } from 'zod';
import { dateTime } from './crmObjectSchemas.ts';
import { forwardPaging } from './pagingSchemas.ts';

/** Spec `PublicTeam`: id, name and primary required. */
export const publicTeam = z.looseObject({ id: z.string(), name: z.string(), primary: z.boolean() });

/** Spec `PublicOwner`: id, type (PERSON or QUEUE), createdAt, updatedAt and archived required. */
export const publicOwner = z.looseObject({
  id: z.string().min(1),
  type: z.enum(['PERSON', 'QUEUE']),
  createdAt: dateTime,
  updatedAt: dateTime,
  archived: z.boolean(),
  email: z.string().optional(),
  firstName: z.string().optional(),
  lastName: z.string().optional(),
  userId: z.number().int().optional(),
  userIdIncludingInactive: z.number().int().optional(),
  teams: z.array(publicTeam).optional(),
});

/** Spec `CollectionResponsePublicOwnerForwardPaging` (GET /crm/v3/owners). */
export const collectionResponsePublicOwnerForwardPaging = z.looseObject({
  results: z.array(publicOwner),
  paging: forwardPaging.optional(),
});
