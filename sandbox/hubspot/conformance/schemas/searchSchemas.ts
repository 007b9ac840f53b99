// CRM search (POST /crm/v3/objects/{objectType}/search), request and answer, from
// PublicApiSpecs/CRM/Objects/Rollouts/424/v3/objects.json (same in …/2026-03/objects.json and contacts.json).
import { z } from 'zod';
import { simplePublicObject } from './crmObjectSchemas.ts';
import { paging } from './pagingSchemas.ts';

export const FILTER_OPERATORS = [
  'BETWEEN',
  'CONTAINS_TOKEN',
  'EQ',
  'GT',
  'GTE',
  'HAS_PROPERTY',
  'IN',
  'LT',
  'LTE',
  'NEQ',
  'NOT_CONTAINS_TOKEN',
  'NOT_HAS_PROPERTY',
  'NOT_IN',
] as const;

/** Spec `Filter`: propertyName and operator required; value, highValue and values are strings. */
export const filter = z.looseObject({
  propertyName: z.string().min(1),
  operator: z.enum(FILTER_OPERATORS),
  value: z.string().optional(),
  highValue: z.string().optional(),
  values: z.array(z.string()).optional(),
});

/** Spec `FilterGroup`. */
export const filterGroup = z.looseObject({ filters: z.array(filter) });

/**
 * Spec `PublicObjectSearchRequest`: after, filterGroups, limit, properties and sorts all required; `sorts` is a
 * list of strings. `after` is a string cursor; HubSpot's docs say to send "0" for the first page. (api-client
 * 14 types `after` as optional: the client is looser than the spec it was generated from.)
 */
export const publicObjectSearchRequest = z.looseObject({
  after: z.string().regex(/^\d+$/),
  filterGroups: z.array(filterGroup),
  limit: z.number().int().min(1).max(200),
  properties: z.array(z.string()),
  sorts: z.array(z.string()),
  query: z.string().max(3000).optional(),
});

/** Spec `CollectionResponseWithTotalSimplePublicObject`: total and results required, paging optional. */
export const collectionResponseWithTotalSimplePublicObject = z.looseObject({
  total: z.number().int().nonnegative(),
  results: z.array(simplePublicObject),
  paging: paging.optional(),
});
