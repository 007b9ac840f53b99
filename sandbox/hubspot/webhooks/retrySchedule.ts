// When HubSpot retries a webhook: "up to 10 times, spread over the next 24 hours with randomized delays",
// after a connection failure, a timeout (> 5 s) or any 4xx/5xx (reference/hubspot-platform.md §3).
// The sandbox doubles a base delay per attempt with ±50 % jitter, capped; tests shrink the base.
import type { Random } from '../seededRandom.ts';

export interface RetryOptions {
  maxRetries: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

/** The delay before attempt `attemptNumber` (1 = first retry). */
export function retryDelayMs(attemptNumber: number, opts: RetryOptions, random: Random): number {
  const raw = opts.baseDelayMs * 2 ** (attemptNumber - 1);
  return Math.round(Math.min(raw, opts.maxDelayMs) * (0.5 + random.next()));
}
