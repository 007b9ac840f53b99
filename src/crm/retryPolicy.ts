// Whether and when to retry a failed CRM call: a pure decision (the failure as its CRM classified it, attempt →
// wait or give up), kept apart from the loop that sleeps. It knows no CRM: each provider turns what its client
// threw into a CallFailure (crm/hubspot/callFailure.ts, crm/salesforce/callFailure.ts).
import type { CrmErrorKind } from './port.ts';

/** A failed call, classified into Baton's closed set of kinds by the CRM's own module. */
export interface CallFailure {
  kind: CrmErrorKind;
  /** HTTP status, or null when no answer came back (network error, timeout). */
  status: number | null;
  /** In words, for the sync log and the error: "HTTP 429 TEN_SECONDLY_ROLLING", "no response". */
  reason: string;
  /** How long the CRM asked to wait (Retry-After, its rate window); absent: back off exponentially. */
  waitMs?: number;
  /** A limit that waiting seconds does not lift (a daily allocation): give up now, the next run tries again. */
  exhausted?: boolean;
}

export type RetryDecision =
  | { retry: true; waitMs: number; reason: string; kind: CrmErrorKind }
  | { retry: false; reason: string; kind: CrmErrorKind };

export interface RetryOptions {
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** [0, 1): jitter source, injected so tests are exact. */
  random: () => number;
}

export const DEFAULT_RETRY: Omit<RetryOptions, 'random'> = {
  maxAttempts: 5,
  baseDelayMs: 500,
  maxDelayMs: 30_000,
};

/** Exponential backoff with full jitter, capped. */
export function backoffMs(attempt: number, o: RetryOptions): number {
  const ceiling = Math.min(o.maxDelayMs, o.baseDelayMs * 2 ** (attempt - 1));
  return Math.round(ceiling / 2 + (ceiling / 2) * o.random());
}

export function retryDecision(failure: CallFailure, attempt: number, o: RetryOptions): RetryDecision {
  const { kind, reason } = failure;
  if (kind !== 'rate_limited' && kind !== 'retryable') return { retry: false, kind, reason };
  if (failure.exhausted) return { retry: false, kind, reason };
  if (attempt >= o.maxAttempts) {
    const what = kind === 'rate_limited' ? 'rate limited' : reason;
    return { retry: false, kind, reason: `${what} after ${attempt} attempts` };
  }
  // The CRM's own wait, with up to 10 % jitter so a burst of callers does not come back at once.
  const waitMs =
    failure.waitMs === undefined
      ? backoffMs(attempt, o)
      : Math.round(failure.waitMs * (1 + 0.1 * o.random()));
  return { retry: true, kind, waitMs, reason };
}

/** What an HTTP status means by itself, the same for every CRM: the provider adds what its bodies say. */
export function httpFailure(status: number | null, detail?: string): CallFailure {
  if (status === null) return { kind: 'retryable', status, reason: detail ?? 'no response' };
  if (status === 401) return { kind: 'auth_invalid', status, reason: 'HTTP 401: token rejected' };
  if (status === 403) return { kind: 'auth_invalid', status, reason: 'HTTP 403: missing scope or access' };
  if (status === 404) return { kind: 'not_found', status, reason: 'HTTP 404' };
  if (status === 429) return { kind: 'rate_limited', status, reason: 'HTTP 429 rate limit' };
  if (status === 408 || status >= 500) return { kind: 'retryable', status, reason: `HTTP ${status}` };
  return { kind: 'permanent', status, reason: `HTTP ${status}${detail ? `: ${detail}` : ''}` };
}
