// CRM records as the objects API answers them, from PublicApiSpecs/CRM/Objects/Rollouts/424/v3/objects.json
// (the same schemas in …/2026-03/objects.json and CRM/Contacts/Rollouts/424/v3/contacts.json).
import { z } from 'zod';
import { forwardPaging, paging } from './pagingSchemas.ts';

/** `format: date-time` in the spec; HubSpot writes UTC with milliseconds. */
export const dateTime = z.iso.datetime();

/** Spec `ValueWithTimestamp`: value, timestamp and sourceType required. */
export const valueWithTimestamp = z.looseObject({
  value: z.string(),
  timestamp: dateTime,
  sourceType: z.string().min(1),
  sourceId: z.string().optional(),
  sourceLabel: z.string().optional(),
  updatedByUserId: z.number().int().optional(),
});

/** Spec `PublicObjectWarning`: category, context (strings), message. */
export const publicObjectWarning = z.looseObject({
  category: z.string(),
  context: z.record(z.string(), z.string()),
  message: z.string(),
});

/**
 * Spec `SimplePublicObject`: id, properties, createdAt, updatedAt and archived required. The spec types
 * property values as strings; HubSpot answers null for a requested property with no value, and HubSpot's
 * own api-client 14 (generated from these specs) types them `string | null`, so null passes.
 */
export const simplePublicObject = z.looseObject({
  id: z.string().min(1),
  properties: z.record(z.string(), z.string().nullable()),
  propertiesWithHistory: z.record(z.string(), z.array(valueWithTimestamp)).optional(),
  createdAt: dateTime,
  updatedAt: dateTime,
  archived: z.boolean(),
  archivedAt: dateTime.optional(),
  objectWriteTraceId: z.string().optional(),
  url: z.string().optional(),
  warnings: z.array(publicObjectWarning).optional(),
});

/** Spec `AssociatedId`: id and type (e.g. "contact_to_company"). */
export const associatedId = z.looseObject({ id: z.string(), type: z.string().min(1) });

/** Spec `CollectionResponseAssociatedId`. */
export const collectionResponseAssociatedId = z.looseObject({
  results: z.array(associatedId),
  paging: paging.optional(),
});

/** Spec `SimplePublicObjectWithAssociations` (GET one, GET a page): a record plus `associations` by type. */
export const simplePublicObjectWithAssociations = simplePublicObject.extend({
  associations: z.record(z.string(), collectionResponseAssociatedId).optional(),
});

/** Spec `SimplePublicUpsertObject`: a record plus `new` (created rather than updated). */
export const simplePublicUpsertObject = simplePublicObject.extend({ new: z.boolean() });

/** Spec `CollectionResponseSimplePublicObjectWithAssociationsForwardPaging` (GET a page): results required. */
export const collectionResponseSimplePublicObjectWithAssociationsForwardPaging = z.looseObject({
  results: z.array(simplePublicObjectWithAssociations),
  paging: forwardPaging.optional(),
});
