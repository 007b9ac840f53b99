// What HubSpot's token endpoint does with a grant, whatever the API version: authorization_code (single use,
// matching redirect_uri) or refresh_token (optionally rotated), for the app whose client id and secret are in the
// form body. The versions differ only in how they say no, so the caller names each refusal its own way.
import type { DeveloperApp } from '../../state/developerApp.ts';
import type { SandboxState } from '../../state/sandboxState.ts';
import type { AccessToken, RefreshToken } from '../../state/tokenStore.ts';
import type { tokenForm } from '../bodies.ts';
import type { z } from 'zod';

export type TokenRefusal =
  'grant_type' | 'client_id' | 'client_secret' | 'auth_code' | 'redirect_uri' | 'refresh_token';

export interface GrantOptions {
  rotateRefreshTokens: boolean;
}

export function grantTokens(
  state: SandboxState,
  options: GrantOptions,
  form: z.output<typeof tokenForm>,
  refuse: (why: TokenRefusal) => Error,
): { access: AccessToken; refresh: RefreshToken } {
  if (form.grant_type !== 'authorization_code' && form.grant_type !== 'refresh_token')
    throw refuse('grant_type');
  const app: DeveloperApp | undefined = form.client_id ? state.appByClientId(form.client_id) : undefined;
  if (!app) throw refuse('client_id');
  if (form.client_secret !== app.clientSecret) throw refuse('client_secret');
  if (form.grant_type === 'authorization_code') {
    const code = form.code ? state.tokens.redeemCode(form.code, state.clock.now()) : undefined;
    if (!code || code.clientId !== app.clientId) throw refuse('auth_code');
    if (form.redirect_uri !== code.redirectUri) throw refuse('redirect_uri');
    const refresh = state.tokens.issueRefresh({ ...code, clientId: app.clientId });
    return { access: state.issueAccess(refresh), refresh };
  }
  const current = form.refresh_token ? state.tokens.refreshToken(form.refresh_token) : undefined;
  if (!current || current.clientId !== app.clientId) throw refuse('refresh_token');
  let refresh = current;
  if (options.rotateRefreshTokens) {
    state.tokens.revokeRefresh(current.token);
    refresh = state.tokens.issueRefresh(current);
  }
  return { access: state.issueAccess(refresh), refresh };
}

/** Seconds an access token lives, as the token response's expires_in says it. */
export const lifetimeOf = (access: AccessToken): number =>
  access.expiresAt === null ? 0 : Math.round((access.expiresAt - access.issuedAt) / 1000);
