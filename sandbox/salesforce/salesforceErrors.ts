// Salesforce's error bodies as its APIs write them. REST: a JSON array [{message, errorCode, fields?}] (jsforce
// turns it into an Error named after errorCode). OAuth: {error, error_description}. Routes throw
// SalesforceError; http/errorHandler.ts writes it.
import type { RecordError } from './model/recordError.ts';

export class SalesforceError extends Error {
  readonly status: number;
  readonly body: unknown;
  readonly headers: Record<string, string>;
  /** 'html' bodies come from the edge (502/504), 'form' from the revoke endpoint, 'text' from identity. */
  readonly format: 'json' | 'html' | 'form' | 'text';

  constructor(
    status: number,
    body: unknown,
    opts: { headers?: Record<string, string>; format?: 'json' | 'html' | 'form' | 'text' } = {},
  ) {
    super(`HTTP ${status}`);
    this.status = status;
    this.body = body;
    this.headers = opts.headers ?? {};
    this.format = opts.format ?? 'json';
  }
}

export function restError(
  status: number,
  errorCode: string,
  message: string,
  fields?: string[],
): SalesforceError {
  return new SalesforceError(status, [{ message, errorCode, ...(fields && { fields }) }]);
}

/** A record error of a single-record call: 400 with the fields the error is about. */
export const recordFailure = (e: RecordError): SalesforceError =>
  restError(400, e.statusCode, e.message, e.fields);

export const notFound = (): SalesforceError =>
  restError(404, 'NOT_FOUND', 'The requested resource does not exist');

export const sessionExpired = (): SalesforceError =>
  restError(401, 'INVALID_SESSION_ID', 'Session expired or invalid');

export const requestLimitExceeded = (headers: Record<string, string> = {}): SalesforceError =>
  new SalesforceError(
    403,
    [{ message: 'TotalRequests Limit exceeded.', errorCode: 'REQUEST_LIMIT_EXCEEDED' }],
    {
      headers,
    },
  );

export const jsonParserError = (message: string): SalesforceError =>
  restError(400, 'JSON_PARSER_ERROR', message);

export function oauthError(error: string, description: string, status = 400): SalesforceError {
  return new SalesforceError(status, { error, error_description: description });
}
