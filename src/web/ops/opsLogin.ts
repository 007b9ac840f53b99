// Logging in to the ops console: a form that takes the ops token and sets a signed session cookie.
import express, { type RequestHandler, type Router } from 'express';
import { z } from 'zod';
import { statusOf, toBatonError } from '../httpErrors.ts';
import { escapeHtml } from '../page.ts';
import { endSession, startSession, tokenMatches } from '../requireOpsToken.ts';

const loginForm = z.object({ token: z.string().max(500).default(''), next: z.string().max(500).optional() });

/** Only paths inside the console: a login link must not send anyone elsewhere. */
const safeNext = (next: string | undefined) =>
  next && /^\/ops(\/[\w\-./?=&%]*)?$/.test(next) ? next : '/ops';

export function loginPage(opts: { error?: string; next?: string } = {}): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Sign in · Baton ops</title>
<style>body{font:16px/1.5 system-ui,sans-serif;background:#f5f6f8;color:#1d2939;display:grid;place-items:center;min-height:100vh;margin:0}
form{background:#fff;padding:2rem;border-radius:12px;box-shadow:0 1px 3px #0002;width:min(22rem,90vw)}
h1{font-size:1.25rem;margin:0 0 1rem}label{display:block;font-weight:600;margin-bottom:.25rem}
input{width:100%;box-sizing:border-box;padding:.6rem;border:1px solid #cdd5df;border-radius:8px;font:inherit}
button{margin-top:1rem;width:100%;padding:.6rem;border:0;border-radius:8px;background:#1f4fd1;color:#fff;font-weight:600;font:inherit;cursor:pointer}
.error{color:#b42318;margin:.5rem 0 0}</style></head>
<body><form method="post" action="/ops/login"><h1>Baton ops console</h1>
<label for="token">Ops token</label><input id="token" name="token" type="password" autocomplete="current-password" autofocus required>
<input type="hidden" name="next" value="${escapeHtml(opts.next ?? '/ops')}">
${opts.error ? `<p class="error" role="alert">${escapeHtml(opts.error)}</p>` : ''}
<button type="submit">Sign in</button></form></body></html>`;
}

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

export function opsLoginRouter(token: string | null, secureCookies: boolean): Router {
  const r = express.Router();
  r.get('/login', (req, res) => {
    const next = typeof req.query['next'] === 'string' ? safeNext(req.query['next']) : '/ops';
    res.type('html').send(loginPage({ next }));
  });
  r.post('/login', parseLoginForm, (req, res) => {
    const form = loginForm.safeParse(req.body);
    const next = safeNext(form.success ? form.data.next : undefined);
    if (!form.success || !tokenMatches(token, form.data.token)) {
      res
        .status(401)
        .type('html')
        .send(
          loginPage({
            error: token ? 'That token is not right.' : 'Ops access is off: set BATON_OPS_TOKEN.',
            next,
          }),
        );
      return;
    }
    startSession(res, form.data.token, Date.now(), secureCookies);
    res.redirect(303, next);
  });
  r.post('/logout', (_req, res) => {
    endSession(res);
    res.redirect(303, '/ops/login');
  });
  return r;
}
