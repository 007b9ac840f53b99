// The one place error kinds become HTTP statuses, with the envelope { error: { code, message, problems? } }.
import type { ErrorRequestHandler } from 'express';
import { ZodError } from 'zod';
import { BatonError, type ErrorKind } from '../errors.ts';
import type { Logger } from '../logger.ts';

const STATUS: Record<ErrorKind, number> = {
  invalid_input: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  rate_limited: 429,
  unavailable: 503,
  internal: 500,
};

export function statusOf(kind: ErrorKind): number {
  return STATUS[kind];
}

/** Marks a body the client sent that could not be decoded, so the handler logs it at info, not as our failure. */
export const UNDECODABLE_BODY =
  'The request body could not be decoded (its Content-Encoding does not match its bytes)';

/** Express's own body-parser errors carry a `type`; they are the client's fault, not ours. */
function fromExpress(err: unknown): BatonError | null {
  if (typeof err !== 'object' || err === null) return null;
  // A body whose Content-Encoding (gzip, deflate, br, zstd) does not decode: body-parser passes the decoder's own
  // error on as a 400 without a `type` (body-parser 2 lib/read.js); zlib's errors carry a numeric errno.
  if (
    !('type' in err) &&
    'status' in err &&
    err.status === 400 &&
    'errno' in err &&
    typeof err.errno === 'number'
  )
    return new BatonError('invalid_input', UNDECODABLE_BODY, { cause: err });
  if (!('type' in err)) return null;
  switch (err.type) {
    case 'entity.too.large':
      return new BatonError('payload_too_large', 'The request body is too large');
    case 'entity.parse.failed':
      return new BatonError('invalid_input', 'The request body is not valid JSON');
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return new BatonError('invalid_input', 'The request body encoding is not supported');
    default:
      return null;
  }
}

export function toBatonError(err: unknown): BatonError {
  if (err instanceof BatonError) return err;
  if (err instanceof ZodError) {
    return new BatonError('invalid_input', 'The request does not have the expected shape', {
      problems: err.issues.map((i) => ({
        field: i.path.map(String).join('.') || '(body)',
        message: i.message,
      })),
    });
  }
  // The router's own error for a path parameter that does not decode (a malformed percent-escape, status 400).
  if (err instanceof URIError && 'status' in err && err.status === 400)
    return new BatonError('invalid_input', 'The URL holds a malformed percent-escape (%XX)', { cause: err });
  return fromExpress(err) ?? new BatonError('internal', 'Something went wrong on our side', { cause: err });
}

export function errorHandler(log: Logger): ErrorRequestHandler {
  return (err: unknown, req, res, _next) => {
    const e = toBatonError(err);
    if (e.kind === 'internal') log.error({ err }, 'request failed');
    else if (e.message === UNDECODABLE_BODY)
      log.info({ path: req.path }, 'request body could not be decoded');
    res.status(statusOf(e.kind)).json({
      error: { code: e.kind, message: e.message, ...(e.problems.length > 0 && { problems: e.problems }) },
    });
  };
}
