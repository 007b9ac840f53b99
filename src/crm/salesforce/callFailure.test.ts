// Salesforce's error codes (as jsforce throws them) in Baton's kinds.
import { describe, expect, it } from 'vitest';
import { salesforceFailure } from './callFailure.ts';

const thrown = (errorCode: string, message = 'm') =>
  Object.assign(new Error(message), { name: errorCode, errorCode });

describe('Salesforce failures', () => {
  it.each([
    ['INVALID_SESSION_ID', 'auth_invalid', 401],
    ['UNABLE_TO_LOCK_ROW', 'retryable', 503],
    ['SERVER_UNAVAILABLE', 'retryable', 503],
    ['UNKNOWN_EXCEPTION', 'retryable', 503],
    ['NOT_FOUND', 'not_found', 404],
    ['ENTITY_IS_DELETED', 'not_found', 404],
    ['ERROR_HTTP_502', 'retryable', 502],
    ['ERROR_HTTP_404', 'not_found', 404],
    ['INVALID_FIELD', 'permanent', 400],
    ['FIELD_CUSTOM_VALIDATION_EXCEPTION', 'permanent', 400],
  ] as const)('%s → %s', (code, kind, status) => {
    expect(salesforceFailure(thrown(code))).toMatchObject({ kind, status });
  });

  it('the daily allocation used up is rate limited, and waiting seconds does not lift it', () => {
    expect(salesforceFailure(thrown('REQUEST_LIMIT_EXCEEDED', 'TotalRequests Limit exceeded.'))).toEqual({
      kind: 'rate_limited',
      status: 403,
      reason: 'REQUEST_LIMIT_EXCEEDED: TotalRequests Limit exceeded.',
      exhausted: true,
    });
  });

  it('no answer is retryable; anything else is not a failed call', () => {
    expect(salesforceFailure(new TypeError('fetch failed'))).toMatchObject({
      kind: 'retryable',
      status: null,
    });
    expect(salesforceFailure(new Error('read ECONNRESET'))).toMatchObject({ kind: 'retryable' });
    expect(salesforceFailure(new RangeError('oops'))).toBeNull();
    expect(salesforceFailure('text')).toBeNull();
  });
});
