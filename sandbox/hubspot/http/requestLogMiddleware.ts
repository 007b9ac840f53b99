// Records every request once it is answered (or abandoned): method, path, portal, status, timing, records.
import type { RequestHandler } from 'express';
import { countRecords } from '../state/requestLog.ts';
import type { SandboxState } from '../state/sandboxState.ts';
import { findAuth, requestNote } from './requestContext.ts';

export function logRequests(state: SandboxState): RequestHandler {
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
      state.requests.add({
        method: req.method,
        path,
        query,
        ...(auth && { portalId: auth.portal.id, appId: auth.app.appId }),
        status: res.headersSent ? res.statusCode : 0,
        at,
        durationMs: Math.round(performance.now() - started),
        records: countRecords(req.body),
        ...(note !== undefined && { note }),
      });
    };
    res.on('finish', log);
    res.on('close', log);
    next();
  };
}
