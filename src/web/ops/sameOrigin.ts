// Cross-site request forgery defences for the ops side. A browser says where a request comes from in
// Sec-Fetch-Site and Origin (both forbidden headers: a page cannot set them); a page on another origin — even
// another port of the same host, which is same-site, so SameSite cookies still travel — gives itself away there.
// Requests without either header do not come from a browser form or script (curl, scripts): they carry no ambient
// cookie risk, and the caller decides what to do with them.
import type { Request } from 'express';

export type OriginVerdict = 'same' | 'cross' | 'unknown';

/** The request's own origin as it arrived (scheme and Host), and Baton's public one (BATON_PUBLIC_URL's). */
function ownOrigins(req: Request, publicOrigin: string | null): Set<string> {
  const origins = new Set<string>();
  if (publicOrigin) origins.add(publicOrigin);
  const host = req.get('host');
  if (host) origins.add(`${req.protocol}://${host}`.toLowerCase());
  return origins;
}

/** 'same' only when every signal present says same-origin; 'cross' when any says otherwise. */
export function originOf(req: Request, publicOrigin: string | null): OriginVerdict {
  const site = req.get('sec-fetch-site');
  const origin = req.get('origin');
  if (site === undefined && origin === undefined) return 'unknown';
  if (site !== undefined && site !== 'same-origin') return 'cross';
  if (origin !== undefined && !ownOrigins(req, publicOrigin).has(origin.toLowerCase())) return 'cross';
  return 'same';
}

/** BATON_PUBLIC_URL's origin (scheme, host, port), lower case as browsers send it; null if it does not parse. */
export function originOfUrl(url: string): string | null {
  try {
    return new URL(url).origin.toLowerCase();
  } catch {
    return null;
  }
}
