import { describe, expect, it } from 'vitest';
import {
  backoffMs,
  retryAfterMs,
  retryDecision,
  type CallFailure,
  type RetryOptions,
} from './retryPolicy.ts';

const o: RetryOptions = { maxAttempts: 5, baseDelayMs: 500, maxDelayMs: 30_000, random: () => 0.5 };
const NOW = Date.parse('2026-11-22T12:00:00Z');
const fail = (
  status: number | null,
  body: unknown = {},
  headers: Record<string, string> = {},
): CallFailure => ({
  status,
  body,
  headers,
});
const tenSecondly = {
  status: 'error',
  message: 'You have reached your ten_secondly_rolling limit.',
  errorType: 'RATE_LIMIT',
  correlationId: 'c-1',
  policyName: 'TEN_SECONDLY_ROLLING',
};

describe('retry decision', () => {
  it('waits out a rolling ten-second limit: Retry-After first, else the interval header, with ≤10 % jitter', () => {
    expect(retryDecision(fail(429, tenSecondly, { 'retry-after': '3' }), 1, o, NOW)).toEqual({
      retry: true,
      kind: 'rate_limited',
      waitMs: 3150,
      reason: 'HTTP 429 TEN_SECONDLY_ROLLING',
    });
    expect(
      retryDecision(
        fail(429, tenSecondly, { 'x-hubspot-ratelimit-interval-milliseconds': '10000' }),
        2,
        o,
        NOW,
      ),
    ).toMatchObject({ retry: true, waitMs: 10_500 });
    expect(
      retryDecision(fail(429, tenSecondly, { 'retry-after': 'Sun, 22 Nov 2026 12:00:05 GMT' }), 1, o, NOW),
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
    expect(retryDecision(fail(429, body), 1, o, NOW)).toMatchObject({ retry: true, waitMs: 1050 });
  });

  it('never retries the daily limit', () => {
    expect(retryDecision(fail(429, { ...tenSecondly, policyName: 'DAILY' }), 1, o, NOW)).toEqual({
      retry: false,
      kind: 'rate_limited',
      reason: 'daily API limit reached',
    });
  });

  it.each([
    [500, 'retryable'],
    [502, 'retryable'],
    [503, 'retryable'],
    [408, 'retryable'],
    [null, 'retryable'],
  ] as const)('retries %s with exponential backoff and jitter', (status, kind) => {
    expect(retryDecision(fail(status), 1, o, NOW)).toMatchObject({ retry: true, kind, waitMs: 375 });
    expect(retryDecision(fail(status), 3, o, NOW)).toMatchObject({ retry: true, waitMs: 1500 });
    expect(retryDecision(fail(status), 5, o, NOW)).toMatchObject({ retry: false, kind });
  });

  it.each([
    [400, 'permanent'],
    [409, 'permanent'],
    [422, 'permanent'],
    [401, 'auth_invalid'],
    [403, 'auth_invalid'],
    [404, 'not_found'],
  ] as const)('does not retry %i (%s)', (status, kind) => {
    expect(
      retryDecision(fail(status, { message: 'Property values were not valid' }), 1, o, NOW),
    ).toMatchObject({
      retry: false,
      kind,
    });
  });

  it('says why a permanent error failed', () => {
    expect(retryDecision(fail(400, { message: 'Property "x" does not exist' }), 1, o, NOW).reason).toBe(
      'HTTP 400: Property "x" does not exist',
    );
  });

  it('gives up on 429 after the last attempt', () => {
    expect(retryDecision(fail(429, tenSecondly), 5, o, NOW)).toMatchObject({
      retry: false,
      kind: 'rate_limited',
    });
  });

  it('backoff is capped and never below half the ceiling', () => {
    expect(backoffMs(20, { ...o, random: () => 0 })).toBe(15_000);
    expect(backoffMs(20, { ...o, random: () => 0.999999 })).toBe(30_000);
  });

  it('reads Retry-After as seconds or a date, ignores garbage', () => {
    expect(retryAfterMs('2', NOW)).toBe(2000);
    expect(retryAfterMs('0.5', NOW)).toBe(500);
    expect(retryAfterMs('Sun, 22 Nov 2026 11:00:00 GMT', NOW)).toBe(0);
    expect(retryAfterMs('soon', NOW)).toBeNull();
    expect(retryAfterMs(undefined, NOW)).toBeNull();
  });
});
