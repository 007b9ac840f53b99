// OAuth 2.0 web-server flow with PKCE, as Salesforce's login server serves it under /services/oauth2:
// /authorize (approved at once for the configured org and user, or denied on request), /token
// (authorization_code with code_verifier checked against the S256 challenge; refresh_token, optionally
// rotating), /revoke and /userinfo. Token responses carry Salesforce's fields, including the HMAC signature.
import express, { Router, type Response } from 'express';
import { createHmac } from 'node:crypto';
import { oauthError, SalesforceError } from '../../salesforceErrors.ts';
import type { ConnectedApp } from '../../state/connectedApp.ts';
import type { SalesforceState } from '../../state/salesforceState.ts';
import { verifierMatches, type AccessToken, type Grant } from '../../state/tokenStore.ts';
import { sessionOf } from '../authenticate.ts';
import { authorizeQuery, revokeForm, tokenForm } from '../bodies.ts';
import { instanceUrlOf } from '../requestContext.ts';
import { identityUrl, userInfo } from './identityInfo.ts';

export interface OAuthOptions {
  /** Authorization codes live 15 minutes. */
  codeTtlSeconds: number;
  /** Issue a new refresh token on every refresh and retire the old one. */
  rotateRefreshTokens: boolean;
  /** Simulates the user clicking "Deny" on the approval page. */
  denyAuthorization: boolean;
}

const escapeHtml = (s: string): string =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );

/** Errors before the redirect URI is trusted are shown on a page, not sent back to the client. */
function errorPage(res: Response, error: string, description: string): void {
  res
    .status(400)
    .type('html')
    .send(
      `<!doctype html><html><head><title>Error</title></head><body><p>error=${escapeHtml(error)}&amp;error_description=${escapeHtml(description)}</p></body></html>`,
    );
}

const splitScopes = (text: string | undefined): string[] => (text ?? '').split(/[\s+]+/).filter(Boolean);
const grantsRefresh = (scopes: string[]): boolean =>
  scopes.includes('refresh_token') || scopes.includes('offline_access') || scopes.includes('full');

export function oauthRoutes(state: SalesforceState, options: () => OAuthOptions): Router {
  const router = Router();
  const form = express.urlencoded({ extended: false });

  router.get('/authorize', (req, res) => {
    const q = authorizeQuery.parse(req.query);
    const app = q.client_id ? state.appByClientId(q.client_id) : undefined;
    if (!app) return errorPage(res, 'invalid_client_id', 'client identifier invalid');
    if (!q.redirect_uri || !app.redirectUris.includes(q.redirect_uri)) {
      return errorPage(res, 'redirect_uri_mismatch', 'redirect_uri must match configuration');
    }
    const back = new URL(q.redirect_uri);
    const fail = (error: string, description: string): void => {
      back.searchParams.set('error', error);
      back.searchParams.set('error_description', description);
      if (q.state !== undefined) back.searchParams.set('state', q.state);
      res.redirect(302, back.toString());
    };
    if (q.response_type !== 'code') return fail('unsupported_response_type', 'response type not supported');
    if (app.requirePkce && !q.code_challenge)
      return fail('invalid_request', 'missing required code challenge');
    const method = q.code_challenge_method ?? 'S256';
    if (method !== 'S256' && method !== 'plain')
      return fail('invalid_request', 'invalid code challenge method');
    const scopes = q.scope === undefined ? app.scopes : splitScopes(q.scope);
    if (scopes.some((s) => !app.scopes.includes(s)))
      return fail('invalid_scope', 'the requested scope is not allowed');
    if (options().denyAuthorization) return fail('access_denied', 'end-user denied authorization');
    const org = state.authorizeOrgId ? state.findOrg(state.authorizeOrgId) : undefined;
    const userId = state.authorizeUserId ?? org?.adminUserId;
    if (!org || !userId) return errorPage(res, 'server_error', 'there is no org to log in to');
    const code = state.tokens.issueCode({
      orgId: org.id,
      userId,
      clientId: app.clientId,
      scopes,
      redirectUri: q.redirect_uri,
      ...(q.code_challenge !== undefined && { codeChallenge: q.code_challenge }),
      challengeMethod: method,
      expiresAt: state.clock.now() + options().codeTtlSeconds * 1000,
    });
    back.searchParams.set('code', code.code);
    if (q.state !== undefined) back.searchParams.set('state', q.state);
    res.redirect(302, back.toString());
  });

  function tokenResponse(req: express.Request, app: ConnectedApp, access: AccessToken, refresh?: string) {
    const base = instanceUrlOf(req);
    const id = identityUrl(base, access.orgId, access.userId);
    const issuedAt = String(access.issuedAt);
    return {
      access_token: access.token,
      ...(refresh !== undefined && { refresh_token: refresh }),
      signature: createHmac('sha256', app.clientSecret)
        .update(id + issuedAt)
        .digest('base64'),
      scope: access.scopes.join(' '),
      instance_url: base,
      id,
      token_type: 'Bearer',
      issued_at: issuedAt,
    };
  }

  /** The calling app; `secretRequired` says whether this grant may go without the client secret. */
  function clientOf(
    clientId: string | undefined,
    secret: string | undefined,
    secretRequired: (app: ConnectedApp) => boolean,
  ): ConnectedApp {
    const app = clientId ? state.appByClientId(clientId) : undefined;
    if (!app) throw oauthError('invalid_client_id', 'client identifier invalid');
    if (secret !== undefined ? secret !== app.clientSecret : secretRequired(app)) {
      throw oauthError('invalid_client', 'invalid client credentials');
    }
    return app;
  }

  router.post('/token', form, (req, res) => {
    const f = tokenForm.parse(req.body ?? {});
    const now = state.clock.now();
    if (f.grant_type === 'authorization_code') {
      // A public client proves itself with the PKCE verifier instead of a secret.
      const app = clientOf(f.client_id, f.client_secret, () => f.code_verifier === undefined);
      const code = f.code ? state.tokens.redeemCode(f.code, now) : undefined;
      if (!code || code.clientId !== app.clientId)
        throw oauthError('invalid_grant', 'expired authorization code');
      if (f.redirect_uri !== code.redirectUri)
        throw oauthError('redirect_uri_mismatch', 'redirect_uri must match configuration');
      if (!verifierMatches(code, f.code_verifier)) throw oauthError('invalid_grant', 'invalid code verifier');
      const grant: Grant = {
        orgId: code.orgId,
        userId: code.userId,
        clientId: app.clientId,
        scopes: code.scopes,
      };
      const session = state.issueSession(grant, { withRefreshToken: grantsRefresh(code.scopes) });
      return res.json(tokenResponse(req, app, session.accessToken, session.refreshToken?.token));
    }
    if (f.grant_type === 'refresh_token') {
      const current = f.refresh_token ? state.tokens.refreshToken(f.refresh_token) : undefined;
      const app = clientOf(f.client_id, f.client_secret, (a) => a.requireSecretForRefresh);
      if (!current || current.clientId !== app.clientId)
        throw oauthError('invalid_grant', 'expired access/refresh token');
      const rotate = options().rotateRefreshTokens;
      if (rotate) state.tokens.retireRefresh(current.token);
      const refresh = rotate ? state.tokens.issueRefresh(current, now) : current;
      const access = state.tokens.issueAccess(current, now, state.sessionTimeoutMs(), refresh.token);
      // Salesforce sends a refresh token on refresh only when it rotated one.
      return res.json(tokenResponse(req, app, access, rotate ? refresh.token : undefined));
    }
    throw oauthError('unsupported_grant_type', 'grant type not supported');
  });

  // Revoking a refresh token ends its sessions too; an access token ends just that session.
  const revoke = (token: string | undefined, res: Response): void => {
    const kind = token ? state.tokens.isKnown(token) : undefined;
    if (!token || !kind) {
      throw new SalesforceError(400, 'error=invalid_token&error_description=invalid%20token', {
        format: 'form',
      });
    }
    if (kind === 'refresh') state.tokens.revokeRefresh(token);
    else state.tokens.revokeAccess(token);
    res.status(200).end();
  };
  router.post('/revoke', form, (req, res) => revoke(revokeForm.parse(req.body ?? {}).token, res));
  router.get('/revoke', (req, res) => revoke(revokeForm.parse(req.query).token, res));

  const userinfo: express.RequestHandler = (req, res) => {
    const ctx = sessionOf(state, req);
    const user = ctx ? ctx.org.store.get('User', ctx.token.userId) : undefined;
    if (!ctx || !user) throw new SalesforceError(403, 'Bad_OAuth_Token', { format: 'text' });
    res.json(userInfo(instanceUrlOf(req), ctx.org, user));
  };
  router.get('/userinfo', userinfo);
  router.post('/userinfo', userinfo);

  return router;
}
