// Ops access: the ops token (BATON_OPS_TOKEN) as a bearer token (API, scripts, Prometheus), or a server-side
// session from logging in to the console with it. Without a configured token everyone is refused.
// A session is a cookie the browser sends on its own, so a change made with one (any method but GET/HEAD) must
// also prove it comes from the console: a same-origin request (Origin / Sec-Fetch-Site) carrying the session's
// CSRF token. Bearer requests need no such proof: no browser attaches the token by itself.
import { createHash, timingSafeEqual } from 'node:crypto';
import type { Request, RequestHandler } from 'express';
import { BatonError } from '../errors.ts';
import { CSRF_HEADER, csrfProofMatches, type OpsSession, type OpsSessions } from './ops/opsSessions.ts';
import { originOf } from './ops/sameOrigin.ts';

export interface OpsAccess {
  /** BATON_OPS_TOKEN; null turns ops access off. */
  token: string | null;
  /** Console sessions; null when there is no store behind them (sign-in is then off). */
  sessions: OpsSessions | null;
  /** Baton's own origin (BATON_PUBLIC_URL's): the one a console request comes from. */
  publicOrigin: string | null;
}

export type OpsCaller = { kind: 'bearer' } | { kind: 'session'; session: OpsSession };

const digest = (s: string) => createHash('sha256').update(s).digest();
const same = (a: string, b: string) => timingSafeEqual(digest(a), digest(b));

export function tokenMatches(token: string | null, given: string): boolean {
  return token !== null && given.length > 0 && same(given, token);
}

const READS = new Set(['GET', 'HEAD']);

/** Who is calling: the token's holder, a signed-in browser, or nobody. */
export async function opsCaller(access: OpsAccess, req: Request): Promise<OpsCaller | null> {
  if (!access.token) return null;
  const header = req.get('authorization') ?? '';
  if (header.startsWith('Bearer ') && tokenMatches(access.token, header.slice(7))) return { kind: 'bearer' };
  const session = await access.sessions?.current(req);
  return session ? { kind: 'session', session } : null;
}

/**
 * A change made with a session cookie: refused unless the request is same-origin and carries the session's
 * CSRF token (the header, or `formToken` for the console's plain forms).
 */
export function assertConsoleOrigin(
  access: OpsAccess,
  req: Request,
  session: OpsSession,
  formToken?: unknown,
): void {
  if (originOf(req, access.publicOrigin) !== 'same')
    throw new BatonError('forbidden', 'Changes with a console session must come from the console itself');
  if (!csrfProofMatches(session, req.get(CSRF_HEADER) ?? formToken))
    throw new BatonError('forbidden', 'The console’s CSRF token is missing or wrong: reload the page');
}

export function requireOpsToken(access: OpsAccess): RequestHandler {
  return async (req, _res, next) => {
    if (!access.token)
      return next(new BatonError('forbidden', 'Ops access is off: set BATON_OPS_TOKEN to enable it'));
    const caller = await opsCaller(access, req);
    if (!caller) return next(new BatonError('unauthenticated', 'A valid ops token is required'));
    if (caller.kind === 'session' && !READS.has(req.method)) assertConsoleOrigin(access, req, caller.session);
    next();
  };
}
