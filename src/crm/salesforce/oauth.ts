// Salesforce OAuth 2.0 web-server flow with PKCE (required for partner apps): the authorize URL with an S256
// challenge, the code exchange with the verifier kept server-side, refresh (Salesforce may rotate the refresh
// token: the new one must be kept), and revocation.
import { createHash, randomBytes } from 'node:crypto';
import { OAuth2 } from 'jsforce';
import { z } from 'zod';
import { CrmError } from '../port.ts';
import type { OAuthFlow } from '../provider.ts';
import { salesforceFailure } from './callFailure.ts';

export interface SalesforceApp {
  clientId: string;
  clientSecret: string;
  /** https://login.salesforce.com (or test.salesforce.com, a My Domain, or the sandbox). */
  loginUrl: string;
  /** Where change events are subscribed: https://api.pubsub.salesforce.com:7443, or the sandbox org's. */
  pubSubUrl: string;
}

/** What Baton needs: the REST API and a refresh token. */
export const SALESFORCE_SCOPES = ['api', 'refresh_token'] as const;
/** Salesforce sessions end after inactivity (2 h by default) and carry no expiry; Baton refreshes on 401. */
const SESSION_GUESS_MS = 2 * 3_600_000;

export interface SalesforceTokens {
  accessToken: string;
  refreshToken: string;
  expiresAt: Date;
  instanceUrl: string;
}

const tokenResponse = z.object({
  access_token: z.string().min(1),
  refresh_token: z.string().min(1).optional(),
  instance_url: z.string().url(),
  id: z.string().url(),
});

export function pkcePair(): { verifier: string; challenge: string } {
  const verifier = randomBytes(48).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

export function authorizeUrl(
  app: SalesforceApp,
  redirectUri: string,
  state: string,
  challenge: string,
): string {
  const url = new URL('/services/oauth2/authorize', app.loginUrl);
  url.searchParams.set('response_type', 'code');
  url.searchParams.set('client_id', app.clientId);
  url.searchParams.set('redirect_uri', redirectUri);
  url.searchParams.set('scope', SALESFORCE_SCOPES.join(' '));
  url.searchParams.set('state', state);
  url.searchParams.set('code_challenge', challenge);
  url.searchParams.set('code_challenge_method', 'S256');
  return url.toString();
}

const oauth2 = (app: SalesforceApp, redirectUri?: string) =>
  new OAuth2({
    loginUrl: app.loginUrl,
    clientId: app.clientId,
    clientSecret: app.clientSecret,
    ...(redirectUri && { redirectUri }),
  });

/** invalid_grant = the code or refresh token is no good any more: an auth failure, not a passing one. */
/** OAuth error codes that mean the grant, the user or the org can no longer be used: reconnect. */
const AUTH_GONE = new Set([
  'invalid_grant',
  'invalid_client',
  'invalid_client_id',
  'unauthorized_client',
  'inactive_user',
  'inactive_org',
]);

function oauthError(operation: string, error: unknown): CrmError {
  if (error instanceof Error && AUTH_GONE.has(error.name)) {
    return new CrmError('auth_invalid', `${operation}: ${error.name} (${error.message})`, { cause: error });
  }
  // Any other OAuth error code (invalid_request, unsupported_grant_type, …) will not pass by retrying.
  if (error instanceof Error && /^[a-z]+(_[a-z]+)+$/.test(error.name)) {
    return new CrmError('permanent', `${operation}: ${error.name} (${error.message})`, { cause: error });
  }
  const failure = salesforceFailure(error);
  const status = failure?.status ?? null;
  const kind = status === null || status >= 500 ? 'retryable' : 'permanent';
  return new CrmError(kind, `${operation}: ${error instanceof Error ? error.message : String(error)}`, {
    status,
    cause: error,
  });
}

/** The org and user ids come from the identity URL: https://login.salesforce.com/id/<orgId>/<userId>. */
export function identityOf(idUrl: string): { orgId: string; userId: string } {
  const [orgId, userId] = new URL(idUrl).pathname.split('/').slice(-2);
  if (!orgId || !userId) throw new CrmError('permanent', `Unexpected identity URL ${idUrl}`);
  return { orgId, userId };
}

export async function exchangeCode(
  app: SalesforceApp,
  code: string,
  verifier: string,
  redirectUri: string,
  now: Date,
): Promise<SalesforceTokens & { orgId: string; userId: string }> {
  try {
    const raw = await oauth2(app, redirectUri).requestToken(code, { code_verifier: verifier });
    const t = tokenResponse.parse(raw);
    if (!t.refresh_token)
      throw new CrmError(
        'permanent',
        'Salesforce sent no refresh token: the app needs the refresh_token scope',
      );
    return {
      accessToken: t.access_token,
      refreshToken: t.refresh_token,
      instanceUrl: t.instance_url,
      expiresAt: new Date(now.getTime() + SESSION_GUESS_MS),
      ...identityOf(t.id),
    };
  } catch (error) {
    if (error instanceof CrmError) throw error;
    throw oauthError('oauth.code-exchange', error);
  }
}

export async function refreshTokens(
  app: SalesforceApp,
  current: { refreshToken: string },
  now: Date,
): Promise<SalesforceTokens> {
  try {
    const t = tokenResponse.parse(await oauth2(app).refreshToken(current.refreshToken));
    return {
      accessToken: t.access_token,
      // With rotation on, the old refresh token is dead from now on: keep the new one.
      refreshToken: t.refresh_token ?? current.refreshToken,
      instanceUrl: t.instance_url,
      expiresAt: new Date(now.getTime() + SESSION_GUESS_MS),
    };
  } catch (error) {
    throw oauthError('oauth.refresh', error);
  }
}

export async function revoke(app: SalesforceApp, token: string): Promise<void> {
  try {
    await oauth2(app).revokeToken(token);
  } catch (error) {
    throw oauthError('oauth.revoke', error);
  }
}

/** Connecting an org: consent with PKCE, then the code for tokens and the org and user they belong to. */
export function salesforceOAuthFlow(app: SalesforceApp): OAuthFlow {
  return {
    words: {
      verb: 'connect',
      noun: 'connection',
      done: 'connected to',
      account: 'org',
      provisioningFix: "Install Baton's package in the org, then reconnect.",
    },
    authorize(redirectUri, state) {
      const { verifier, challenge } = pkcePair();
      return { url: authorizeUrl(app, redirectUri, state, challenge), verifier };
    },
    async exchange(code, redirectUri, verifier, now) {
      // Baton always sends a challenge, so Salesforce always wants the verifier: without it the code is useless.
      if (!verifier) throw new CrmError('permanent', 'No PKCE verifier for this authorization code');
      const granted = await exchangeCode(app, code, verifier, redirectUri, now);
      return {
        account: { externalId: granted.orgId, name: `Salesforce org ${granted.orgId}` },
        adminUserId: granted.userId,
        credentials: {
          accessToken: granted.accessToken,
          refreshToken: granted.refreshToken,
          expiresAt: granted.expiresAt,
          instanceUrl: granted.instanceUrl,
        },
      };
    },
    // A connected app is not uninstalled from the org by API: revoking the grant ends Baton's access; the package
    // and its fields stay until an admin removes them.
    async disconnect(credentials) {
      await revoke(app, credentials.refreshToken);
      return { uninstalled: false, revoked: true };
    },
  };
}
