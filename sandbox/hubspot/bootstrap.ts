// One portal with a developer app installed: what `npm run sandbox`, the demo and e2e tests start from.
import { LEAD_OBJECT_SCOPES, type DeveloperApp, type SubscriptionType } from './state/developerApp.ts';
import type { Portal } from './state/portal.ts';
import type { SandboxState } from './state/sandboxState.ts';

export interface BootstrapInput {
  portalId?: number;
  portalName?: string;
  appName?: string;
  clientId?: string;
  clientSecret?: string;
  redirectUri?: string;
  scopes?: string[];
  webhookTargetUrl?: string;
  subscriptions?: Array<{ subscriptionType: SubscriptionType; propertyName?: string; objectTypeId?: string }>;
  /** Whether the portal has the Leads object (default true: Sales Hub Professional). */
  leadsObject?: boolean;
  /** Adds the "Inbound leads" pipeline with numeric stage ids next to the default lead pipeline. */
  inboundLeadPipeline?: boolean;
  /** Sales reps besides the portal's admin user. */
  owners?: Array<{ email: string; firstName?: string; lastName?: string }>;
}

export interface BootstrappedPortal {
  portal: Portal;
  app: DeveloperApp;
  /** OAuth tokens of the installed app (the access token expires like HubSpot's). */
  accessToken: string;
  refreshToken: string;
  /** A non-expiring private-app token for the same portal (handy for scripts). */
  privateAppToken: string;
  /** The install URL on a sandbox served at `baseUrl`. */
  authorizeUrl(baseUrl: string, state?: string): string;
}

export function bootstrapPortal(state: SandboxState, input: BootstrapInput = {}): BootstrappedPortal {
  const portal = state.createPortal({
    ...(input.portalId !== undefined && { portalId: input.portalId }),
    name: input.portalName ?? 'Sandbox Portal',
    ...(input.leadsObject !== undefined && { leadsObject: input.leadsObject }),
    ...(input.inboundLeadPipeline !== undefined && { inboundLeadPipeline: input.inboundLeadPipeline }),
  });
  for (const o of input.owners ?? []) portal.createOwner(o);
  const redirectUri = input.redirectUri ?? 'http://localhost:3000/oauth/hubspot/callback';
  const app = state.createApp({
    name: input.appName ?? 'Baton (sandbox)',
    ...(input.clientId && { clientId: input.clientId }),
    ...(input.clientSecret && { clientSecret: input.clientSecret }),
    redirectUris: [redirectUri],
    ...(input.scopes && { scopes: input.scopes }),
    webhooks: {
      ...(input.webhookTargetUrl && { targetUrl: input.webhookTargetUrl }),
      subscriptions: input.subscriptions ?? [],
    },
  });
  const installed = state.installApp(portal.id, app.appId);
  const privateAppToken = state.createPrivateAppToken(portal.id).token;
  return {
    portal,
    app,
    accessToken: installed.accessToken,
    refreshToken: installed.refreshToken,
    privateAppToken,
    authorizeUrl: (baseUrl, st) => {
      const url = new URL('/oauth/authorize', baseUrl);
      url.searchParams.set('client_id', app.clientId);
      url.searchParams.set('redirect_uri', redirectUri);
      // The leads scopes go as optional scopes, so accounts without the Leads object can install too.
      const optional = app.scopes.filter((sc) => LEAD_OBJECT_SCOPES.includes(sc));
      url.searchParams.set('scope', app.scopes.filter((sc) => !optional.includes(sc)).join(' '));
      if (optional.length > 0) url.searchParams.set('optional_scope', optional.join(' '));
      if (st !== undefined) url.searchParams.set('state', st);
      return url.toString();
    },
  };
}
