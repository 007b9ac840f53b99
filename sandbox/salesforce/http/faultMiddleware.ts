// Applies the fault injector's decision to a REST call: wait, then pass, fail, or never answer.
import type { RequestHandler } from 'express';
import { setTimeout as sleep } from 'node:timers/promises';
import { requestLimitExceeded } from '../salesforceErrors.ts';
import { limitInfo } from './apiUsageMiddleware.ts';
import { serverError, type FaultInjector } from './faultInjection.ts';
import { noteRequest } from './requestContext.ts';

export function injectFaults(injector: () => FaultInjector): RequestHandler {
  return async (req, _res, next) => {
    const { delayMs, outcome } = injector().decide();
    if (delayMs > 0) await sleep(delayMs);
    switch (outcome.kind) {
      case 'pass':
        return next();
      case 'serverError':
        noteRequest(req, `fault:${outcome.status}`);
        throw serverError(outcome.status);
      case 'limitExceeded':
        noteRequest(req, 'fault:limit_exceeded');
        throw requestLimitExceeded({ 'Sforce-Limit-Info': limitInfo(req) });
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
