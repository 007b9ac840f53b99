// HubSpot OAuth on the date-versioned endpoints (2026-03): the authorize URL with exactly the scopes Baton uses,
// the code exchange, refresh, introspection and revocation — form-encoded POSTs with every parameter in the body
// (spec: HubSpot-public-api-spec-collection PublicApiSpecs/Auth/Oauth/Rollouts/279897/2026-03/oauth.json; docs:
// https://developers.hubspot.com/docs/api-reference/auth-oauth-v3/guide). HubSpot switches the v1 OAuth endpoints
// off on 2027-02-16 (changelog "v1-oauth-api-deprecation"), and @hubspot/api-client 14's OAuth helpers still call
// them, so Baton calls these itself. Uninstalling is its own endpoint (appUninstall.ts).
import { z } from 'zod';
import { CrmError } from '../port.ts';
import type { OAuthFlow } from '../provider.ts';
import type { TokenSet } from '../tokenSet.ts';
import { uninstallApp } from './appUninstall.ts';
import { oauthPost } from './oauthRequest.ts';

export { tokenSetSchema, type TokenSet } from '../tokenSet.ts';

/** Exactly what Baton uses: contacts (read, write incl. tasks), their schema (provisioning), lists, owners. */
export const HUBSPOT_SCOPES = [
  'oauth',
  'crm.objects.contacts.read',
  'crm.objects.contacts.write',
  'crm.schemas.contacts.read',
  'crm.schemas.contacts.write',
  'crm.lists.read',
  'crm.lists.write',
  'crm.objects.owners.read',
] as const;

/**
 * Asked for but not required: the Leads object exists only with Sales Hub Professional/Enterprise (leads spec
 * x-hubspot-product-tier-requirements: sales PROFESSIONAL), and a required scope a portal lacks fails the install.
 * Without it Baton follows contacts alone. Read only: Baton reads Lead records and never writes them.
 */
export const HUBSPOT_OPTIONAL_SCOPES = ['crm.objects.leads.read'] as const;

export interface HubSpotApp {
  clientId: string;
  clientSecret: string;
  /** https://app.hubspot.com/oauth/authorize, or the sandbox's. */
  authorizeUrl: string;
  /** https://api.hubapi.com, or the sandbox's. */
  apiBaseUrl: string;
}

/** AccessTokenResponse (2026-03 spec): the token pair, and whose portal and user it is. */
const tokenResponse = z.object({
  access_token: z.string().min(1),
  refresh_token: z.string().min(1),
  expires_in: z.number().positive(),
  token_type: z.string(),
  hub_id: z.number().int().optional(),
  user_id: z.number().int().optional(),
  scopes: z.array(z.string()).optional(),
});

/** PublicAccessTokenInfoResponse (2026-03 spec), as far as Baton reads it. */
const accessTokenInfo = z.object({
  active: z.boolean(),
  hub_id: z.number().int(),
  hub_domain: z.string().optional(),
  user_id: z.number().int().optional(),
  user: z.string().optional(),
  scopes: z.array(z.string()).default([]),
});

export function authorizeUrl(app: HubSpotApp, redirectUri: string, state: string): string {
  const url = new URL(app.authorizeUrl);
  url.searchParams.set('client_id', app.clientId);
  url.searchParams.set('redirect_uri', redirectUri);
  url.searchParams.set('scope', HUBSPOT_SCOPES.join(' '));
  url.searchParams.set('optional_scope', HUBSPOT_OPTIONAL_SCOPES.join(' '));
  url.searchParams.set('state', state);
  return url.toString();
}

const clientOf = (app: HubSpotApp) => ({ client_id: app.clientId, client_secret: app.clientSecret });

function toTokenSet(response: unknown, now: Date, operation: string): TokenSet & { portalId: string | null } {
  const t = tokenResponse.safeParse(response);
  if (!t.success) throw new CrmError('permanent', `${operation}: unexpected answer from HubSpot`);
  return {
    accessToken: t.data.access_token,
    refreshToken: t.data.refresh_token,
    expiresAt: new Date(now.getTime() + t.data.expires_in * 1000),
    portalId: t.data.hub_id === undefined ? null : String(t.data.hub_id),
  };
}

export async function exchangeCode(
  app: HubSpotApp,
  code: string,
  redirectUri: string,
  now: Date,
): Promise<TokenSet> {
  const body = { grant_type: 'authorization_code', code, redirect_uri: redirectUri, ...clientOf(app) };
  const { portalId: _portalId, ...tokens } = toTokenSet(
    await oauthPost(app.apiBaseUrl, '/token', body, 'oauth.code-exchange'),
    now,
    'oauth.code-exchange',
  );
  return tokens;
}

/** A new access token; HubSpot may rotate the refresh token too, and the new one must be kept. */
export async function refreshTokens(app: HubSpotApp, refreshToken: string, now: Date): Promise<TokenSet> {
  const body = { grant_type: 'refresh_token', refresh_token: refreshToken, ...clientOf(app) };
  const { portalId: _portalId, ...tokens } = toTokenSet(
    await oauthPost(app.apiBaseUrl, '/token', body, 'oauth.refresh'),
    now,
    'oauth.refresh',
  );
  return tokens;
}

/** Whose access token this is: the portal, its domain, the user who installed. */
export async function tokenInfo(
  app: HubSpotApp,
  accessToken: string,
): Promise<{
  portalId: string;
  domain: string | null;
  user: string | null;
  userId: string | null;
  scopes: string[];
}> {
  const body = { token: accessToken, token_type_hint: 'access_token', ...clientOf(app) };
  const info = accessTokenInfo.safeParse(
    await oauthPost(app.apiBaseUrl, '/token/introspect', body, 'oauth.introspect'),
  );
  if (!info.success) throw new CrmError('permanent', 'oauth.introspect: unexpected answer from HubSpot');
  if (!info.data.active) throw new CrmError('auth_invalid', 'oauth.introspect: the token is not active');
  return {
    portalId: String(info.data.hub_id),
    domain: info.data.hub_domain ?? null,
    user: info.data.user ?? null,
    userId: info.data.user_id === undefined ? null : String(info.data.user_id),
    scopes: info.data.scopes,
  };
}

/** Revokes a refresh token (only the token: the app stays installed — see appUninstall.ts). */
export async function revokeRefreshToken(app: HubSpotApp, refreshToken: string): Promise<void> {
  const body = { token: refreshToken, token_type_hint: 'refresh_token', ...clientOf(app) };
  await oauthPost(app.apiBaseUrl, '/token/revoke', body, 'oauth.revoke');
}

/** A usable access token for a disconnect: the stored one while it lasts, else one from the refresh token. */
async function currentAccessToken(app: HubSpotApp, credentials: TokenSet, now: Date): Promise<string> {
  if (credentials.expiresAt.getTime() > now.getTime() + 60_000) return credentials.accessToken;
  return (await refreshTokens(app, credentials.refreshToken, now)).accessToken;
}

/** Installing in a portal: consent, then the code for tokens and the portal (and user) they belong to. */
export function hubspotOAuthFlow(app: HubSpotApp): OAuthFlow {
  return {
    words: {
      verb: 'install',
      noun: 'install',
      done: 'installed in',
      account: 'portal',
      provisioningFix: 'Check the app scopes, then reconnect Baton.',
    },
    authorize: (redirectUri, state) => ({ url: authorizeUrl(app, redirectUri, state), verifier: null }),
    async exchange(code, redirectUri, _verifier, now) {
      const credentials = await exchangeCode(app, code, redirectUri, now);
      let info;
      try {
        info = await tokenInfo(app, credentials.accessToken);
      } catch (error) {
        // The code was good: HubSpot not saying whose tokens these are is HubSpot failing, not the caller.
        const detail = error instanceof Error ? error.message : String(error);
        throw new CrmError('retryable', detail, { cause: error });
      }
      return {
        account: { externalId: info.portalId, name: info.domain ?? `HubSpot portal ${info.portalId}` },
        adminUserId: info.userId,
        credentials,
      };
    },
    // A real uninstall: HubSpot removes the app (its cards, its webhooks) from the portal, then the refresh token
    // is revoked. Revoking alone would leave the app installed and its webhooks coming.
    async disconnect(credentials, now) {
      const accessToken = await currentAccessToken(app, credentials, now);
      await uninstallApp(app.apiBaseUrl, accessToken);
      // The uninstall ends the install's tokens; revoking too is belt and braces (a 4xx here changes nothing).
      const revoked = await revokeRefreshToken(app, credentials.refreshToken).then(
        () => true,
        () => false,
      );
      return { uninstalled: true, revoked };
    },
  };
}
