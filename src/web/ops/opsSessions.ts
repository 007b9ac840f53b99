// Ops console sessions on the web side: the cookie holds a random id (32 bytes, base64url); the store keeps only
// its SHA-256. Each session has a CSRF token derived from its id, which the console sends back on every change
// (the X-Baton-CSRF header, or a hidden form field): another site can make the browser send the cookie, but it
// cannot read the token.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { parse as parseCookies, serialize } from 'cookie';
import type { Request, Response } from 'express';
import type { Executor } from '../../store/executor.ts';
import {
  deleteAllOpsSessions,
  deleteOpsSession,
  insertOpsSession,
  OPS_SESSION_LIMITS,
  purgeEndedOpsSessions,
  useOpsSession,
} from '../../store/opsSessions.ts';

export const SESSION_COOKIE = 'baton_ops';
export const CSRF_HEADER = 'x-baton-csrf';
export const CSRF_FIELD = 'csrf';

export interface OpsSession {
  idHash: string;
  /** What the console must send back with every change. */
  csrfToken: string;
}

export interface OpsSessions {
  /** A new session: its row, and the cookie. Ended sessions are purged on the way. */
  start(res: Response): Promise<void>;
  /** The request's live session (marked used), or null. Looked up once per request. */
  current(req: Request): Promise<OpsSession | null>;
  /** Signs this browser out: the row goes, so the cookie replayed later finds nothing. */
  end(req: Request, res: Response): Promise<void>;
  /** Signs every browser out. */
  endAll(res: Response): Promise<number>;
}

export interface OpsSessionDeps {
  db: Executor;
  /** Sessions follow people at keyboards: wall-clock time unless a test injects its own. */
  now?: () => Date;
  /** Cookies only over https (production). */
  secureCookies: boolean;
}

const SESSION_ID = /^[A-Za-z0-9_-]{43}$/;
const sha256 = (text: string) => createHash('sha256').update(text).digest();
const hashOf = (id: string) => sha256(id).toString('hex');
const csrfOf = (id: string) => sha256(`baton-ops-csrf:${id}`).toString('base64url');

/** Constant-time: the given proof against the session's token. */
export function csrfProofMatches(session: OpsSession, given: unknown): boolean {
  if (typeof given !== 'string' || given.length === 0 || given.length > 200) return false;
  return timingSafeEqual(sha256(given), sha256(session.csrfToken));
}

function sessionIdOf(req: Request): string | null {
  const value = parseCookies(req.get('cookie') ?? '')[SESSION_COOKIE];
  return value !== undefined && SESSION_ID.test(value) ? value : null;
}

export function opsSessions(deps: OpsSessionDeps): OpsSessions {
  const now = deps.now ?? (() => new Date());
  const seen = new WeakMap<Request, Promise<OpsSession | null>>();
  const cookie = (value: string, maxAgeMs: number) =>
    serialize(SESSION_COOKIE, value, {
      httpOnly: true,
      sameSite: 'strict',
      secure: deps.secureCookies,
      path: '/ops',
      maxAge: Math.floor(maxAgeMs / 1000),
    });
  const lookUp = async (req: Request): Promise<OpsSession | null> => {
    const id = sessionIdOf(req);
    if (!id || !(await useOpsSession(deps.db, hashOf(id), now()))) return null;
    return { idHash: hashOf(id), csrfToken: csrfOf(id) };
  };
  return {
    async start(res) {
      const id = randomBytes(32).toString('base64url');
      await purgeEndedOpsSessions(deps.db, now());
      await insertOpsSession(deps.db, hashOf(id), now());
      res.append('Set-Cookie', cookie(id, OPS_SESSION_LIMITS.absoluteMs));
    },
    current(req) {
      const known = seen.get(req);
      if (known) return known;
      const found = lookUp(req);
      seen.set(req, found);
      return found;
    },
    async end(req, res) {
      const id = sessionIdOf(req);
      if (id) await deleteOpsSession(deps.db, hashOf(id));
      res.append('Set-Cookie', cookie('', 0));
    },
    async endAll(res) {
      const ended = await deleteAllOpsSessions(deps.db);
      res.append('Set-Cookie', cookie('', 0));
      return ended;
    },
  };
}
