// One HubSpot connection per installed portal (client, tokens, limiter), kept for the life of the process,
// with every call written to the sync log.
import type { CallLog, CallLogEntry } from '../crm/callRunner.ts';
import { HubSpotConnection } from '../crm/hubspot/hubspotConnection.ts';
import { HubSpotCrm } from '../crm/hubspot/hubspotCrm.ts';
import { AccessTokens, type TokenVault } from '../crm/accessTokens.ts';
import { refreshTokens, type HubSpotApp } from '../crm/hubspot/oauth.ts';
import { HUBSPOT_LIMITS, LimiterRegistry } from '../crm/rateLimits.ts';
import type { RetryOptions } from '../crm/retryPolicy.ts';
import type { Executor } from '../store/executor.ts';
import { recordSync } from '../store/syncLog.ts';

export interface HubSpotPortalsDeps {
  db: Executor;
  app: HubSpotApp;
  vault: TokenVault;
  now: () => Date;
  retry?: Partial<RetryOptions>;
  timeoutMs?: number;
  sleep?: (ms: number) => Promise<void>;
  /** Told about every CRM call attempt (metrics). */
  onCall?: (entry: CallLogEntry) => void;
}

/** Calls go into the sync log stamped with Baton's clock (the one the ops views compare against). */
export function syncLogWriter(db: Executor, now: () => Date): CallLog {
  return (e) =>
    recordSync(db, [
      {
        at: now(),
        tenantId: e.tenantId,
        direction: 'outbound',
        operation: e.operation,
        recordIds: e.recordIds,
        status: e.status,
        httpStatus: e.httpStatus,
        latencyMs: e.latencyMs,
        attempt: e.attempt,
        errorKind: e.errorKind,
        message: e.message,
      },
    ]);
}

export class HubSpotPortals {
  private readonly deps: HubSpotPortalsDeps;
  readonly limiters = new LimiterRegistry(HUBSPOT_LIMITS);
  private readonly portals = new Map<
    string,
    { crm: HubSpotCrm; connection: HubSpotConnection; tokens: AccessTokens }
  >();

  constructor(deps: HubSpotPortalsDeps) {
    this.deps = deps;
  }

  private portal(tenantId: string) {
    let p = this.portals.get(tenantId);
    if (!p) {
      const d = this.deps;
      const tokens = new AccessTokens({
        tenantId,
        vault: d.vault,
        now: d.now,
        refresh: (current) => refreshTokens(d.app, current.refreshToken, d.now()),
        ...(d.sleep && { sleep: d.sleep }),
      });
      const connection = new HubSpotConnection({
        tenantId,
        basePath: d.app.apiBaseUrl,
        tokens,
        limiters: this.limiters,
        log: async (e) => {
          d.onCall?.(e);
          await syncLogWriter(d.db, d.now)(e);
        },
        ...(d.retry && { retry: d.retry }),
        ...(d.timeoutMs !== undefined && { timeoutMs: d.timeoutMs }),
        ...(d.sleep && { sleep: d.sleep }),
      });
      p = { crm: new HubSpotCrm(connection), connection, tokens };
      this.portals.set(tenantId, p);
    }
    return p;
  }

  crm(tenantId: string): HubSpotCrm {
    return this.portal(tenantId).crm;
  }

  /** After a reinstall or uninstall: forget cached tokens and clients. */
  forget(tenantId: string): void {
    this.portals.delete(tenantId);
  }

  async stop(): Promise<void> {
    await this.limiters.stop();
  }
}
