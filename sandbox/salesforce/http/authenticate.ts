// Bearer tokens on every REST call (jsforce sends "Authorization: Bearer <token>"; the older "OAuth <token>"
// form is accepted too): an unknown, revoked or timed-out session is 401 INVALID_SESSION_ID, which jsforce answers
// by refreshing the token and retrying.
import type { Request, RequestHandler } from 'express';
import { sessionExpired } from '../salesforceErrors.ts';
import type { SalesforceState } from '../state/salesforceState.ts';
import { setAuth, type AuthContext } from './requestContext.ts';

export function sessionOf(state: SalesforceState, req: Request): AuthContext | undefined {
  const match = /^(?:Bearer|OAuth)\s+(\S+)$/i.exec(req.get('authorization') ?? '');
  const token = match?.[1] ? state.tokens.useAccess(match[1], state.clock.now()) : undefined;
  const org = token ? state.findOrg(token.orgId) : undefined;
  return token && org ? { org, token } : undefined;
}

export function authenticate(state: SalesforceState): RequestHandler {
  return (req, _res, next) => {
    const ctx = sessionOf(state, req);
    if (!ctx) throw sessionExpired();
    setAuth(req, ctx);
    next();
  };
}
