// Applies the fault injector's decision to a request: wait, then pass, fail, or never answer.
import type { RequestHandler } from 'express';
import { setTimeout as sleep } from 'node:timers/promises';
import { serverError, type FaultInjector } from './faultInjection.ts';
import { rateLimited } from './rateLimiter.ts';
import { noteRequest } from './requestContext.ts';

export function injectFaults(injector: () => FaultInjector): RequestHandler {
  return async (req, _res, next) => {
    const faults = injector();
    const { delayMs, outcome } = faults.decide();
    if (delayMs > 0) await sleep(delayMs);
    switch (outcome.kind) {
      case 'pass':
        return next();
      case 'serverError':
        noteRequest(req, `fault:${outcome.status}`);
        throw serverError(outcome.status);
      case 'rateLimited':
        noteRequest(req, 'fault:429');
        throw rateLimited(
          'TEN_SECONDLY_ROLLING',
          faults.options.rateLimitRetryAfterSeconds === null
            ? {}
            : { 'Retry-After': String(faults.options.rateLimitRetryAfterSeconds) },
        );
      case 'hang':
        noteRequest(req, 'fault:timeout');
        return; // accepted, never answered (until the client gives up or the server closes)
      case 'late':
        noteRequest(req, 'fault:late');
        await sleep(outcome.afterMs);
        return next();
    }
  };
}
