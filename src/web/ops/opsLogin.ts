// Signing in to the ops console: a form that takes the ops token and starts a server-side session; signing out
// ends it, here or everywhere. The form must come from Baton's own origin (no login CSRF) and wrong tokens are
// rate-limited (loginRateLimit.ts).
import express, { type Request, type RequestHandler, type Response, type Router } from 'express';
import { z } from 'zod';
import { BatonError } from '../../errors.ts';
import { statusOf, toBatonError } from '../httpErrors.ts';
import { assertConsoleOrigin, tokenMatches, type OpsAccess } from '../requireOpsToken.ts';
import { LOGIN_LIMITS, loginRateLimit, type LoginLimits } from './loginRateLimit.ts';
import { loginPage } from './loginPage.ts';
import { CSRF_FIELD } from './opsSessions.ts';
import { originOf } from './sameOrigin.ts';

const loginForm = z.object({ token: z.string().max(500).default(''), next: z.string().max(500).optional() });

/** Only paths inside the console: a login link must not send anyone elsewhere. */
const safeNext = (next: string | undefined) =>
  next && /^\/ops(\/[\w\-./?=&%]*)?$/.test(next) ? next : '/ops';

const formParser = express.urlencoded({ extended: false, limit: '4kb' });

/** A form the parser refuses (over 4 kB, an unknown charset) gets the login page again, not the API's JSON. */
const parseLoginForm: RequestHandler = (req, res, next) => {
  formParser(req, res, (err?: unknown) => {
    if (err === undefined) return next();
    const e = toBatonError(err);
    if (e.kind === 'internal') return next(err);
    res
      .status(statusOf(e.kind))
      .type('html')
      .send(loginPage({ error: `${e.message}. Sign in again.` }));
  });
};

const minutes = (seconds: number) => Math.max(1, Math.ceil(seconds / 60));

const tooManyAttempts = (_req: Request, res: Response, retryAfterS: number) => {
  res
    .status(statusOf('rate_limited'))
    .type('html')
    .send(
      loginPage({
        error: `Too many sign-in attempts. Try again in ${minutes(retryAfterS)} minute${minutes(retryAfterS) === 1 ? '' : 's'}.`,
      }),
    );
};

export interface OpsLoginOptions {
  /** Wrong-token limits (tests shorten the window). */
  limits?: LoginLimits;
}

export function opsLoginRouter(access: OpsAccess, opts: OpsLoginOptions = {}): Router {
  const r = express.Router();
  const { token, sessions } = access;
  // Login CSRF: a page elsewhere must not sign a browser in (to a session it chose) or spend its attempts.
  const fromBatonOnly: RequestHandler = (req, _res, next) => {
    if (originOf(req, access.publicOrigin) === 'cross')
      return next(new BatonError('forbidden', 'Sign in from Baton’s own login page'));
    next();
  };
  r.get('/login', (req, res) => {
    const next = typeof req.query['next'] === 'string' ? safeNext(req.query['next']) : '/ops';
    res.type('html').send(loginPage({ next }));
  });
  r.post(
    '/login',
    fromBatonOnly,
    ...loginRateLimit(opts.limits ?? LOGIN_LIMITS, tooManyAttempts),
    parseLoginForm,
    async (req, res) => {
      const form = loginForm.safeParse(req.body);
      const next = safeNext(form.success ? form.data.next : undefined);
      if (!form.success || !sessions || !tokenMatches(token, form.data.token)) {
        const error =
          token && sessions ? 'That token is not right.' : 'Ops access is off: set BATON_OPS_TOKEN.';
        res.status(401).type('html').send(loginPage({ error, next }));
        return;
      }
      await sessions.start(res);
      res.redirect(303, next);
    },
  );
  /** Signing out is a change too: only the console's own forms (same origin, the session's CSRF token). */
  const signOut = (everywhere: boolean) => async (req: Request, res: Response) => {
    if (!sessions) return res.redirect(303, '/ops/login');
    const session = await sessions.current(req);
    // A session that has already ended: only its stale cookie is left to clear.
    if (!session) await sessions.end(req, res);
    else {
      const form = z.object({ [CSRF_FIELD]: z.string().max(200).optional() }).safeParse(req.body);
      assertConsoleOrigin(access, req, session, form.success ? form.data[CSRF_FIELD] : undefined);
      if (everywhere) await sessions.endAll(res);
      else await sessions.end(req, res);
    }
    res.redirect(303, '/ops/login');
  };
  r.post('/logout', parseLoginForm, signOut(false));
  r.post('/logout-everywhere', parseLoginForm, signOut(true));
  return r;
}
