// One jsforce connection per Salesforce org: API version set explicitly, Baton's client name in
// Sforce-Call-Options (so its own writes are recognised in change events), our limiter and retry loop around every
// call, the daily allocation read from Sforce-Limit-Info, and token refresh through the tenant's token manager
// (single-flight, lease across processes, rotated refresh token persisted — jsforce keeps the old one).
import { Connection } from 'jsforce';
import { runCall, type CallLog } from '../callRunner.ts';
import type { AccessTokens } from '../accessTokens.ts';
import { CrmError } from '../port.ts';
import type { LimiterRegistry } from '../rateLimits.ts';
import { DEFAULT_RETRY, type RetryOptions } from '../retryPolicy.ts';
import { salesforceFailure } from './callFailure.ts';
import { SF_API_VERSION, SF_CLIENT_NAME } from './batonFields.ts';
import type { ApiBudget } from './limits.ts';

export type { ApiBudget } from './limits.ts';

export interface SalesforceConnectionOptions {
  tenantId: string;
  instanceUrl: string;
  tokens: AccessTokens;
  limiters: LimiterRegistry;
  log: CallLog;
  /** Told the org's API usage after every call (ops shows it; Baton slows down near the limit). */
  onBudget?: (budget: ApiBudget) => void;
  retry?: Partial<RetryOptions>;
  timeoutMs?: number;
  sleep?: (ms: number) => Promise<void>;
}

/** How long a token counts as just issued. */
const FRESH_TOKEN_MS = 60_000;

export class SalesforceConnection {
  readonly tenantId: string;
  readonly conn: Connection;
  private readonly o: SalesforceConnectionOptions;
  /** Why the last refresh failed: jsforce rethrows it as a plain Error, losing the CrmError's kind. */
  private refreshFailure: CrmError | null = null;
  /** Tokens this connection got from a refresh, with when (the last few). */
  private readonly issued = new Map<string, number>();

  constructor(o: SalesforceConnectionOptions) {
    this.o = o;
    this.tenantId = o.tenantId;
    this.conn = new Connection({
      instanceUrl: o.instanceUrl,
      version: SF_API_VERSION,
      callOptions: { client: SF_CLIENT_NAME },
      // On a 401 jsforce asks for a new token once and replays the call; the token manager refreshes it.
      refreshFn: (conn, callback) => {
        // A token refused right after Salesforce issued it will not get better by refreshing again (jsforce would
        // refresh and replay without end): the connection is not usable.
        const rejected = conn.accessToken;
        const issuedAt = rejected ? this.issued.get(rejected) : undefined;
        if (issuedAt !== undefined && Date.now() - issuedAt < FRESH_TOKEN_MS) {
          this.refreshFailure = new CrmError(
            'auth_invalid',
            'Salesforce refused a session it had just issued: check the integration user and the connected app',
          );
          callback(this.refreshFailure);
          return;
        }
        o.tokens.refreshNow().then(
          (token) => {
            this.refreshFailure = null;
            this.issued.set(token, Date.now());
            if (this.issued.size > 20) this.issued.delete(this.issued.keys().next().value ?? '');
            callback(null, token);
          },
          (error: unknown) => {
            this.refreshFailure = error instanceof CrmError ? error : null;
            callback(error instanceof Error ? error : new Error(String(error)));
          },
        );
      },
    });
  }

  async call<T>(
    operation: string,
    recordIds: readonly string[],
    fn: (conn: Connection) => Promise<T>,
  ): Promise<T> {
    const o = this.o;
    const result = await runCall(
      {
        tenantId: o.tenantId,
        limiter: o.limiters.for(o.tenantId, 'general'),
        log: o.log,
        retry: { ...DEFAULT_RETRY, random: Math.random, ...o.retry },
        timeoutMs: o.timeoutMs ?? 30_000,
        sleep: o.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms))),
        toFailure: salesforceFailure,
      },
      { name: operation, recordIds },
      async () => {
        this.conn.accessToken = await o.tokens.accessToken();
        try {
          return await fn(this.conn);
        } catch (error) {
          // "Unable to refresh session due to: …": report the token manager's error (auth_invalid when the
          // refresh token was revoked), not an Error no caller knows how to handle.
          if (
            this.refreshFailure &&
            error instanceof Error &&
            /^Unable to refresh session/.test(error.message)
          )
            throw this.refreshFailure;
          throw error;
        }
      },
    );
    const usage = this.conn.limitInfo.apiUsage;
    if (usage) o.onBudget?.({ used: usage.used, max: usage.limit });
    return result;
  }
}
