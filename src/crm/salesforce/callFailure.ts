// Salesforce's failures in Baton's closed set of kinds. Salesforce answers errors as [{ errorCode, message }];
// jsforce throws them with that code as the error's name (ERROR_HTTP_<status> when the body had none).
// https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/errorcodes.htm
import { httpFailure, type CallFailure } from '../retryPolicy.ts';

/** Error codes whose meaning is an HTTP status Baton's kinds already know. */
const AS_STATUS: Readonly<Record<string, number>> = {
  INVALID_SESSION_ID: 401,
  UNABLE_TO_LOCK_ROW: 503,
  SERVER_UNAVAILABLE: 503,
  UNKNOWN_EXCEPTION: 503,
  NOT_FOUND: 404,
  ENTITY_IS_DELETED: 404,
};

/** The code Salesforce gave the failure (jsforce puts it in errorCode or the error's name). */
const codeOf = (error: Error): string =>
  'errorCode' in error && typeof error.errorCode === 'string' ? error.errorCode : error.name;

/** A failed Salesforce call as Baton's retry policy and error kinds see it; null when it was not a failed call. */
export function salesforceFailure(error: unknown): CallFailure | null {
  if (!(error instanceof Error)) return null;
  const code = codeOf(error);
  const http = /^ERROR_HTTP_(\d{3})$/.exec(code);
  if (http) return httpFailure(Number(http[1]), error.message);
  // The org's rolling 24-hour allocation is used up (or too many long requests run): waiting seconds does not
  // help; the next flush tries again. Baton slows down before it gets here (Sforce-Limit-Info).
  if (code === 'REQUEST_LIMIT_EXCEEDED')
    return { kind: 'rate_limited', status: 403, reason: `${code}: ${error.message}`, exhausted: true };
  const status = AS_STATUS[code];
  if (status !== undefined)
    return { ...httpFailure(status, error.message), reason: `${code}: ${error.message}` };
  if (/fetch failed|ECONNRE|ETIMEDOUT|socket/i.test(error.message)) return httpFailure(null);
  return /^[A-Z_]+$/.test(code) ? httpFailure(400, `${code}: ${error.message}`) : null;
}
