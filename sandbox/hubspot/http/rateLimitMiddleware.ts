// Applies the per-portal limits to authenticated CRM calls and puts HubSpot's rate-limit headers on
// every answer that counted.
import type { RequestHandler } from 'express';
import type { RateLimiter } from './rateLimiter.ts';
import { authOf, noteRequest } from './requestContext.ts';

const SEARCH = /^\/v3\/objects\/[^/]+\/search\/?$/;

export function rateLimit(limiter: RateLimiter): RequestHandler {
  return (req, res, next) => {
    const { portal, app } = authOf(req);
    const kind = req.method === 'POST' && SEARCH.test(req.path) ? 'search' : 'standard';
    try {
      res.set(limiter.admit(`${portal.id}:${app.appId}`, kind));
    } catch (err) {
      noteRequest(req, 'rate_limited');
      throw err;
    }
    next();
  };
}
