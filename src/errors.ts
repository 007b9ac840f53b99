// The closed set of error kinds Baton reports. Only src/web/httpErrors.ts maps them to HTTP statuses.

export const ERROR_KINDS = [
  'invalid_input', // the request or payload does not parse
  'unauthenticated', // no valid signature or login
  'forbidden', // authenticated, but not for this tenant or record
  'not_found',
  'conflict', // the state does not allow it (e.g. a lead that cannot be returned)
  'payload_too_large',
  'rate_limited',
  'unavailable', // a dependency (database, CRM) is down
  'internal',
] as const;
export type ErrorKind = (typeof ERROR_KINDS)[number];

export interface FieldProblem {
  field: string;
  message: string;
}

export class BatonError extends Error {
  readonly kind: ErrorKind;
  readonly problems: FieldProblem[];

  constructor(kind: ErrorKind, message: string, opts: { problems?: FieldProblem[]; cause?: unknown } = {}) {
    super(message, { cause: opts.cause });
    this.kind = kind;
    this.problems = opts.problems ?? [];
  }
}
