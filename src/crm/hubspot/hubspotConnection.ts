// One HubSpot client per portal, with Baton's own per-portal limiter and retry loop instead of the SDK's
// process-wide ones (never configured here), pointed at HubSpot or at the sandbox by base URL.
import { Client } from '@hubspot/api-client';
import { runCall, type CallLog } from '../callRunner.ts';
import type { LimiterRegistry } from '../rateLimits.ts';
import { CrmError } from '../port.ts';
import { DEFAULT_RETRY, type RetryOptions } from '../retryPolicy.ts';
import { hubspotFailure } from './callFailure.ts';

export interface AccessTokenSource {
  accessToken(): Promise<string>;
  /** The CRM refused the current token: a new one now (throws auth_invalid when the grant is gone). */
  refreshNow?(): Promise<string>;
}

export interface HubSpotConnectionOptions {
  tenantId: string;
  /** Default https://api.hubapi.com; the sandbox's URL in sandbox mode and tests. */
  basePath?: string | undefined;
  tokens: AccessTokenSource;
  limiters: LimiterRegistry;
  log: CallLog;
  retry?: Partial<RetryOptions>;
  timeoutMs?: number;
  sleep?: (ms: number) => Promise<void>;
}

export type ApiFamily = 'general' | 'search';

export class HubSpotConnection {
  readonly tenantId: string;
  private readonly client: Client;
  private readonly options: HubSpotConnectionOptions;
  private token: string | null = null;

  constructor(options: HubSpotConnectionOptions) {
    this.options = options;
    this.tenantId = options.tenantId;
    this.client = new Client(options.basePath ? { basePath: options.basePath } : {});
  }

  /** A token refused before its expiry (revoked, rotated elsewhere) gets one refresh and one more try. */
  async call<T>(
    operation: string,
    recordIds: readonly string[],
    family: ApiFamily,
    fn: (client: Client) => Promise<T>,
  ): Promise<T> {
    try {
      return await this.attempt(operation, recordIds, family, fn);
    } catch (error) {
      const refresh = this.options.tokens.refreshNow?.bind(this.options.tokens);
      if (!(error instanceof CrmError) || error.kind !== 'auth_invalid' || error.status !== 401 || !refresh)
        throw error;
      await refresh();
      return this.attempt(operation, recordIds, family, fn);
    }
  }

  private attempt<T>(
    operation: string,
    recordIds: readonly string[],
    family: ApiFamily,
    fn: (client: Client) => Promise<T>,
  ): Promise<T> {
    const o = this.options;
    return runCall(
      {
        tenantId: o.tenantId,
        limiter: o.limiters.for(o.tenantId, family),
        log: o.log,
        retry: { ...DEFAULT_RETRY, random: Math.random, ...o.retry },
        timeoutMs: o.timeoutMs ?? 20_000,
        sleep: o.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms))),
        toFailure: hubspotFailure,
      },
      { name: operation, recordIds },
      async () => {
        // Re-read the token on every attempt: a refresh may have happened while this call waited.
        const token = await o.tokens.accessToken();
        if (token !== this.token) {
          this.client.setAccessToken(token);
          this.token = token;
        }
        return fn(this.client);
      },
    );
  }
}
