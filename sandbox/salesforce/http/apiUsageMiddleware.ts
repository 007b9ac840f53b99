// Counts the call against the org's daily allocation and says so in Sforce-Limit-Info (api-usage=N/MAX), which
// jsforce parses into conn.limitInfo.apiUsage. Over the allocation: 403 REQUEST_LIMIT_EXCEEDED, not counted.
import type { Request, RequestHandler, Response } from 'express';
import { requestLimitExceeded } from '../salesforceErrors.ts';
import { authOf, noteRequest } from './requestContext.ts';

export function limitInfo(req: Request): string {
  const { org } = authOf(req);
  return `api-usage=${org.apiUsage.used(org.now())}/${org.apiUsage.limit}`;
}

export const countApiUsage: RequestHandler = (req: Request, res: Response, next) => {
  const { org } = authOf(req);
  if (!org.apiUsage.tryCount(org.now())) {
    noteRequest(req, 'limit_exceeded');
    throw requestLimitExceeded({ 'Sforce-Limit-Info': limitInfo(req) });
  }
  res.set('Sforce-Limit-Info', limitInfo(req));
  next();
};
