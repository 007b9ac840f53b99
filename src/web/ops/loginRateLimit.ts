// Guessing the ops token at the login form: wrong tokens are counted per client and over all clients, and past
// either limit every attempt (right or wrong, so the answer reveals nothing) gets 429 with Retry-After until the
// window ends. Only wrong tokens count: a form that does not parse, or a right token, does not. The token itself
// has at least 128 bits in production (config), so the limits are there to stop the hammering, not the odds.
// Counters live in this process (express-rate-limit's memory store): with N web processes the global limit is N×.
import type { Request, RequestHandler, Response } from 'express';
import { rateLimit } from 'express-rate-limit';

export interface LoginLimits {
  /** Wrong tokens one client may send per window: its IP address, as `trust proxy` (BATON_TRUST_PROXY) reads it. */
  perClient: number;
  /** Wrong tokens all clients together may send per window. */
  global: number;
  windowMs: number;
}

export const LOGIN_LIMITS: LoginLimits = { perClient: 10, global: 100, windowMs: 15 * 60_000 };

const WRONG_TOKEN = 401;

export function loginRateLimit(
  limits: LoginLimits,
  refuse: (req: Request, res: Response, retryAfterS: number) => void,
): RequestHandler[] {
  const common = {
    windowMs: limits.windowMs,
    standardHeaders: 'draft-7' as const,
    legacyHeaders: false,
    skipSuccessfulRequests: true,
    requestWasSuccessful: (_req: Request, res: Response) => res.statusCode !== WRONG_TOKEN,
    handler: (req: Request, res: Response) => {
      const retryAfter = Number(res.getHeader('retry-after') ?? Math.ceil(limits.windowMs / 1000));
      refuse(req, res, retryAfter);
    },
    // Which proxies may name the client is the app's `trust proxy` setting; a stray X-Forwarded-For from a client
    // is not an error to log (the library's own checks of that setting are off).
    validate: { trustProxy: false, xForwardedForHeader: false },
  };
  return [
    rateLimit({ ...common, limit: limits.perClient }),
    rateLimit({ ...common, limit: limits.global, keyGenerator: () => 'all clients' }),
  ];
}
