// One HubSpot connection per installed portal (client, tokens, limiter), kept for the life of the process.
import { AccessTokens } from '../accessTokens.ts';
import { LimiterRegistry } from '../rateLimits.ts';
import type { ProviderDeps } from '../provider.ts';
import { HubSpotConnection } from './hubspotConnection.ts';
import { HubSpotCrm } from './hubspotCrm.ts';
import type { ChosenStages } from './lifecycleStages.ts';
import { HUBSPOT_LIMITS } from './limits.ts';
import { refreshTokens, type HubSpotApp } from './oauth.ts';

/** What of a tenant's policy the adapter itself applies. */
export interface PortalPolicy {
  lifecycleStages?: ChosenStages;
  leadObjects?: { enabled: boolean };
}

export class HubSpotPortals {
  private readonly app: HubSpotApp;
  private readonly deps: ProviderDeps;
  readonly limiters = new LimiterRegistry(HUBSPOT_LIMITS);
  private readonly portals = new Map<string, HubSpotCrm>();

  constructor(app: HubSpotApp, deps: ProviderDeps) {
    this.app = app;
    this.deps = deps;
  }

  /**
   * The portal's adapter, set as the tenant's policy says: which stages lifecycle meanings map to (custom stages),
   * whether Lead records are followed.
   */
  crm(tenantId: string, policy: PortalPolicy = {}): HubSpotCrm {
    let crm = this.portals.get(tenantId);
    if (!crm) {
      const d = this.deps;
      const tokens = new AccessTokens({
        tenantId,
        vault: d.vault,
        now: d.now,
        refresh: (current) => refreshTokens(this.app, current.refreshToken, d.now()),
        ...(d.sleep && { sleep: d.sleep }),
      });
      const connection = new HubSpotConnection({
        tenantId,
        basePath: this.app.apiBaseUrl,
        tokens,
        limiters: this.limiters,
        log: d.onCall,
        ...(d.retry && { retry: d.retry }),
        ...(d.timeoutMs !== undefined && { timeoutMs: d.timeoutMs }),
        ...(d.sleep && { sleep: d.sleep }),
      });
      crm = new HubSpotCrm(connection);
      this.portals.set(tenantId, crm);
    }
    crm.chooseStages(policy.lifecycleStages ?? {});
    crm.followLeadObjects(policy.leadObjects?.enabled ?? true);
    return crm;
  }

  /** After a reinstall or uninstall: forget cached tokens and clients. */
  forget(tenantId: string): void {
    this.portals.delete(tenantId);
  }

  async stop(): Promise<void> {
    await this.limiters.stop();
  }
}
