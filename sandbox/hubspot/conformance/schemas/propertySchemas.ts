// Property definitions and groups, from PublicApiSpecs/CRM/Properties/Rollouts/145899/v3/properties.json.
import { z } from 'zod';
import { dateTime } from './crmObjectSchemas.ts';

/** Spec `Option`: label, value and hidden required. */
export const option = z.looseObject({
  label: z.string(),
  value: z.string(),
  hidden: z.boolean(),
  displayOrder: z.number().int().optional(),
  description: z.string().optional(),
});

/** Spec `PropertyModificationMetadata`: archivable, readOnlyDefinition and readOnlyValue required. */
export const propertyModificationMetadata = z.looseObject({
  archivable: z.boolean(),
  readOnlyDefinition: z.boolean(),
  readOnlyValue: z.boolean(),
  readOnlyOptions: z.boolean().optional(),
});

/**
 * Spec `Property`: name, label, type, fieldType, description, groupName and options required; the rest
 * optional. `type` and `fieldType` are plain strings in this schema (the enums live in `PropertyCreate`).
 */
export const property = z.looseObject({
  name: z.string().min(1),
  label: z.string(),
  type: z.string().min(1),
  fieldType: z.string().min(1),
  description: z.string(),
  groupName: z.string(),
  options: z.array(option),
  displayOrder: z.number().int().optional(),
  calculated: z.boolean().optional(),
  externalOptions: z.boolean().optional(),
  hasUniqueValue: z.boolean().optional(),
  hidden: z.boolean().optional(),
  hubspotDefined: z.boolean().optional(),
  formField: z.boolean().optional(),
  archived: z.boolean().optional(),
  referencedObjectType: z.string().optional(),
  modificationMetadata: propertyModificationMetadata.optional(),
  createdAt: dateTime.optional(),
  updatedAt: dateTime.optional(),
  archivedAt: dateTime.optional(),
  dataSensitivity: z.enum(['highly_sensitive', 'non_sensitive', 'sensitive']).optional(),
});

/** Spec `PropertyGroup`: name, label, displayOrder and archived all required. */
export const propertyGroup = z.looseObject({
  name: z.string().min(1),
  label: z.string(),
  displayOrder: z.number().int(),
  archived: z.boolean(),
});

/** Spec `CollectionResponsePropertyNoPaging` (GET /crm/v3/properties/{objectType}). */
export const collectionResponsePropertyNoPaging = z.looseObject({ results: z.array(property) });

/** Spec `CollectionResponsePropertyGroupNoPaging` (GET …/groups). */
export const collectionResponsePropertyGroupNoPaging = z.looseObject({ results: z.array(propertyGroup) });

/** Spec `BatchResponseProperty` (batch read 200, batch create 201). */
export const batchResponseProperty = z.looseObject({
  status: z.enum(['CANCELED', 'COMPLETE', 'PENDING', 'PROCESSING']),
  results: z.array(property),
  startedAt: dateTime,
  completedAt: dateTime,
  requestedAt: dateTime.optional(),
  links: z.record(z.string(), z.string()).optional(),
});
