// HubSpot's answers, classified by its module and decided by the neutral retry policy: what Baton does with each.
import { describe, expect, it } from 'vitest';
import { backoffMs, retryDecision, type RetryOptions } from '../retryPolicy.ts';
import { hubspotFailure, retryAfterMs } from './callFailure.ts';

const o: RetryOptions = { maxAttempts: 5, baseDelayMs: 500, maxDelayMs: 30_000, random: () => 0.5 };
const NOW = Date.parse('2026-11-22T12:00:00Z');

/** What @hubspot/api-client throws for an HTTP error (ApiException: code, body, headers). */
const apiException = (code: number, body: unknown = {}, headers: Record<string, string> = {}) =>
  Object.assign(new Error(`HTTP-Code: ${code}`), { code, body, headers });

const decide = (error: unknown, attempt: number) => {
  const failure = hubspotFailure(error, NOW);
  if (!failure) throw new Error('not a failed call');
  return retryDecision(failure, attempt, o);
};

const tenSecondly = {
  status: 'error',
  message: 'You have reached your ten_secondly_rolling limit.',
  errorType: 'RATE_LIMIT',
  correlationId: 'c-1',
  policyName: 'TEN_SECONDLY_ROLLING',
};

describe('HubSpot failures → retry decision', () => {
  it('waits out a rolling ten-second limit: Retry-After first, else the interval header, with ≤10 % jitter', () => {
    expect(decide(apiException(429, tenSecondly, { 'Retry-After': '3' }), 1)).toEqual({
      retry: true,
      kind: 'rate_limited',
      waitMs: 3150,
      reason: 'HTTP 429 TEN_SECONDLY_ROLLING',
    });
    expect(
      decide(apiException(429, tenSecondly, { 'x-hubspot-ratelimit-interval-milliseconds': '10000' }), 2),
    ).toMatchObject({ retry: true, waitMs: 10_500 });
    expect(
      decide(apiException(429, tenSecondly, { 'retry-after': 'Sun, 22 Nov 2026 12:00:05 GMT' }), 1),
    ).toMatchObject({
      waitMs: 5250,
    });
  });

  it('waits a second for the search secondly limit', () => {
    const body = {
      status: 'error',
      message: 'You have reached your secondly limit.',
      errorType: 'RATE_LIMIT',
    };
    expect(decide(apiException(429, body), 1)).toMatchObject({ retry: true, waitMs: 1050 });
  });

  it('never retries the daily limit', () => {
    expect(decide(apiException(429, { ...tenSecondly, policyName: 'DAILY' }), 1)).toEqual({
      retry: false,
      kind: 'rate_limited',
      reason: 'daily API limit reached',
    });
  });

  it.each([
    [apiException(500), 'retryable'],
    [apiException(502), 'retryable'],
    [apiException(503), 'retryable'],
    [apiException(408), 'retryable'],
    [new TypeError('fetch failed'), 'retryable'],
  ] as const)('retries %s with exponential backoff and jitter', (error, kind) => {
    expect(decide(error, 1)).toMatchObject({ retry: true, kind, waitMs: 375 });
    expect(decide(error, 3)).toMatchObject({ retry: true, waitMs: 1500 });
    expect(decide(error, 5)).toMatchObject({ retry: false, kind });
  });

  it.each([
    [400, 'permanent'],
    [409, 'permanent'],
    [422, 'permanent'],
    [401, 'auth_invalid'],
    [403, 'auth_invalid'],
    [404, 'not_found'],
  ] as const)('does not retry %i (%s)', (status, kind) => {
    expect(decide(apiException(status, { message: 'Property values were not valid' }), 1)).toMatchObject({
      retry: false,
      kind,
    });
  });

  it('says why a permanent error failed', () => {
    expect(decide(apiException(400, { message: 'Property "x" does not exist' }), 1).reason).toBe(
      'HTTP 400: Property "x" does not exist',
    );
  });

  it('gives up on 429 after the last attempt', () => {
    expect(decide(apiException(429, tenSecondly), 5)).toMatchObject({ retry: false, kind: 'rate_limited' });
  });

  it('is not a failed call when the SDK threw something else (a bug is rethrown, not retried)', () => {
    expect(hubspotFailure(new RangeError('bad input'), NOW)).toBeNull();
    expect(hubspotFailure('text', NOW)).toBeNull();
  });

  it('reads Retry-After as seconds or a date, ignores garbage', () => {
    expect(retryAfterMs('2', NOW)).toBe(2000);
    expect(retryAfterMs('0.5', NOW)).toBe(500);
    expect(retryAfterMs('Sun, 22 Nov 2026 11:00:00 GMT', NOW)).toBe(0);
    expect(retryAfterMs('soon', NOW)).toBeNull();
    expect(retryAfterMs(undefined, NOW)).toBeNull();
  });

  it('backoff is capped and never below half the ceiling', () => {
    expect(backoffMs(20, { ...o, random: () => 0 })).toBe(15_000);
    expect(backoffMs(20, { ...o, random: () => 0.999999 })).toBe(30_000);
  });
});
