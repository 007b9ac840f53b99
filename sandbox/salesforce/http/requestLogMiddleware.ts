// Records every request once it is answered (or abandoned): method, path, org, user, client, status, timing.
import type { RequestHandler } from 'express';
import { countRecords } from '../state/requestLog.ts';
import type { SalesforceState } from '../state/salesforceState.ts';
import { callOptionsClient } from './callOptions.ts';
import { findAuth, requestNote } from './requestContext.ts';

export function logRequests(state: SalesforceState): RequestHandler {
  return (req, res, next) => {
    const at = state.clock.now();
    const started = performance.now();
    const path = req.path;
    const query = req.originalUrl.includes('?')
      ? req.originalUrl.slice(req.originalUrl.indexOf('?') + 1)
      : '';
    let logged = false;
    const log = (): void => {
      if (logged) return;
      logged = true;
      const auth = findAuth(req);
      const note = requestNote(req);
      const client = callOptionsClient(req);
      const autoAssign = req.get('sforce-auto-assign');
      const ids = typeof req.query.ids === 'string' ? req.query.ids.split(',').length : 0;
      state.requests.add({
        method: req.method,
        path,
        query,
        ...(auth && { orgId: auth.org.id, userId: auth.token.userId }),
        ...(client !== undefined && { client }),
        ...(autoAssign !== undefined && { autoAssign }),
        status: res.headersSent ? res.statusCode : 0,
        at,
        durationMs: Math.round(performance.now() - started),
        records: ids || (req.method === 'GET' ? 0 : countRecords(req.body)),
        ...(note !== undefined && { note }),
      });
    };
    res.on('finish', log);
    res.on('close', log);
    next();
  };
}
