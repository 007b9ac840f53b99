// HubSpot's per-account limits for apps: 110 requests per rolling 10 s (search excluded), search 5 per
// second, and optionally a daily budget (private apps). Rejected requests do not count. Limits apply per
// portal and app, as HubSpot applies them per installing account.
// https://developers.hubspot.com/docs/developer-tooling/platform/usage-guidelines
import { randomUUID } from 'node:crypto';
import type { Clock } from '../clock.ts';
import { HubSpotError } from '../hubspotErrors.ts';

export interface RateLimitOptions {
  enabled: boolean;
  perTenSeconds: number;
  intervalMs: number;
  searchPerSecond: number;
  /** Requests per day (UTC), or null for none (OAuth apps have no daily limit). */
  daily: number | null;
}

export const HUBSPOT_RATE_LIMITS: RateLimitOptions = {
  enabled: true,
  perTenSeconds: 110,
  intervalMs: 10_000,
  searchPerSecond: 5,
  daily: null,
};

type Policy = 'TEN_SECONDLY_ROLLING' | 'SECONDLY' | 'DAILY';
const MESSAGES: Record<Policy, string> = {
  TEN_SECONDLY_ROLLING: 'You have reached your ten_secondly_rolling limit.',
  SECONDLY: 'You have reached your secondly limit.',
  DAILY: 'You have reached your daily limit.',
};

/**
 * HubSpot's 429. `category` is required by the spec's `Error` (every non-2xx answer, e.g.
 * PublicApiSpecs/CRM/Objects/Rollouts/424/v3/objects.json) and is "RATE_LIMITS" for rate limits (changelog
 * "Upcoming: Changes to error responses"); `errorType`, `policyName` and `requestId` are in the usage guidelines'
 * 429 example and in third-party captures. That changelog also announced `requestId`'s removal, so clients
 * must not rely on it.
 */
export function rateLimited(policy: Policy, headers: Record<string, string> = {}): HubSpotError {
  return new HubSpotError(
    429,
    {
      status: 'error',
      message: MESSAGES[policy],
      errorType: 'RATE_LIMIT',
      correlationId: randomUUID(),
      category: 'RATE_LIMITS',
      policyName: policy,
      requestId: randomUUID(),
    },
    headers,
  );
}

class RollingWindow {
  private readonly hits: number[] = [];

  count(now: number, windowMs: number): number {
    while (this.hits.length > 0 && (this.hits[0] ?? now) <= now - windowMs) this.hits.shift();
    return this.hits.length;
  }

  add(now: number): void {
    this.hits.push(now);
  }
}

export class RateLimiter {
  private readonly standard = new Map<string, RollingWindow>();
  private readonly search = new Map<string, RollingWindow>();
  private readonly days = new Map<string, { day: number; used: number }>();
  private readonly options: () => RateLimitOptions;
  private readonly clock: Clock;

  constructor(options: () => RateLimitOptions, clock: Clock) {
    this.options = options;
    this.clock = clock;
  }

  private window(map: Map<string, RollingWindow>, key: string): RollingWindow {
    const w = map.get(key) ?? new RollingWindow();
    map.set(key, w);
    return w;
  }

  /** Counts the request or throws the 429 HubSpot would send; returns the headers for the response. */
  admit(key: string, kind: 'standard' | 'search'): Record<string, string> {
    const o = this.options();
    if (!o.enabled) return {};
    const now = this.clock.now();
    const day = Math.floor(now / 86_400_000);
    const budget = this.days.get(key);
    const used = budget && budget.day === day ? budget.used : 0;
    const dailyHeaders: Record<string, string> =
      o.daily === null
        ? {}
        : {
            'X-HubSpot-RateLimit-Daily': String(o.daily),
            'X-HubSpot-RateLimit-Daily-Remaining': String(Math.max(0, o.daily - used - 1)),
          };
    if (o.daily !== null && used >= o.daily)
      throw rateLimited('DAILY', { ...dailyHeaders, 'X-HubSpot-RateLimit-Daily-Remaining': '0' });
    if (kind === 'search') {
      // Search counts only against its own per-second limit and carries no rate-limit headers.
      const w = this.window(this.search, key);
      if (w.count(now, 1000) >= o.searchPerSecond) throw rateLimited('SECONDLY');
      w.add(now);
      this.days.set(key, { day, used: used + 1 });
      return {};
    }
    const w = this.window(this.standard, key);
    const inWindow = w.count(now, o.intervalMs);
    const headers = (remaining: number): Record<string, string> => ({
      'X-HubSpot-RateLimit-Max': String(o.perTenSeconds),
      'X-HubSpot-RateLimit-Remaining': String(remaining),
      'X-HubSpot-RateLimit-Interval-Milliseconds': String(o.intervalMs),
      ...dailyHeaders,
    });
    if (inWindow >= o.perTenSeconds) throw rateLimited('TEN_SECONDLY_ROLLING', headers(0));
    w.add(now);
    this.days.set(key, { day, used: used + 1 });
    return headers(o.perTenSeconds - inWindow - 1);
  }
}
