// OAuth: the install screen (/oauth/authorize, approved at once for the configured portal, or denied on
// request) and the legacy v1 endpoints (token, access-token and refresh-token info, refresh-token delete), which
// HubSpot serves until it switches them off on 2027-02-16 (changelog "v1-oauth-api-deprecation"; the legacy docs
// carry the banner). The current endpoints (v3, 2026-03) are in oauthTokens.ts. Codes are single-use and
// short-lived; access tokens expire; refresh tokens optionally rotate.
import express, { Router, type Response } from 'express';
import { notFound, oauthError } from '../../hubspotErrors.ts';
import { LEAD_OBJECT_SCOPES } from '../../state/developerApp.ts';
import type { SandboxState } from '../../state/sandboxState.ts';
import type { AccessToken, RefreshToken } from '../../state/tokenStore.ts';
import { authorizeQuery, tokenForm } from '../bodies.ts';
import { param } from '../query.ts';
import { currentTokenRoutes } from './oauthTokens.ts';
import { grantTokens, lifetimeOf, type TokenRefusal } from './tokenGrants.ts';

export interface OAuthOptions {
  codeTtlSeconds: number;
  rotateRefreshTokens: boolean;
  /** Simulates the user clicking "cancel" on the install screen. */
  denyAuthorization: boolean;
}

const escapeHtml = (s: string): string =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );

function errorPage(res: Response, message: string): void {
  res
    .status(400)
    .type('html')
    .send(
      `<!doctype html><html><head><title>Authorization failed</title></head><body><h1>Authorization failed</h1><p>${escapeHtml(message)}</p></body></html>`,
    );
}

const splitScopes = (text: string): string[] => text.split(/[\s+,]+/).filter(Boolean);
const isLeadScope = (s: string): boolean => LEAD_OBJECT_SCOPES.includes(s);

/** The v1 token response: the pair and its lifetime, nothing about whose it is. */
function tokenResponse(access: AccessToken, refresh: RefreshToken): Record<string, unknown> {
  return {
    token_type: 'bearer',
    refresh_token: refresh.token,
    access_token: access.token,
    expires_in: lifetimeOf(access),
  };
}

export function oauthRoutes(state: SandboxState, options: () => OAuthOptions): Router {
  const router = Router();

  router.get('/authorize', (req, res) => {
    const q = authorizeQuery.parse(req.query);
    const app = q.client_id ? state.appByClientId(q.client_id) : undefined;
    if (!app) return errorPage(res, "Authorization failed because this app's client ID is invalid.");
    if (!q.redirect_uri || !app.redirectUris.includes(q.redirect_uri)) {
      return errorPage(
        res,
        "Authorization failed because the redirect URL doesn't match the app's redirect URLs.",
      );
    }
    const required = splitScopes(q.scope);
    const invalid = required.filter((s) => !app.scopes.includes(s));
    if (invalid.length > 0)
      return errorPage(
        res,
        `Authorization failed because one or more scopes are invalid: ${invalid.join(', ')}`,
      );
    const back = new URL(q.redirect_uri);
    if (q.state !== undefined) back.searchParams.set('state', q.state);
    if (options().denyAuthorization) {
      back.searchParams.set('error', 'access_denied');
      back.searchParams.set('error_description', 'The user denied the request.');
      return res.redirect(302, back.toString());
    }
    const portalId = state.authorizePortalId;
    if (portalId === undefined) return errorPage(res, 'There is no HubSpot account to install the app into.');
    // A required scope the account's products lack fails the install (changelog 2018-02-01 "Integration Permission
    // Error"); optional ones are dropped (grantFor). Only the Leads object is modelled per account.
    const lacking = state.findPortal(portalId)?.leadsObject === false ? required.filter(isLeadScope) : [];
    if (lacking.length > 0)
      return errorPage(res, `This account doesn't have access to the required scopes: ${lacking.join(', ')}`);
    const optional = splitScopes(q.optional_scope).filter((s) => app.scopes.includes(s));
    const grant = state.grantFor(portalId, app, { scopes: [...new Set([...required, ...optional])] });
    const code = state.tokens.issueCode({
      ...grant,
      clientId: app.clientId,
      redirectUri: q.redirect_uri,
      expiresAt: state.clock.now() + options().codeTtlSeconds * 1000,
    });
    back.searchParams.set('code', code.code);
    res.redirect(302, back.toString());
  });

  // v1 says no with its own { status: 'BAD_…' } bodies (legacy docs, oauth-tokens/v1).
  const LEGACY: Record<TokenRefusal, [string, string]> = {
    grant_type: ['BAD_GRANT_TYPE', 'missing or unknown grant_type'],
    client_id: ['BAD_CLIENT_ID', 'missing or unknown client_id'],
    client_secret: ['BAD_CLIENT_SECRET', 'missing or invalid client_secret'],
    auth_code: ['BAD_AUTH_CODE', 'missing or unknown auth code'],
    redirect_uri: ['BAD_REDIRECT_URI', 'redirect_uri does not match initial auth code URL'],
    refresh_token: ['BAD_REFRESH_TOKEN', 'missing or unknown refresh token'],
  };
  const token = Router();
  token.use(express.urlencoded({ extended: false }));
  token.post('/', (req, res) => {
    const form = tokenForm.parse(req.body ?? {});
    const { access, refresh } = grantTokens(state, options(), form, (why) => oauthError(...LEGACY[why]));
    res.json(tokenResponse(access, refresh));
  });
  router.use('/v1/token', token);
  for (const version of ['v3', '2026-03']) router.use(`/${version}`, currentTokenRoutes(state, options));

  router.get('/v1/access-tokens/:token', (req, res) => {
    const t = state.tokens.accessToken(param(req, 'token'));
    const now = state.clock.now();
    if (!t || t.revoked || (t.expiresAt !== null && t.expiresAt <= now))
      throw notFound('Token not found or expired');
    const portal = state.findPortal(t.portalId);
    res.json({
      token: t.token,
      user: t.userEmail,
      hub_domain: portal?.domain ?? '',
      scopes: t.scopes,
      scope_to_scope_group_pks: [],
      trial_scopes: [],
      trial_scope_to_scope_group_pks: [],
      hub_id: t.portalId,
      app_id: t.appId,
      expires_in: t.expiresAt === null ? 0 : Math.round((t.expiresAt - now) / 1000),
      user_id: t.userId,
      token_type: 'access',
    });
  });

  router.get('/v1/refresh-tokens/:token', (req, res) => {
    const t = state.tokens.refreshToken(param(req, 'token'));
    if (!t) throw notFound('Token not found');
    res.json({
      token: t.token,
      user: t.userEmail,
      hub_domain: state.findPortal(t.portalId)?.domain ?? '',
      scopes: t.scopes,
      hub_id: t.portalId,
      client_id: t.clientId,
      user_id: t.userId,
      token_type: 'refresh',
    });
  });

  // Deleting a refresh token revokes that token; the app stays installed (uninstalling is DELETE
  // /appinstalls/…/external-install: appInstalls.ts). Docs: legacy/authentication/oauth-tokens/v1/delete-refresh-token.
  router.delete('/v1/refresh-tokens/:token', (req, res) => {
    const t = state.tokens.refreshToken(param(req, 'token'));
    if (!t) throw notFound('Token not found');
    state.tokens.revokeRefresh(t.token);
    res.status(204).end();
  });

  return router;
}
