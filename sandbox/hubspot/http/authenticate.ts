// Bearer tokens on every CRM call: missing or unknown → 401 INVALID_AUTHENTICATION, expired → 401
// EXPIRED_AUTHENTICATION. A token only ever sees its own portal.
import type { RequestHandler } from 'express';
import { expiredAuthentication, invalidAuthentication, missingScopes } from '../hubspotErrors.ts';
import type { SandboxState } from '../state/sandboxState.ts';
import { authOf, setAuth } from './requestContext.ts';

export function authenticate(state: SandboxState): RequestHandler {
  return (req, _res, next) => {
    const match = /^Bearer\s+(\S+)$/i.exec(req.get('authorization') ?? '');
    const token = match?.[1] ? state.tokens.accessToken(match[1]) : undefined;
    if (!token || token.revoked) throw invalidAuthentication();
    const now = state.clock.now();
    if (token.expiresAt !== null && token.expiresAt <= now) throw expiredAuthentication(token.expiresAt, now);
    const portal = state.findPortal(token.portalId);
    const app = state.app(token.appId);
    if (!portal || !app) throw invalidAuthentication();
    setAuth(req, { portal, app, token });
    next();
  };
}

const READS = /\/(search|batch\/read)$/;

/** The granted scope a route needs: reads for GET, search and batch read; writes otherwise. */
export function requireScopes(read: string, write: string): RequestHandler {
  return (req, _res, next) => {
    const needed = req.method === 'GET' || READS.test(req.path) ? read : write;
    if (!authOf(req).token.scopes.includes(needed)) throw missingScopes([needed]);
    next();
  };
}
