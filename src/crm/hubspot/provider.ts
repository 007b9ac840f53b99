// HubSpot behind Baton's provider interface: portals installed through OAuth, contacts as leads (the port),
// changes pushed as signed webhooks, 110 requests per 10 s per portal.
import type { CrmProvider, ProviderDeps } from '../provider.ts';
import { HUBSPOT_LIMITS } from './limits.ts';
import { hubspotOAuthFlow, type HubSpotApp } from './oauth.ts';
import { HubSpotPortals } from './portals.ts';
import { hubspotWebhookIngress } from './webhooks.ts';

export interface HubSpotAppConfig extends HubSpotApp {
  /** The app's id: webhooks carry it, and HubSpot attributes Baton's own writes to it. */
  appId: string | null;
}

export function hubspotProvider(
  app: HubSpotAppConfig,
  deps: ProviderDeps,
): CrmProvider & { portals: HubSpotPortals } {
  const portals = new HubSpotPortals(app, deps);
  const perTenSeconds = HUBSPOT_LIMITS.general?.perWindow ?? null;
  return {
    kind: 'hubspot',
    name: 'HubSpot',
    portals,
    oauth: hubspotOAuthFlow(app),
    port: async (tenant) => portals.crm(tenant.id, tenant.policy),
    // Provisioning creates what HubSpot needs; nothing in the policy comes from the portal.
    settingsAfterProvisioning: async () => ({}),
    limitPer10s: perTenSeconds,
    waiting: (tenantId) => portals.limiters.queued(tenantId),
    forget: (tenantId) => portals.forget(tenantId),
    webhooks: hubspotWebhookIngress(app),
    changeFeed: () => null,
    // HubSpot has no validation rules on properties Baton writes (an option removed is a provisioning problem).
    ruleRefusal: () => null,
    stop: () => portals.stop(),
  };
}
