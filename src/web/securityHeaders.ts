// Security headers on every answer (helmet): pages load scripts only from Baton and cannot be framed, browsers do not
// sniff types or send referrers across origins, production pins https (HSTS), and nothing a browser or proxy could
// keep holds ops, card or OAuth answers (no-store). The console sets its own stricter page policy on top.
import type { RequestHandler } from 'express';
import helmet from 'helmet';

// Baton's own pages (login, OAuth results) carry one inline <style> and no script; the JSON APIs need nothing.
const PAGE_POLICY = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", 'data:'],
  objectSrc: ["'none'"],
  baseUri: ["'none'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
};

/** Paths whose answers hold tenant data or a session: never stored by a browser or a proxy. */
export const NO_STORE_PATHS = ['/ops', '/api', '/oauth'];

export function securityHeaders(opts: { production: boolean }): RequestHandler {
  return helmet({
    contentSecurityPolicy: { useDefaults: false, directives: PAGE_POLICY },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'same-origin' },
    // One year, subdomains included; only where Baton is served over https (production requires it).
    strictTransportSecurity: opts.production ? { maxAge: 31_536_000, includeSubDomains: true } : false,
  });
}

export const noStore: RequestHandler = (_req, res, next) => {
  res.set('Cache-Control', 'no-store');
  next();
};
