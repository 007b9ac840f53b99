// zod schemas of every request body the sandbox accepts, in the shapes @hubspot/api-client 14 sends.
// Lenient where HubSpot is (unknown fields are ignored, ids may be numbers), strict where it is not.
import { z } from 'zod';
import { FIELD_TYPES, PROPERTY_TYPES } from '../model/propertyDefinition.ts';
import { OPERATORS } from '../model/search/filters.ts';
import { SEARCH_LIMITS } from '../model/search/searchRecords.ts';

export const id = z.union([z.string().min(1), z.number().int()]).transform(String);
const scalar = z.union([z.string(), z.number(), z.boolean()]).transform(String);
export const rawValue = z.union([z.string(), z.number(), z.boolean(), z.null()]);
export const propertyValues = z.record(z.string(), rawValue);

export const associationSpec = z.object({
  associationCategory: z.enum(['HUBSPOT_DEFINED', 'USER_DEFINED', 'INTEGRATOR_DEFINED']),
  associationTypeId: z.coerce.number().int(),
});

export const createObjectBody = z.object({
  properties: propertyValues.default({}),
  associations: z
    .array(z.object({ to: z.object({ id }), types: z.array(associationSpec).min(1) }))
    .default([]),
});

export const updateObjectBody = z.object({ properties: propertyValues });

export const batchReadBody = z.object({
  properties: z.array(z.string()).default([]),
  propertiesWithHistory: z.array(z.string()).default([]),
  idProperty: z.string().optional(),
  inputs: z.array(z.object({ id })),
});

export const batchCreateBody = z.object({ inputs: z.array(createObjectBody) });

export const batchUpdateBody = z.object({
  inputs: z.array(z.object({ id, idProperty: z.string().optional(), properties: propertyValues })),
});

export const batchUpsertBody = z.object({
  inputs: z.array(z.object({ id, idProperty: z.string().min(1), properties: propertyValues })),
});

export const batchArchiveBody = z.object({ inputs: z.array(z.object({ id })) });

const filter = z.object({
  propertyName: z.string().min(1),
  operator: z.enum(OPERATORS),
  value: scalar.optional(),
  highValue: scalar.optional(),
  values: z.array(scalar).optional(),
});

export const searchBody = z.object({
  filterGroups: z.array(z.object({ filters: z.array(filter) })).default([]),
  sorts: z
    .array(
      z.union([
        z.string().transform((s) => ({
          propertyName: s.replace(/^-/, ''),
          direction: s.startsWith('-') ? ('DESCENDING' as const) : ('ASCENDING' as const),
        })),
        z.object({
          propertyName: z.string(),
          direction: z.enum(['ASCENDING', 'DESCENDING']).default('ASCENDING'),
        }),
      ]),
    )
    .default([]),
  properties: z.array(z.string()).default([]),
  limit: z.coerce.number().int().default(SEARCH_LIMITS.defaultPageSize),
  after: z
    .union([z.string().regex(/^\d+$/, 'after must be a number'), z.number().int().nonnegative()])
    .transform(Number)
    .optional(),
  query: z.string().optional(),
});

export const mergeBody = z.object({ primaryObjectId: id, objectIdToMerge: id });
export const gdprDeleteBody = z.object({ objectId: id, idProperty: z.string().optional() });

const optionInput = z.object({
  label: z.string(),
  value: z.string(),
  displayOrder: z.number().int().optional(),
  hidden: z.boolean().default(false),
  description: z.string().optional(),
});

export const propertyCreateBody = z.object({
  name: z
    .string()
    .regex(/^[a-z][a-z0-9_]*$/, 'must start with a letter and use lowercase letters, digits and underscores'),
  label: z.string().min(1),
  type: z.enum(PROPERTY_TYPES),
  fieldType: z.enum(FIELD_TYPES),
  groupName: z.string().min(1),
  description: z.string().default(''),
  options: z.array(optionInput).default([]),
  displayOrder: z.number().int().default(-1),
  hasUniqueValue: z.boolean().default(false),
  hidden: z.boolean().default(false),
  formField: z.boolean().default(true),
  calculationFormula: z.string().optional(),
  externalOptions: z.boolean().optional(),
  referencedObjectType: z.string().optional(),
});

export const propertyUpdateBody = z.object({
  label: z.string().min(1).optional(),
  description: z.string().optional(),
  groupName: z.string().min(1).optional(),
  options: z.array(optionInput).optional(),
  displayOrder: z.number().int().optional(),
  hidden: z.boolean().optional(),
  formField: z.boolean().optional(),
  type: z.enum(PROPERTY_TYPES).optional(),
  fieldType: z.enum(FIELD_TYPES).optional(),
});

export const propertyBatchCreateBody = z.object({ inputs: z.array(propertyCreateBody) });
export const propertyBatchReadBody = z.object({
  inputs: z.array(z.object({ name: z.string() })),
  archived: z.boolean().default(false),
});
export const propertyBatchArchiveBody = z.object({ inputs: z.array(z.object({ name: z.string() })) });

export const groupCreateBody = z.object({
  name: z.string().regex(/^[a-z][a-z0-9_]*$/),
  label: z.string().min(1),
  displayOrder: z.number().int().default(-1),
});
export const groupUpdateBody = z.object({
  label: z.string().min(1).optional(),
  displayOrder: z.number().int().optional(),
});

export const listCreateBody = z.object({
  name: z.string().trim().min(1),
  objectTypeId: z.string(),
  processingType: z.enum(['MANUAL', 'DYNAMIC', 'SNAPSHOT']),
  filterBranch: z.unknown().optional(),
  listFolderId: z.number().int().optional(),
  customProperties: z.record(z.string(), z.string()).optional(),
});

export const listSearchBody = z.object({
  query: z.string().optional(),
  processingTypes: z.array(z.enum(['MANUAL', 'DYNAMIC', 'SNAPSHOT'])).optional(),
  listIds: z.array(id).optional(),
  offset: z.number().int().nonnegative().default(0),
  count: z.number().int().min(1).max(500).default(20),
  additionalProperties: z.array(z.string()).optional(),
});

export const recordIds = z.array(id);
export const membershipChangeBody = z.object({
  recordIdsToAdd: z.array(id).default([]),
  recordIdsToRemove: z.array(id).default([]),
});

export const associationBatchReadBody = z.object({
  inputs: z.array(z.object({ id, after: z.string().optional() })),
});
export const associationBatchDefaultBody = z.object({
  inputs: z.array(z.object({ from: z.object({ id }), to: z.object({ id }) })),
});
export const associationBatchCreateBody = z.object({
  inputs: z.array(
    z.object({ from: z.object({ id }), to: z.object({ id }), types: z.array(associationSpec).min(1) }),
  ),
});
export const associationBatchArchiveBody = z.object({
  inputs: z.array(z.object({ from: z.object({ id }), to: z.array(z.object({ id })) })),
});

/** The token endpoint's form; what is missing or wrong is answered in HubSpot's own terms by the route. */
export const tokenForm = z.object({
  grant_type: z.string().optional(),
  client_id: z.string().optional(),
  client_secret: z.string().optional(),
  redirect_uri: z.string().optional(),
  code: z.string().optional(),
  refresh_token: z.string().optional(),
});

export const authorizeQuery = z.object({
  client_id: z.string().optional(),
  redirect_uri: z.string().optional(),
  scope: z.string().default(''),
  optional_scope: z.string().default(''),
  state: z.string().optional(),
});
