// Seeded fault injection: added latency (fixed + jitter, occasional spikes), a share of 5xx answers, extra
// 429s, and requests that hang or answer late; webhook batches can be dropped too. Every request draws the
// same number of random values whatever is switched on, so a seed replays the same sequence.
import { randomUUID } from 'node:crypto';
import { HubSpotError } from '../hubspotErrors.ts';
import { createRandom, deriveSeed, type Random } from '../seededRandom.ts';

export interface FaultOptions {
  seed: number;
  latency: { fixedMs: number; jitterMs: number; spikeRate: number; spikeMs: number };
  /** Share of requests answered with one of serverErrorStatuses. */
  serverErrorRate: number;
  serverErrorStatuses: Array<500 | 502 | 503 | 504>;
  /** Share of requests answered 429 although under the limit. */
  rateLimitRate: number;
  /** Retry-After (seconds) on those 429s; HubSpot sends it only sometimes, so none by default. */
  rateLimitRetryAfterSeconds: number | null;
  /** Share of requests that time out: never answered ('hang') or answered after `timeoutMode` ms. */
  timeoutRate: number;
  timeoutMode: 'hang' | number;
  /** Share of webhook batches never sent. */
  webhookDropRate: number;
}

export const NO_FAULTS: FaultOptions = {
  seed: 1,
  latency: { fixedMs: 0, jitterMs: 0, spikeRate: 0, spikeMs: 0 },
  serverErrorRate: 0,
  serverErrorStatuses: [502, 503],
  rateLimitRate: 0,
  rateLimitRetryAfterSeconds: null,
  timeoutRate: 0,
  timeoutMode: 'hang',
  webhookDropRate: 0,
};

export type FaultOutcome =
  | { kind: 'pass' }
  | { kind: 'serverError'; status: number }
  | { kind: 'rateLimited' }
  | { kind: 'hang' }
  | { kind: 'late'; afterMs: number };

export interface FaultDecision {
  delayMs: number;
  outcome: FaultOutcome;
}

export class FaultInjector {
  readonly options: FaultOptions;
  readonly webhookRandom: Random;
  private readonly requests: Random;

  constructor(options: FaultOptions) {
    this.options = options;
    this.requests = createRandom(deriveSeed(options.seed, 'requests'));
    this.webhookRandom = createRandom(deriveSeed(options.seed, 'webhooks'));
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
    // One draw decides among the faults, so their shares add up and never overlap.
    let edge = o.serverErrorRate;
    if (fault < edge) {
      const statuses = o.serverErrorStatuses.length > 0 ? o.serverErrorStatuses : [503];
      return {
        delayMs,
        outcome: { kind: 'serverError', status: statuses[Math.floor(pick * statuses.length)] ?? 503 },
      };
    }
    edge += o.rateLimitRate;
    if (fault < edge) return { delayMs, outcome: { kind: 'rateLimited' } };
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
 * HubSpot's 5xx as clients see them: 502 and 504 come from the edge as HTML pages; 500 and 503 are JSON
 * from the API (the exact messages are not documented; these are the ones seen in client logs). Neither is
 * the spec's `Error` (which requires `category`): captures of HubSpot's 5xx carry no category and the spec
 * names no value for one, so the sandbox keeps what HubSpot was seen to send.
 */
export function serverError(status: number): HubSpotError {
  if (status === 502 || status === 504) {
    const title = status === 502 ? '502 Bad Gateway' : '504 Gateway Time-out';
    return new HubSpotError(
      status,
      `<html>\r\n<head><title>${title}</title></head>\r\n<body>\r\n<center><h1>${title}</h1></center>\r\n</body>\r\n</html>\r\n`,
    );
  }
  const message = status === 503 ? 'Service Unavailable' : 'internal error';
  return new HubSpotError(status, { status: 'error', message, correlationId: randomUUID() });
}
