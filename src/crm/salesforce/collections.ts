// sObject Collections: at most 200 records per call, and an answer per record (one refused record does not fail
// the others). Turns those answers into the port's RecordResults.
import { z } from 'zod';
import { CrmError, type CrmErrorKind, type RecordResult } from '../port.ts';
import { plain } from './soql.ts';

/** sObject Collections take at most 200 records per call. */
export const COLLECTION_LIMIT = 200;

export const chunks = <T>(items: readonly T[], size: number): T[][] =>
  Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, i * size + size));

/** Salesforce's answer for one record of a write. */
export const saveResult = z.object({
  id: z.string().nullable().optional(),
  success: z.boolean(),
  errors: z.array(z.object({ statusCode: z.string().optional(), message: z.string() })).default([]),
});

/** The per-record answers of a collection write, in the order of `ids`. */
/**
 * Per-record error codes (errorcodes.htm) that are not permanent: a deleted or unknown record is gone; a row another
 * transaction holds (UNABLE_TO_LOCK_ROW) is free again later, so the write stays pending for the next flush.
 */
const RECORD_ERROR_KINDS: Readonly<Record<string, CrmErrorKind>> = {
  ENTITY_IS_DELETED: 'not_found',
  INVALID_CROSS_REFERENCE_KEY: 'not_found',
  UNABLE_TO_LOCK_ROW: 'retryable',
};

/** A validation rule's refusal ("FIELD_CUSTOM_VALIDATION_EXCEPTION: <the rule's message>"), as its message. */
export const validationRuleMessage = (error: string): string | null =>
  /FIELD_CUSTOM_VALIDATION_EXCEPTION: ([^\n]+)/.exec(error)?.[1]?.trim() ?? null;

export function recordResults(ids: readonly string[], raw: unknown): RecordResult[] {
  const parsed = z.array(saveResult).parse(plain(Array.isArray(raw) ? raw : [raw]));
  return ids.map((id, i) => {
    const r = parsed[i];
    if (r?.success) return { id, ok: true };
    const first = r?.errors[0];
    const kind = RECORD_ERROR_KINDS[first?.statusCode ?? ''] ?? 'permanent';
    return {
      id,
      ok: false,
      error: new CrmError(
        kind,
        `${first?.statusCode ?? 'ERROR'}: ${first?.message ?? 'Salesforce refused this record'}`,
      ),
    };
  });
}

/** A call that failed as a whole fails each of its records; anything but a CrmError is rethrown. */
export function eachFailed(ids: readonly string[], error: unknown): RecordResult[] {
  if (!(error instanceof CrmError)) throw error;
  return ids.map((id) => ({ id, ok: false as const, error }));
}
