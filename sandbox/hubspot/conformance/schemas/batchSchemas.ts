// Batch answers of the objects API (200/201 and 207), from PublicApiSpecs/CRM/Objects/Rollouts/424/v3/objects.json:
// `BatchResponseSimplePublicObject`, `BatchResponseSimplePublicObjectWithErrors` and their upsert twins.
// The HubSpot docs' error-handling page says 207 answers batch create when multi-status is asked for (with
// `objectWriteTraceId`); the spec also declares 207 for batch read, update and upsert.
import { z } from 'zod';
import { dateTime, simplePublicObject, simplePublicUpsertObject } from './crmObjectSchemas.ts';
import { standardError } from './errorSchemas.ts';

/** The spec's `status` enum (spelled CANCELED; one description says CANCELLED). */
export const BATCH_STATUSES = ['CANCELED', 'COMPLETE', 'PENDING', 'PROCESSING'] as const;

/** Fields every batch answer has: status, results, startedAt and completedAt required. */
function batchResponse<T extends z.ZodType>(result: T) {
  return z.looseObject({
    status: z.enum(BATCH_STATUSES),
    results: z.array(result),
    startedAt: dateTime,
    completedAt: dateTime,
    requestedAt: dateTime.optional(),
    links: z.record(z.string(), z.string()).optional(),
  });
}

/** The `…WithErrors` variant: `errors` (spec `StandardError`) and `numErrors` optional in the spec. */
function withErrors<T extends z.ZodType>(result: T) {
  return batchResponse(result).extend({
    errors: z.array(standardError).optional(),
    numErrors: z.number().int().nonnegative().optional(),
  });
}

/** Spec `BatchResponseSimplePublicObject` (200 read/update, 201 create). */
export const batchResponseSimplePublicObject = batchResponse(simplePublicObject);

/** Spec `BatchResponseSimplePublicObjectWithErrors` (207). */
export const batchResponseSimplePublicObjectWithErrors = withErrors(simplePublicObject);

/** Spec `BatchResponseSimplePublicUpsertObject` (200 upsert). */
export const batchResponseSimplePublicUpsertObject = batchResponse(simplePublicUpsertObject);

/** Spec `BatchResponseSimplePublicUpsertObjectWithErrors` (207 upsert). */
export const batchResponseSimplePublicUpsertObjectWithErrors = withErrors(simplePublicUpsertObject);
