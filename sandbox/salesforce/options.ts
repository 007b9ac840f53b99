// The sandbox's options and their defaults: Salesforce's real behaviour unless told otherwise.
import { systemClock, type Clock } from '../hubspot/clock.ts';
import type { CdcOptions } from './cdc/changeEventBus.ts';
import { NO_FAULTS, type FaultOptions } from './http/faultInjection.ts';
import type { OAuthOptions } from './http/routes/oauth.ts';

export type FaultSettings = Partial<Omit<FaultOptions, 'latency'>> & {
  latency?: Partial<FaultOptions['latency']>;
};

export interface SalesforceSandboxOptions {
  /** Default: the system clock. Timestamps, session timeouts, API usage windows and event retention read it. */
  clock?: Clock;
  oauth?: Partial<OAuthOptions> & { sessionTimeoutSeconds?: number };
  /** Daily API allocation of new orgs (rolling 24 h; default 100,000, an Enterprise org's base). */
  dailyApiRequests?: number;
  cdc?: Partial<CdcOptions>;
  faults?: FaultSettings;
  /** How many requests the log keeps (default 100,000). */
  requestLogLimit?: number;
  /** Called with errors the sandbox did not expect (they are answered 500). */
  onInternalError?: (err: unknown) => void;
}

export interface ResolvedOptions {
  clock: Clock;
  oauth: OAuthOptions & { sessionTimeoutSeconds: number };
  dailyApiRequests: number;
  cdc: CdcOptions;
  faults: FaultOptions;
  requestLogLimit: number;
}

export const DEFAULT_CDC: CdcOptions = {
  entities: ['Lead', 'Task', 'Event'],
  retentionMs: 72 * 3_600_000,
  maxRetained: 100_000,
  staleReplay: 'error',
  // The proto's FetchResponse comment: "The empty fetch response is sent within 270 seconds".
  keepaliveMs: 270_000,
  // CDC guide, cdc_allocations: 50,000 events per 24 hours for Performance and Unlimited editions.
  deliveryAllocation: 50_000,
  subscribeDenied: [],
};

export function resolveFaults(f: FaultSettings | undefined): FaultOptions {
  return { ...NO_FAULTS, ...f, latency: { ...NO_FAULTS.latency, ...f?.latency } };
}

export function resolveOptions(o: SalesforceSandboxOptions): ResolvedOptions {
  return {
    clock: o.clock ?? systemClock,
    oauth: {
      codeTtlSeconds: 900,
      rotateRefreshTokens: false,
      denyAuthorization: false,
      sessionTimeoutSeconds: 7_200,
      ...o.oauth,
    },
    dailyApiRequests: o.dailyApiRequests ?? 100_000,
    cdc: { ...DEFAULT_CDC, ...o.cdc },
    faults: resolveFaults(o.faults),
    requestLogLimit: o.requestLogLimit ?? 100_000,
  };
}
