// Seeded fault injection for REST calls: added latency (fixed + jitter, occasional spikes), a share of 5xx,
// bursts of 403 REQUEST_LIMIT_EXCEEDED, and requests that hang or answer late; change events can be lost too
// (see cdc/changeEventBus.ts). Every request draws the same number of random values whatever is switched on,
// so a seed replays the same sequence.
import { randomInt } from 'node:crypto';
import { createRandom, deriveSeed, type Random } from '../../hubspot/seededRandom.ts';
import { SalesforceError, restError } from '../salesforceErrors.ts';

export interface FaultOptions {
  seed: number;
  latency: { fixedMs: number; jitterMs: number; spikeRate: number; spikeMs: number };
  /** Share of requests answered with one of serverErrorStatuses. */
  serverErrorRate: number;
  serverErrorStatuses: Array<500 | 502 | 503 | 504>;
  /** Share of requests that start a burst of REQUEST_LIMIT_EXCEEDED answers, `limitExceededBurst` long. */
  limitExceededRate: number;
  limitExceededBurst: number;
  /** Share of requests that time out: never answered ('hang') or answered after `timeoutMode` ms. */
  timeoutRate: number;
  timeoutMode: 'hang' | number;
  /** Share of change events lost before they are stored. */
  changeEventDropRate: number;
}

export const NO_FAULTS: FaultOptions = {
  seed: 1,
  latency: { fixedMs: 0, jitterMs: 0, spikeRate: 0, spikeMs: 0 },
  serverErrorRate: 0,
  serverErrorStatuses: [500, 503],
  limitExceededRate: 0,
  limitExceededBurst: 1,
  timeoutRate: 0,
  timeoutMode: 'hang',
  changeEventDropRate: 0,
};

export type FaultOutcome =
  | { kind: 'pass' }
  | { kind: 'serverError'; status: number }
  | { kind: 'limitExceeded' }
  | { kind: 'hang' }
  | { kind: 'late'; afterMs: number };

export interface FaultDecision {
  delayMs: number;
  outcome: FaultOutcome;
}

export class FaultInjector {
  readonly options: FaultOptions;
  readonly changeEventRandom: Random;
  private readonly requests: Random;
  private burstLeft = 0;

  constructor(options: FaultOptions) {
    this.options = options;
    this.requests = createRandom(deriveSeed(options.seed, 'requests'));
    this.changeEventRandom = createRandom(deriveSeed(options.seed, 'change-events'));
  }

  decide(): FaultDecision {
    const o = this.options;
    const [jitter, spike, fault, pick] = [
      this.requests.next(),
      this.requests.next(),
      this.requests.next(),
      this.requests.next(),
    ];
    const delayMs =
      o.latency.fixedMs +
      Math.round(jitter * o.latency.jitterMs) +
      (spike < o.latency.spikeRate ? o.latency.spikeMs : 0);
    if (this.burstLeft > 0) {
      this.burstLeft--;
      return { delayMs, outcome: { kind: 'limitExceeded' } };
    }
    // One draw decides among the faults, so their shares add up and never overlap.
    let edge = o.serverErrorRate;
    if (fault < edge) {
      const statuses = o.serverErrorStatuses.length > 0 ? o.serverErrorStatuses : [503];
      return {
        delayMs,
        outcome: { kind: 'serverError', status: statuses[Math.floor(pick * statuses.length)] ?? 503 },
      };
    }
    edge += o.limitExceededRate;
    if (fault < edge) {
      this.burstLeft = Math.max(0, o.limitExceededBurst - 1);
      return { delayMs, outcome: { kind: 'limitExceeded' } };
    }
    edge += o.timeoutRate;
    if (fault < edge) {
      return {
        delayMs,
        outcome: o.timeoutMode === 'hang' ? { kind: 'hang' } : { kind: 'late', afterMs: o.timeoutMode },
      };
    }
    return { delayMs, outcome: { kind: 'pass' } };
  }
}

/**
 * Salesforce's 5xx as clients see them: 502 and 504 come from the edge as HTML pages; 500 is the API's
 * UNKNOWN_EXCEPTION with an ErrorId; 503 is SERVER_UNAVAILABLE (its exact wording is a guess).
 */
export function serverError(status: number): SalesforceError {
  if (status === 502 || status === 504) {
    const title = status === 502 ? '502 Bad Gateway' : '504 Gateway Time-out';
    return new SalesforceError(
      status,
      `<html>\r\n<head><title>${title}</title></head>\r\n<body>\r\n<center><h1>${title}</h1></center>\r\n</body>\r\n</html>\r\n`,
      { format: 'html' },
    );
  }
  if (status === 503) return restError(503, 'SERVER_UNAVAILABLE', 'Server Unavailable');
  const errorId = `${randomInt(100_000_000, 999_999_999)}-${randomInt(10_000, 99_999)} (${-randomInt(100_000_000, 999_999_999)})`;
  return restError(
    status,
    'UNKNOWN_EXCEPTION',
    `An unexpected error occurred. Please include this ErrorId if you contact support: ${errorId}`,
  );
}
