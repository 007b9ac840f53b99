// Why a call to Baton failed, as a closed set, and how to say it to a HubSpot user: in words, never a status code.
import { z } from 'zod';

export interface FieldProblem {
  /** Dotted path of the field, e.g. "note" or "sla.autoRecycleHours". */
  field: string;
  message: string;
}

export type ApiFailure =
  /** Baton refused with its error envelope: its message is meant for people. */
  | { kind: 'refused'; code: string; message: string; problems: FieldProblem[] }
  /** Something answered without Baton's envelope (a proxy, a crash): only the status class is known. */
  | { kind: 'http'; status: number }
  | { kind: 'timeout'; afterMs: number }
  | { kind: 'unreachable' }
  | { kind: 'unexpected_response' };

/** Baton's error envelope (src/web/httpErrors.ts). */
export const errorEnvelopeSchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string().min(1),
    problems: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
  }),
});

export function failureOf(status: number, body: unknown): ApiFailure {
  const envelope = errorEnvelopeSchema.safeParse(body);
  if (!envelope.success) return { kind: 'http', status };
  const { code, message, problems } = envelope.data.error;
  return { kind: 'refused', code, message, problems: problems ?? [] };
}

const TRY_AGAIN_CODES = new Set(['internal', 'unavailable', 'rate_limited']);

function httpInWords(status: number): string {
  if (status === 401 || status === 403)
    return 'HubSpot could not confirm who is asking. Reload the page and try again.';
  if (status === 404) return 'Baton does not know this request. The app may need an update.';
  if (status === 413) return 'The request is too large for Baton.';
  if (status === 429) return 'Baton is busy right now. Try again in a minute.';
  if (status >= 500) return 'Baton is having trouble right now. Try again in a minute.';
  return 'Baton could not handle this request.';
}

export function failureInWords(failure: ApiFailure): string {
  switch (failure.kind) {
    case 'refused':
      return TRY_AGAIN_CODES.has(failure.code)
        ? `${failure.message}. Try again in a minute.`
        : failure.message;
    case 'http':
      return httpInWords(failure.status);
    case 'timeout':
      return `Baton did not answer within ${Math.round(failure.afterMs / 1000)} seconds. Try again.`;
    case 'unreachable':
      return 'Baton could not be reached. Check your connection and try again.';
    case 'unexpected_response':
      return 'Baton answered with something this card does not understand. The app may need an update.';
  }
}

/** Field problems by field; several problems on one field read as one sentence each. */
export function problemsByField(failure: ApiFailure | null): ReadonlyMap<string, string> {
  const byField = new Map<string, string>();
  if (failure?.kind !== 'refused') return byField;
  for (const p of failure.problems) {
    const earlier = byField.get(p.field);
    byField.set(p.field, earlier ? `${earlier}. ${p.message}` : p.message);
  }
  return byField;
}
