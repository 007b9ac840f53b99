// HubSpot OAuth: the authorize URL with exactly the scopes Baton uses, code exchange, refresh, token info and
// revocation, through the official client (pointed at HubSpot or the sandbox).
import { Client } from '@hubspot/api-client';
import { z } from 'zod';
import { CrmError } from '../port.ts';
import type { OAuthFlow } from '../provider.ts';
import { hubspotResponse, noAnswer } from './callFailure.ts';

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

export interface HubSpotApp {
  clientId: string;
  clientSecret: string;
  /** https://app.hubspot.com/oauth/authorize, or the sandbox's. */
  authorizeUrl: string;
  /** https://api.hubapi.com, or the sandbox's. */
  apiBaseUrl: string;
}

export { tokenSetSchema, type TokenSet } from '../tokenSet.ts';
import type { TokenSet } from '../tokenSet.ts';

const tokenResponse = z.object({
  accessToken: z.string().min(1),
  refreshToken: z.string().min(1),
  expiresIn: z.number().positive(),
});

const tokenInfoResponse = z.object({
  hubId: z.number(),
  userId: z.number().optional(),
  hubDomain: z.string().optional(),
  user: z.string().optional(),
  scopes: z.array(z.string()).default([]),
});

export function authorizeUrl(app: HubSpotApp, redirectUri: string, state: string): string {
  const url = new URL(app.authorizeUrl);
  url.searchParams.set('client_id', app.clientId);
  url.searchParams.set('redirect_uri', redirectUri);
  url.searchParams.set('scope', HUBSPOT_SCOPES.join(' '));
  url.searchParams.set('state', state);
  return url.toString();
}

const plain = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

/** HubSpot answers a revoked or unknown refresh token with 400 BAD_REFRESH_TOKEN: that is an auth failure. */
function oauthError(operation: string, error: unknown): CrmError {
  const failure = hubspotResponse(error);
  if (!failure) {
    const what = noAnswer(error) ? 'no response' : String(error);
    return new CrmError('retryable', `${operation}: ${what}`, { cause: error });
  }
  const body = failure.body;
  const status = typeof body === 'object' && body !== null && 'status' in body ? String(body.status) : '';
  if (failure.status === 400 && /BAD_(REFRESH_TOKEN|AUTH_CODE|GRANT)|INVALID_GRANT/i.test(status)) {
    return new CrmError('auth_invalid', `${operation}: ${status}`, { status: 400, cause: error });
  }
  if (failure.status >= 500 || failure.status === 429) {
    return new CrmError('retryable', `${operation}: HTTP ${failure.status}`, {
      status: failure.status,
      cause: error,
    });
  }
  return new CrmError('permanent', `${operation}: HTTP ${failure.status} ${status}`, {
    status: failure.status,
    cause: error,
  });
}

function oauthClient(app: HubSpotApp): Client {
  return new Client({ basePath: app.apiBaseUrl });
}

function toTokenSet(response: unknown, now: Date): TokenSet {
  const t = tokenResponse.parse(plain(response));
  return {
    accessToken: t.accessToken,
    refreshToken: t.refreshToken,
    expiresAt: new Date(now.getTime() + t.expiresIn * 1000),
  };
}

export async function exchangeCode(
  app: HubSpotApp,
  code: string,
  redirectUri: string,
  now: Date,
): Promise<TokenSet> {
  try {
    const response = await oauthClient(app).oauth.tokensApi.create(
      'authorization_code',
      code,
      redirectUri,
      app.clientId,
      app.clientSecret,
    );
    return toTokenSet(response, now);
  } catch (error) {
    throw oauthError('oauth.code-exchange', error);
  }
}

/** A new access token; HubSpot may rotate the refresh token too, and the new one must be kept. */
export async function refreshTokens(app: HubSpotApp, refreshToken: string, now: Date): Promise<TokenSet> {
  try {
    const response = await oauthClient(app).oauth.tokensApi.create(
      'refresh_token',
      undefined,
      undefined,
      app.clientId,
      app.clientSecret,
      refreshToken,
    );
    return toTokenSet(response, now);
  } catch (error) {
    throw oauthError('oauth.refresh', error);
  }
}

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
  try {
    const info = tokenInfoResponse.parse(
      plain(await oauthClient(app).oauth.accessTokensApi.get(accessToken)),
    );
    return {
      portalId: String(info.hubId),
      domain: info.hubDomain ?? null,
      user: info.user ?? null,
      userId: info.userId === undefined ? null : String(info.userId),
      scopes: info.scopes,
    };
  } catch (error) {
    if (error instanceof z.ZodError)
      throw new CrmError('permanent', 'oauth.token-info: unexpected response', { cause: error });
    throw oauthError('oauth.token-info', error);
  }
}

export async function revokeRefreshToken(app: HubSpotApp, refreshToken: string): Promise<void> {
  try {
    await oauthClient(app).oauth.refreshTokensApi.archive(refreshToken);
  } catch (error) {
    throw oauthError('oauth.revoke', error);
  }
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
    revoke: (credentials) => revokeRefreshToken(app, credentials.refreshToken),
  };
}
