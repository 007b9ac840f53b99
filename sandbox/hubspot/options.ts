// The sandbox's options and their defaults: HubSpot's real behaviour unless told otherwise.
import { systemClock, type Clock } from './clock.ts';
import type { FaultOptions } from './http/faultInjection.ts';
import { NO_FAULTS } from './http/faultInjection.ts';
import { HUBSPOT_RATE_LIMITS, type RateLimitOptions } from './http/rateLimiter.ts';
import type { OAuthOptions } from './http/routes/oauth.ts';
import type { LifecycleBackwardPolicy } from './model/lifecycleStage.ts';
import type { WebhookOptions } from './webhooks/webhookDispatcher.ts';

export type FaultSettings = Partial<Omit<FaultOptions, 'latency'>> & {
  latency?: Partial<FaultOptions['latency']>;
};

export interface HubSpotSandboxOptions {
  /** Default: the system clock. */
  clock?: Clock;
  /** HubSpot's limits (110 / 10 s, search 5 / s) unless overridden; `false` switches them off. */
  rateLimits?: Partial<RateLimitOptions> | false;
  /** What a backward lifecycle-stage write through the API does (see model/lifecycleStage.ts). */
  lifecycleBackward?: LifecycleBackwardPolicy;
  /** Whether logging a task moves the contact's Last Activity Date (default false). */
  tasksUpdateLastActivity?: boolean;
  oauth?: Partial<OAuthOptions> & { accessTokenTtlSeconds?: number };
  webhooks?: Partial<WebhookOptions> & { fetch?: typeof fetch };
  faults?: FaultSettings;
  /** How many requests the log keeps (default 100,000). */
  requestLogLimit?: number;
  /** Called with errors the sandbox did not expect (they are answered 500). */
  onInternalError?: (err: unknown) => void;
}

export interface ResolvedOptions {
  clock: Clock;
  rateLimits: RateLimitOptions;
  lifecycleBackward: LifecycleBackwardPolicy;
  tasksUpdateLastActivity: boolean;
  oauth: OAuthOptions & { accessTokenTtlSeconds: number };
  webhooks: WebhookOptions & { fetch?: typeof fetch };
  faults: FaultOptions;
  requestLogLimit: number;
}

export const DEFAULT_WEBHOOKS: WebhookOptions = {
  batchWindowMs: 500,
  maxEventsPerRequest: 99,
  timeoutMs: 5_000,
  maxRetries: 10,
  baseDelayMs: 60_000,
  maxDelayMs: 6 * 3_600_000,
};

export function resolveRateLimits(r: Partial<RateLimitOptions> | false | undefined): RateLimitOptions {
  return r === false ? { ...HUBSPOT_RATE_LIMITS, enabled: false } : { ...HUBSPOT_RATE_LIMITS, ...r };
}

export function resolveFaults(f: FaultSettings | undefined): FaultOptions {
  return { ...NO_FAULTS, ...f, latency: { ...NO_FAULTS.latency, ...f?.latency } };
}

export function resolveOptions(o: HubSpotSandboxOptions): ResolvedOptions {
  return {
    clock: o.clock ?? systemClock,
    rateLimits: resolveRateLimits(o.rateLimits),
    lifecycleBackward: o.lifecycleBackward ?? 'ignore',
    tasksUpdateLastActivity: o.tasksUpdateLastActivity ?? false,
    oauth: {
      codeTtlSeconds: 300,
      rotateRefreshTokens: false,
      denyAuthorization: false,
      accessTokenTtlSeconds: 1_800,
      ...o.oauth,
    },
    webhooks: { ...DEFAULT_WEBHOOKS, ...o.webhooks },
    faults: resolveFaults(o.faults),
    requestLogLimit: o.requestLogLimit ?? 100_000,
  };
}
