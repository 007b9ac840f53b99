// The ops console: server-rendered page shells under /ops (behind the console login) whose client scripts draw
// everything from the ops API. Mounted by createApp as `opsPages`, next to the API.
import express, { type Response, type Router } from 'express';
import { z } from 'zod';
import { consoleAssets } from './console/consoleAssets.ts';
import { consoleHtml } from './console/consoleLayout.ts';
import { CONSOLE_PAGES, type ConsolePage } from './console/consolePages.ts';
import { requireConsoleLogin } from './console/requireConsoleLogin.ts';
import type { OpsAccess } from '../requireOpsToken.ts';

// Scripts, styles and data only from Baton itself; no framing.
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "img-src 'self' data:",
  "script-src 'self'",
  "style-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

const leadIds = z.tuple([z.string().min(1).max(200), z.string().min(1).max(100)]);

/** The page, with the session's CSRF token for its forms and API calls (none for a bearer caller). */
function sendPage(res: Response, page: ConsolePage, data: Record<string, string> = {}): void {
  const csrf: unknown = res.locals['csrfToken'];
  res
    .set({
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
      'Cache-Control': 'no-store',
      'Referrer-Policy': 'same-origin',
      'X-Content-Type-Options': 'nosniff',
    })
    .type('html')
    .send(consoleHtml(page, data, typeof csrf === 'string' ? csrf : ''));
}

const decoded = (segment: string): string | null => {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
};

/** The console under /ops; `access` is the ops API's (the token, the sessions, Baton's origin). */
export function consoleRouter(access: OpsAccess): Router {
  const r = express.Router();
  const login = requireConsoleLogin(access, 'page');
  r.use('/assets', requireConsoleLogin(access, 'asset'), consoleAssets());
  for (const page of CONSOLE_PAGES) {
    if (page.id !== 'lead') r.get(page.path, login, (_req, res) => sendPage(res, page));
  }
  // /ops/leads/:tenantId/:leadId, read by hand: the login check comes first, and an id that does not decode
  // is a 404 rather than a routing error.
  const leadPage = CONSOLE_PAGES.find((p) => p.id === 'lead');
  if (leadPage) {
    r.use(leadPage.path, login, (req, res, next) => {
      if (req.method !== 'GET' && req.method !== 'HEAD') return next();
      const ids = leadIds.safeParse(req.path.split('/').filter(Boolean).map(decoded));
      if (!ids.success) return next();
      sendPage(res, leadPage, { 'tenant-id': ids.data[0], 'lead-id': ids.data[1] });
    });
  }
  return r;
}
