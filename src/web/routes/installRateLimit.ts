// Starting an install is unauthenticated and, for a CRM that wants PKCE (Salesforce), stores a verifier until the
// callback or its expiry (10 minutes; the worker's sweep deletes expired ones). Only starts that stored a row count
// (HubSpot's signed state stores nothing). An admin starts a handful; a client past its limit within the window, or
// all clients together past a global bound, gets a 429 page with Retry-After, so the rows one window can leave stay
// bounded. Counters live in this process (with N web processes the bound is N×).
import type { Request, RequestHandler, Response } from 'express';
import { rateLimit } from 'express-rate-limit';
import { page } from '../page.ts';

export interface InstallLimits {
  /** Install starts one client (IP address, as `trust proxy` reads it) may make per window. */
  perClient: number;
  /** Install starts all clients together may make per window. */
  global: number;
  windowMs: number;
}

/** Set by the install route in `res.locals`: true when this start stored a row. */
export const STORED_INSTALL_ROW = 'storedInstallRow';

export const INSTALL_LIMITS: InstallLimits = { perClient: 20, global: 500, windowMs: 10 * 60_000 };

export function installRateLimit(limits: InstallLimits): RequestHandler[] {
  const common = {
    windowMs: limits.windowMs,
    standardHeaders: 'draft-7' as const,
    legacyHeaders: false,
    skipSuccessfulRequests: true,
    requestWasSuccessful: (_req: Request, res: Response) => res.locals[STORED_INSTALL_ROW] !== true,
    handler: (_req: Request, res: Response) => {
      const minutes = Math.ceil(Number(res.getHeader('retry-after') ?? limits.windowMs / 1000) / 60);
      res
        .status(429)
        .type('html')
        .send(
          page(
            'Too many install attempts',
            [
              `Too many installs were started from here. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`,
            ],
            { tone: 'error' },
          ),
        );
    },
    // The client address is what `trust proxy` (BATON_TRUST_PROXY) makes of it; the global bound covers the rest.
    validate: { trustProxy: false, xForwardedForHeader: false },
  };
  return [
    rateLimit({ ...common, limit: limits.perClient }),
    rateLimit({ ...common, limit: limits.global, keyGenerator: () => 'all clients' }),
  ];
}
