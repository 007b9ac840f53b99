// Console pages need a signed-in browser (or the bearer token): without one, pages send it to the login form
// (and back here after), and assets answer 401. The ops API keeps its own check (401 JSON) in requireOpsToken.
// A page shown to a session carries that session's CSRF token (res.locals.csrfToken) for the console's changes.
import type { RequestHandler } from 'express';
import { opsCaller, type OpsAccess } from '../../requireOpsToken.ts';

export function requireConsoleLogin(access: OpsAccess, kind: 'page' | 'asset'): RequestHandler {
  return async (req, res, next) => {
    const caller = await opsCaller(access, req);
    if (caller) {
      if (caller.kind === 'session') res.locals['csrfToken'] = caller.session.csrfToken;
      return next();
    }
    if (kind === 'asset') {
      res.status(401).type('text/plain').send('Sign in to the ops console first.');
      return;
    }
    res.redirect(302, `/ops/login?next=${encodeURIComponent(req.originalUrl)}`);
  };
}
