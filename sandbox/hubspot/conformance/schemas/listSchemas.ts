// List membership answers, from PublicApiSpecs/CRM/Lists/Rollouts/144891/v3/lists.json.
import { z } from 'zod';
import { dateTime } from './crmObjectSchemas.ts';
import { paging } from './pagingSchemas.ts';

/**
 * Spec `MembershipsUpdateResponse` (PUT …/memberships/add, /remove and /add-and-remove): all three arrays
 * required, the added ids spelled `recordsIdsAdded` (sic, as in the spec and api-client 14).
 */
export const membershipsUpdateResponse = z.looseObject({
  recordsIdsAdded: z.array(z.string()),
  recordIdsRemoved: z.array(z.string()),
  recordIdsMissing: z.array(z.string()),
});

/** Spec `JoinTimeAndRecordId`: recordId and membershipTimestamp required. */
export const joinTimeAndRecordId = z.looseObject({
  recordId: z.string().min(1),
  membershipTimestamp: dateTime,
});

/** Spec `ApiCollectionResponseJoinTimeAndRecordId` (GET …/memberships and …/memberships/join-order). */
export const apiCollectionResponseJoinTimeAndRecordId = z.looseObject({
  results: z.array(joinTimeAndRecordId),
  total: z.number().int().nonnegative().optional(),
  paging: paging.optional(),
});

/**
 * Spec `RecordListMembership`: listId and listVersion required. The schema types `listId` as a string while
 * its own example shows a number; the schema wins.
 */
export const recordListMembership = z.looseObject({
  listId: z.string().min(1),
  listVersion: z.number().int(),
  isPublicList: z.boolean().optional(),
  firstAddedTimestamp: dateTime.optional(),
  lastAddedTimestamp: dateTime.optional(),
});

/** Spec `ApiCollectionResponseRecordListMembership` (GET /crm/v3/lists/records/{objectTypeId}/{recordId}/memberships). */
export const apiCollectionResponseRecordListMembership = z.looseObject({
  results: z.array(recordListMembership),
  total: z.number().int().nonnegative().optional(),
  paging: paging.optional(),
});
