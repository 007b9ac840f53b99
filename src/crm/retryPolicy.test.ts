// The retry decision knows no CRM: a classified failure and the attempt decide the wait or the end.
import { describe, expect, it } from 'vitest';
import { httpFailure, retryDecision, type RetryOptions } from './retryPolicy.ts';

const o: RetryOptions = { maxAttempts: 5, baseDelayMs: 500, maxDelayMs: 30_000, random: () => 0.5 };

describe('retry decision', () => {
  it('waits what the CRM asked, with up to 10 % jitter', () => {
    expect(
      retryDecision({ kind: 'rate_limited', status: 429, reason: 'HTTP 429 x', waitMs: 2000 }, 1, o),
    ).toEqual({ retry: true, kind: 'rate_limited', waitMs: 2100, reason: 'HTTP 429 x' });
  });

  it('backs off exponentially when the CRM said nothing', () => {
    expect(retryDecision({ kind: 'rate_limited', status: 429, reason: 'r' }, 2, o)).toMatchObject({
      retry: true,
      waitMs: 750,
    });
    expect(retryDecision(httpFailure(503), 4, o)).toMatchObject({ retry: true, waitMs: 3000 });
  });

  it('gives up at once on a limit waiting does not lift', () => {
    expect(
      retryDecision({ kind: 'rate_limited', status: 403, reason: 'daily', exhausted: true }, 1, o),
    ).toEqual({ retry: false, kind: 'rate_limited', reason: 'daily' });
  });

  it('gives up after the last attempt and says so', () => {
    expect(retryDecision(httpFailure(503), 5, o)).toEqual({
      retry: false,
      kind: 'retryable',
      reason: 'HTTP 503 after 5 attempts',
    });
    expect(retryDecision(httpFailure(null), 5, o).reason).toBe('no response after 5 attempts');
    expect(retryDecision({ kind: 'rate_limited', status: 429, reason: 'r', waitMs: 1 }, 5, o).reason).toBe(
      'rate limited after 5 attempts',
    );
  });

  it.each(['auth_invalid', 'not_found', 'permanent'] as const)('never retries %s', (kind) => {
    expect(retryDecision({ kind, status: 400, reason: 'why' }, 1, o)).toEqual({
      retry: false,
      kind,
      reason: 'why',
    });
  });

  it.each([
    [null, 'retryable', 'no response'],
    [401, 'auth_invalid', 'HTTP 401: token rejected'],
    [403, 'auth_invalid', 'HTTP 403: missing scope or access'],
    [404, 'not_found', 'HTTP 404'],
    [408, 'retryable', 'HTTP 408'],
    [429, 'rate_limited', 'HTTP 429 rate limit'],
    [500, 'retryable', 'HTTP 500'],
    [422, 'permanent', 'HTTP 422: detail'],
  ] as const)('HTTP %s alone means %s', (status, kind, reason) => {
    expect(httpFailure(status, 'detail')).toMatchObject({
      kind,
      reason: status === null ? 'detail' : reason,
    });
    if (status !== null) expect(httpFailure(status, 'detail').reason).toBe(reason);
  });
});
