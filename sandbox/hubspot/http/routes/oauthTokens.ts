// The current OAuth endpoints, mounted at /oauth/v3 and /oauth/2026-03: token (authorization_code, refresh_token),
// token/introspect and token/revoke, each a form-encoded POST with every parameter in the body.
// Spec: HubSpot-public-api-spec-collection PublicApiSpecs/Auth/Oauth/Rollouts/279897/2026-03/oauth.json
// (AccessTokenResponse, PublicAccessTokenInfoResponse, PublicRefreshTokenInfoResponse, Error); docs:
// https://developers.hubspot.com/docs/api-reference/auth-oauth-v3/guide.
// Refusals: the spec's only error answer is its Error schema { category, correlationId, message, … }; third-party
// captures of these endpoints also show RFC 6749's { error, error_description }, so the sandbox sends both.
// Where the spec is silent — the status of a success with no body (revoke), an unknown token at introspect or
// revoke — the sandbox follows RFC 7009 (200, empty) and RFC 7662 ({ active: false }).
import { randomUUID } from 'node:crypto';
import express, { Router } from 'express';
import { HubSpotError } from '../../hubspotErrors.ts';
import type { SandboxState } from '../../state/sandboxState.ts';
import type { AccessToken, RefreshToken } from '../../state/tokenStore.ts';
import { tokenForm } from '../bodies.ts';
import { grantTokens, lifetimeOf, type GrantOptions, type TokenRefusal } from './tokenGrants.ts';
import { z } from 'zod';

const REFUSALS: Record<TokenRefusal, { error: string; subCategory: string; message: string }> = {
  grant_type: {
    error: 'unsupported_grant_type',
    subCategory: 'BAD_GRANT_TYPE',
    message: 'missing or unknown grant_type',
  },
  client_id: {
    error: 'invalid_client',
    subCategory: 'BAD_CLIENT_ID',
    message: 'missing or unknown client_id',
  },
  client_secret: {
    error: 'invalid_client',
    subCategory: 'BAD_CLIENT_SECRET',
    message: 'missing or invalid client_secret',
  },
  auth_code: {
    error: 'invalid_grant',
    subCategory: 'BAD_AUTH_CODE',
    message: 'missing or unknown auth code',
  },
  redirect_uri: {
    error: 'invalid_grant',
    subCategory: 'BAD_REDIRECT_URI',
    message: 'redirect_uri does not match the auth code',
  },
  refresh_token: {
    error: 'invalid_grant',
    subCategory: 'BAD_REFRESH_TOKEN',
    message: 'missing or unknown refresh token',
  },
};

function refusal(why: TokenRefusal): HubSpotError {
  const r = REFUSALS[why];
  return new HubSpotError(400, {
    category: 'VALIDATION_ERROR',
    subCategory: r.subCategory,
    correlationId: randomUUID(),
    message: r.message,
    error: r.error,
    error_description: r.message,
  });
}

const tokenAuthForm = z.object({
  token: z.string().optional(),
  token_type_hint: z.string().optional(),
  client_id: z.string().optional(),
  client_secret: z.string().optional(),
});

/** AccessTokenResponse: the pair, its lifetime, and whose portal and user it is. */
function accessTokenResponse(access: AccessToken, refresh: RefreshToken): Record<string, unknown> {
  return {
    access_token: access.token,
    refresh_token: refresh.token,
    expires_in: lifetimeOf(access),
    token_type: 'bearer',
    token_use: 'access_token',
    hub_id: access.portalId,
    user_id: access.userId,
    scopes: access.scopes,
  };
}

function accessTokenInfo(state: SandboxState, t: AccessToken, clientId: string): Record<string, unknown> {
  const now = state.clock.now();
  const expiresAt = t.expiresAt ?? now;
  return {
    active: true,
    app_id: t.appId,
    client_id: clientId,
    expires_in: Math.max(0, Math.round((expiresAt - now) / 1000)),
    hub_domain: state.findPortal(t.portalId)?.domain ?? '',
    hub_id: t.portalId,
    is_private_distribution: false,
    scopes: t.scopes,
    signed_access_token: {
      appId: t.appId,
      appInstallId: `${t.portalId}-${t.appId}`,
      audience: 'sandbox',
      expiresAt,
      hubId: t.portalId,
      hublet: 'na1',
      installingUserId: t.userId,
      isPrivateDistribution: false,
      isServiceAccount: false,
      isUserLevel: false,
      newSignature: 'sandbox',
      scopeToScopeGroupPks: '',
      scopes: t.scopes.join(' '),
      signature: 'sandbox',
      trialScopeToScopeGroupPks: '',
      trialScopes: '',
      userId: t.userId,
    },
    token: t.token,
    token_type: 'bearer',
    token_use: 'access_token',
    user: t.userEmail,
    user_id: t.userId,
  };
}

function refreshTokenInfo(state: SandboxState, t: RefreshToken): Record<string, unknown> {
  return {
    active: true,
    app_id: t.appId,
    client_id: t.clientId,
    hub_domain: state.findPortal(t.portalId)?.domain ?? '',
    hub_id: t.portalId,
    scopes: t.scopes,
    token: t.token,
    token_type: 'bearer',
    token_use: 'refresh_token',
    user: t.userEmail,
    user_id: t.userId,
  };
}

/** The app whose client id and secret are in the body, or a refusal. */
function appFrom(state: SandboxState, form: z.output<typeof tokenAuthForm>) {
  const app = form.client_id ? state.appByClientId(form.client_id) : undefined;
  if (!app) throw refusal('client_id');
  if (form.client_secret !== app.clientSecret) throw refusal('client_secret');
  return app;
}

export function currentTokenRoutes(state: SandboxState, options: () => GrantOptions): Router {
  const router = Router();
  router.use(express.urlencoded({ extended: false }));

  router.post('/token', (req, res) => {
    const { access, refresh } = grantTokens(state, options(), tokenForm.parse(req.body ?? {}), refusal);
    res.json(accessTokenResponse(access, refresh));
  });

  router.post('/token/introspect', (req, res) => {
    const form = tokenAuthForm.parse(req.body ?? {});
    const app = appFrom(state, form);
    const now = state.clock.now();
    const access = form.token ? state.tokens.accessToken(form.token) : undefined;
    if (access && !access.revoked && access.appId === app.appId && (access.expiresAt ?? Infinity) > now)
      return res.json(accessTokenInfo(state, access, app.clientId));
    const refresh = form.token ? state.tokens.refreshToken(form.token) : undefined;
    if (refresh && refresh.appId === app.appId) return res.json(refreshTokenInfo(state, refresh));
    res.json({ active: false });
  });

  router.post('/token/revoke', (req, res) => {
    const form = tokenAuthForm.parse(req.body ?? {});
    const app = appFrom(state, form);
    const refresh = form.token ? state.tokens.refreshToken(form.token) : undefined;
    // "Deletes/Revokes provided Refresh Token" (spec): the token only; the app stays installed.
    if (refresh && refresh.appId === app.appId) state.tokens.revokeRefresh(refresh.token);
    res.status(200).end();
  });

  return router;
}
