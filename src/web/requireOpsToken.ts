// Ops access: the ops token (BATON_OPS_TOKEN) as a bearer token (API, scripts, Prometheus), or a signed session
// cookie set by logging in to the console with it. Without a configured token everyone is refused.
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { parse as parseCookies, serialize } from 'cookie';
import type { Request, RequestHandler, Response } from 'express';
import { BatonError } from '../errors.ts';

export const SESSION_COOKIE = 'baton_ops';
const SESSION_MS = 12 * 3_600_000;

const digest = (s: string) => createHash('sha256').update(s).digest();
const same = (a: string, b: string) => timingSafeEqual(digest(a), digest(b));
const mac = (token: string, expires: number) =>
  createHmac('sha256', `ops-session:${token}`).update(String(expires)).digest('base64url');

export function tokenMatches(token: string | null, given: string): boolean {
  return token !== null && given.length > 0 && same(given, token);
}

function sessionValid(token: string, req: Request, now: number): boolean {
  const value = parseCookies(req.get('cookie') ?? '')[SESSION_COOKIE];
  const [expires, signature] = (value ?? '').split('.');
  if (!expires || !signature || !/^\d+$/.test(expires) || Number(expires) < now) return false;
  return same(signature, mac(token, Number(expires)));
}

export function startSession(res: Response, token: string, now: number, secure: boolean): void {
  const expires = now + SESSION_MS;
  res.append(
    'Set-Cookie',
    serialize(SESSION_COOKIE, `${expires}.${mac(token, expires)}`, {
      httpOnly: true,
      sameSite: 'strict',
      secure,
      path: '/ops',
      maxAge: SESSION_MS / 1000,
    }),
  );
}

export function endSession(res: Response): void {
  res.append(
    'Set-Cookie',
    serialize(SESSION_COOKIE, '', { httpOnly: true, sameSite: 'strict', path: '/ops', maxAge: 0 }),
  );
}

/** For pages: is this browser logged in? */
export function hasOpsAccess(token: string | null, req: Request, now = Date.now()): boolean {
  if (!token) return false;
  const header = req.get('authorization') ?? '';
  if (header.startsWith('Bearer ') && tokenMatches(token, header.slice(7))) return true;
  return sessionValid(token, req, now);
}

export function requireOpsToken(token: string | null): RequestHandler {
  return (req, _res, next) => {
    if (!token)
      return next(new BatonError('forbidden', 'Ops access is off: set BATON_OPS_TOKEN to enable it'));
    if (!hasOpsAccess(token, req))
      return next(new BatonError('unauthenticated', 'A valid ops token is required'));
    next();
  };
}
