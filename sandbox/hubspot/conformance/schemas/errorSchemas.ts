// HubSpot's error bodies, written from the published OpenAPI files (HubSpot/HubSpot-public-api-spec-collection,
// read at 99893791, not copied). Every CRM spec read here declares the same `Error`, `ErrorDetail` and
// `StandardError`: PublicApiSpecs/CRM/Objects/Rollouts/424/v3/objects.json (identical in …/2026-03/objects.json
// and CRM/Contacts/Rollouts/424/v3/contacts.json), CRM/Lists/Rollouts/144891/v3/lists.json,
// CRM/Properties/Rollouts/145899/v3/properties.json and CRM/Crm Owners/Rollouts/146888/v3/crmOwners.json.
// The spec forbids no extra fields, so neither do these schemas (looseObject).
import { z } from 'zod';

/** `context` in `Error`, `ErrorDetail` and `StandardError`: a map of names to lists of strings. */
export const errorContext = z.record(z.string(), z.array(z.string()));

/** Spec `ErrorDetail` (objects.json): only `message` is required. */
export const errorDetail = z.looseObject({
  message: z.string(),
  code: z.string().optional(),
  in: z.string().optional(),
  context: errorContext.optional(),
  subCategory: z.string().optional(),
});

/**
 * Spec `Error` (objects.json), the `default` answer of every operation: `category`, `correlationId` (uuid) and
 * `message` are required. `status: "error"` is not in the spec but is in the example of the docs' error-handling
 * page, which also says to treat every field as optional when parsing; the sandbox always sends it.
 */
export const hubspotError = z.looseObject({
  status: z.literal('error').optional(),
  category: z.string().min(1),
  correlationId: z.uuid(),
  message: z.string().min(1),
  context: errorContext.optional(),
  errors: z.array(errorDetail).optional(),
  links: z.record(z.string(), z.string()).optional(),
  subCategory: z.string().optional(),
});

/**
 * Spec `StandardError` (objects.json, lists.json), one entry of a 207's `errors`: status, category, message,
 * context, errors and links all required. Captures of HubSpot's 207s (third-party code) show only status,
 * category, message and context; the spec wins here. The spec describes `status` as the HTTP status code,
 * captures show "error": both are strings, so any string passes. `subCategory` is an object in this schema
 * (a string in `Error`).
 */
export const standardError = z.looseObject({
  status: z.string().min(1),
  category: z.string().min(1),
  message: z.string().min(1),
  context: errorContext,
  errors: z.array(errorDetail),
  links: z.record(z.string(), z.string()),
  id: z.string().optional(),
  subCategory: z.record(z.string(), z.unknown()).optional(),
});
