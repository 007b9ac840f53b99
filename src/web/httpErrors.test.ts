import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { BatonError, ERROR_KINDS } from '../errors.ts';
import { statusOf, toBatonError, UNDECODABLE_BODY } from './httpErrors.ts';

describe('error kinds → HTTP', () => {
  it.each([
    ['invalid_input', 400],
    ['unauthenticated', 401],
    ['forbidden', 403],
    ['not_found', 404],
    ['conflict', 409],
    ['payload_too_large', 413],
    ['rate_limited', 429],
    ['unavailable', 503],
    ['internal', 500],
  ] as const)('%s → %i', (kind, status) => {
    expect(statusOf(kind)).toBe(status);
  });

  it('covers every kind', () => {
    for (const kind of ERROR_KINDS) expect(statusOf(kind)).toBeGreaterThanOrEqual(400);
  });

  it('turns zod errors into invalid_input with the fields named', () => {
    const parsed = z.object({ reason: z.string() }).safeParse({ reason: 3 });
    const e = toBatonError(parsed.error);
    expect(e.kind).toBe('invalid_input');
    expect(e.problems).toEqual([{ field: 'reason', message: expect.any(String) }]);
  });

  it('maps body-parser failures to client errors and hides anything else as internal', () => {
    expect(toBatonError(Object.assign(new Error('x'), { type: 'entity.too.large' })).kind).toBe(
      'payload_too_large',
    );
    expect(toBatonError(Object.assign(new Error('x'), { type: 'entity.parse.failed' })).kind).toBe(
      'invalid_input',
    );
    const internal = toBatonError(new Error('password=hunter2 in a stack'));
    expect(internal.kind).toBe('internal');
    expect(internal.message).not.toContain('hunter2');
    expect(toBatonError(new BatonError('conflict', 'no')).kind).toBe('conflict');
  });

  it("maps a body that does not decode (zlib's error, as body-parser passes it) to invalid_input in Baton's words", async () => {
    const { gunzipSync } = await import('node:zlib');
    let zlibError: unknown;
    try {
      gunzipSync(Buffer.from('not gzip'));
    } catch (e) {
      zlibError = e;
    }
    const e = toBatonError(Object.assign(zlibError as Error, { status: 400, expose: true }));
    expect(e.kind).toBe('invalid_input');
    expect(e.message).toBe(UNDECODABLE_BODY);
    // The same error without body-parser's 400 is not the client's: it stays internal.
    expect(toBatonError(Object.assign(new Error('disk'), { errno: -5, code: 'EIO' })).kind).toBe('internal');
  });

  it("maps the router's URIError for a path parameter that does not decode to invalid_input, not internal", () => {
    const routerError = Object.assign(new URIError("Failed to decode param '%ZZ'"), { status: 400 });
    expect(toBatonError(routerError).kind).toBe('invalid_input');
    expect(toBatonError(new URIError('URI malformed')).kind).toBe('internal');
  });
});
