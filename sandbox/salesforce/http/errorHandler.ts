// Writes errors the way Salesforce does: SalesforceError as is; unreadable JSON, zod failures and values of the
// wrong type as 400 JSON_PARSER_ERROR; a record error of a single-record call as 400 with its fields;
// anything unexpected as 500 UNKNOWN_EXCEPTION (kept for tests to inspect).
import type { ErrorRequestHandler, RequestHandler } from 'express';
import { ZodError } from 'zod';
import { InputTypeError } from '../model/fieldValues.ts';
import { RecordError } from '../model/recordError.ts';
import { jsonParserError, notFound, recordFailure, restError, SalesforceError } from '../salesforceErrors.ts';

function fromBodyParser(err: unknown): SalesforceError | undefined {
  if (typeof err !== 'object' || err === null || !('type' in err)) return undefined;
  const message = err instanceof Error ? err.message : 'unreadable body';
  if (err.type === 'entity.parse.failed') return jsonParserError(`Unexpected character: ${message}`);
  if (err.type === 'entity.too.large')
    return restError(413, 'REQUEST_ENTITY_TOO_LARGE', 'Request entity too large');
  return undefined;
}

export function toSalesforceError(err: unknown): SalesforceError | undefined {
  if (err instanceof SalesforceError) return err;
  if (err instanceof RecordError) return recordFailure(err);
  if (err instanceof InputTypeError) return jsonParserError(err.message);
  if (err instanceof ZodError) {
    return jsonParserError(err.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; '));
  }
  return fromBodyParser(err);
}

export function errorHandler(onInternalError: (err: unknown) => void): ErrorRequestHandler {
  return (err: unknown, _req, res, _next) => {
    const e = toSalesforceError(err);
    if (!e) {
      onInternalError(err);
      res.status(500).json([{ message: 'An unexpected error occurred.', errorCode: 'UNKNOWN_EXCEPTION' }]);
      return;
    }
    res.status(e.status).set(e.headers);
    if (e.format === 'html') res.type('html').send(String(e.body));
    else if (e.format === 'text') res.type('text/plain').send(String(e.body));
    else if (e.format === 'form') res.type('application/x-www-form-urlencoded').send(String(e.body));
    else res.json(e.body);
  };
}

export const unknownRoute: RequestHandler = () => {
  throw notFound();
};
