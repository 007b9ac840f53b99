// Whether and when to retry a failed CRM call: a pure decision (status, rate-limit policy, Retry-After,
// attempt → wait or give up), kept apart from the loop that sleeps. Honours HubSpot's 429 policy names:
// a rolling ten-second window passes, a daily limit does not.
import type { CrmErrorKind } from './port.ts';

export interface CallFailure {
  /** HTTP status, or null when no response came back (network error, timeout). */
  status: number | null;
  headers: Readonly<Record<string, string | undefined>>;
  body: unknown;
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

const field = (body: unknown, name: string): string | undefined => {
  if (typeof body !== 'object' || body === null || !(name in body)) return undefined;
  const value = (body as Record<string, unknown>)[name];
  return typeof value === 'string' ? value : undefined;
};

/** Retry-After in seconds or as an HTTP date, in ms from `nowMs`. */
export function retryAfterMs(header: string | undefined, nowMs: number): number | null {
  if (!header) return null;
  if (/^\d+(\.\d+)?$/.test(header.trim())) return Math.round(Number(header) * 1000);
  const at = Date.parse(header);
  return Number.isNaN(at) ? null : Math.max(0, at - nowMs);
}

/** Exponential backoff with full jitter, capped. */
export function backoffMs(attempt: number, o: RetryOptions): number {
  const ceiling = Math.min(o.maxDelayMs, o.baseDelayMs * 2 ** (attempt - 1));
  return Math.round(ceiling / 2 + (ceiling / 2) * o.random());
}

export function retryDecision(
  failure: CallFailure,
  attempt: number,
  o: RetryOptions,
  nowMs: number,
): RetryDecision {
  const { status } = failure;
  const exhausted = attempt >= o.maxAttempts;
  if (status === 401) return { retry: false, kind: 'auth_invalid', reason: 'HTTP 401: token rejected' };
  if (status === 403)
    return { retry: false, kind: 'auth_invalid', reason: 'HTTP 403: missing scope or access' };
  if (status === 404) return { retry: false, kind: 'not_found', reason: 'HTTP 404' };
  if (status === 429) {
    const policy = field(failure.body, 'policyName');
    if (policy === 'DAILY') return { retry: false, kind: 'rate_limited', reason: 'daily API limit reached' };
    if (exhausted)
      return { retry: false, kind: 'rate_limited', reason: `rate limited after ${attempt} attempts` };
    const secondly = /secondly limit/i.test(field(failure.body, 'message') ?? '');
    const interval = Number(failure.headers['x-hubspot-ratelimit-interval-milliseconds']) || 10_000;
    const told = retryAfterMs(failure.headers['retry-after'], nowMs);
    const base = told ?? (secondly ? 1_000 : interval);
    return {
      retry: true,
      kind: 'rate_limited',
      waitMs: Math.round(base * (1 + 0.1 * o.random())),
      reason: `HTTP 429 ${policy ?? (secondly ? 'SECONDLY' : 'rate limit')}`,
    };
  }
  const transient = status === null || status === 408 || status >= 500;
  if (transient) {
    const what = status === null ? 'no response' : `HTTP ${status}`;
    if (exhausted) return { retry: false, kind: 'retryable', reason: `${what} after ${attempt} attempts` };
    return { retry: true, kind: 'retryable', waitMs: backoffMs(attempt, o), reason: what };
  }
  return {
    retry: false,
    kind: 'permanent',
    reason: `HTTP ${status}${field(failure.body, 'message') ? `: ${field(failure.body, 'message')}` : ''}`,
  };
}
