// Console pages need a logged-in browser: without one, pages send it to the login form (and back here after),
// and assets answer 401. The ops API keeps its own check (401 JSON) in requireOpsToken.
import type { RequestHandler } from 'express';
import { hasOpsAccess } from '../../requireOpsToken.ts';

export function requireConsoleLogin(opsToken: string | null, kind: 'page' | 'asset'): RequestHandler {
  return (req, res, next) => {
    if (hasOpsAccess(opsToken, req)) return next();
    if (kind === 'asset') {
      res.status(401).type('text/plain').send('Sign in to the ops console first.');
      return;
    }
    res.redirect(302, `/ops/login?next=${encodeURIComponent(req.originalUrl)}`);
  };
}
