// Faithfulness: OAuth web-server flow with PKCE through jsforce's OAuth2 — authorize → code (+ state) →
// tokens (a wrong verifier refused) → refresh with rotation (the old refresh token refused afterwards) →
// revoke → invalid_grant; jsforce refreshing on 401 and emitting 'refresh' with the rotated token; identity.
import { Connection, OAuth2 } from 'jsforce';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sfError, startHarness, type Harness } from './testing/harness.ts';

let h: Harness;
beforeEach(async () => {
  h = await startHarness({ oauth: { rotateRefreshTokens: true } });
});
afterEach(() => h.close());

function pkceClient(): OAuth2 {
  return new OAuth2({
    loginUrl: h.baseUrl,
    clientId: h.setup.app.clientId,
    clientSecret: h.setup.app.clientSecret,
    redirectUri: h.setup.redirectUri,
    useVerifier: true,
  });
}

/** Follows the authorize URL like a browser would up to the redirect back to Baton. */
async function redirectFrom(url: string): Promise<URL> {
  const res = await fetch(url, { redirect: 'manual' });
  expect(res.status).toBe(302);
  return new URL(res.headers.get('location') ?? '');
}

describe('oauth web-server flow with PKCE', () => {
  it('code + verifier → tokens; a wrong verifier is refused; refresh rotates; revoke ends it', async () => {
    const client = pkceClient();
    const back = await redirectFrom(client.getAuthorizationUrl({ scope: 'api refresh_token', state: 'xyz' }));
    expect(`${back.origin}${back.pathname}`).toBe(h.setup.redirectUri);
    expect(back.searchParams.get('state')).toBe('xyz');
    const code = back.searchParams.get('code') ?? '';

    // Another client (another verifier) cannot redeem the code.
    const thief = new Connection({ oauth2: pkceClient(), version: '62.0' });
    const refused = await sfError(thief.authorize(code));
    expect(refused.name).toBe('invalid_grant');
    expect(refused.message).toBe('invalid code verifier');

    // Codes are single-use: start over, then redeem with the right verifier.
    const again = await redirectFrom(client.getAuthorizationUrl({ scope: 'api refresh_token' }));
    const conn = new Connection({ oauth2: client, version: '62.0' });
    const userInfo = await conn.authorize(again.searchParams.get('code') ?? '');
    expect(userInfo).toEqual({
      id: h.setup.admin.id,
      organizationId: h.org.id,
      url: `${h.baseUrl}/id/${h.org.id}/${h.setup.admin.id}`,
    });
    expect(conn.instanceUrl).toBe(h.baseUrl);
    expect(conn.accessToken).toMatch(/^00D\w{12}!/);
    const firstRefresh = conn.refreshToken ?? '';
    expect(firstRefresh).not.toBe('');
    const reused = await sfError(conn.authorize(again.searchParams.get('code') ?? ''));
    expect(reused.name).toBe('invalid_grant');

    const rotated = await client.refreshToken(firstRefresh);
    expect(rotated).toMatchObject({
      token_type: 'Bearer',
      instance_url: h.baseUrl,
      id: userInfo.url,
      scope: 'api refresh_token',
      access_token: expect.any(String),
      signature: expect.any(String),
      issued_at: String(h.clock.now()),
    });
    expect(rotated.refresh_token).toBeDefined();
    expect(rotated.refresh_token).not.toBe(firstRefresh);
    const stale = await sfError(client.refreshToken(firstRefresh));
    expect(stale.name).toBe('invalid_grant');
    expect(stale.message).toBe('expired access/refresh token');

    await client.revokeToken(rotated.refresh_token ?? '');
    const revoked = await sfError(client.refreshToken(rotated.refresh_token ?? ''));
    expect(revoked.name).toBe('invalid_grant');
    // Revoking the refresh token ends the sessions issued from it.
    const plain = new Connection({
      instanceUrl: h.baseUrl,
      accessToken: rotated.access_token,
      version: '62.0',
    });
    const ended = await sfError(plain.query('SELECT Id FROM Lead'));
    expect(ended.name).toBe('INVALID_SESSION_ID');
  });

  it('refuses an authorization request without a PKCE challenge, and reports a denial', async () => {
    const plain = new OAuth2({
      loginUrl: h.baseUrl,
      clientId: h.setup.app.clientId,
      redirectUri: h.setup.redirectUri,
    });
    const missing = await redirectFrom(plain.getAuthorizationUrl({ state: 's1' }));
    expect(missing.searchParams.get('error')).toBe('invalid_request');
    expect(missing.searchParams.get('state')).toBe('s1');

    h.sandbox.setOAuth({ denyAuthorization: true });
    const denied = await redirectFrom(pkceClient().getAuthorizationUrl({ state: 's2' }));
    expect(denied.searchParams.get('error')).toBe('access_denied');
    expect(denied.searchParams.get('code')).toBeNull();
  });

  it('answers token-endpoint mistakes in Salesforce’s terms', async () => {
    const wrongSecret = new OAuth2({
      loginUrl: h.baseUrl,
      clientId: h.setup.app.clientId,
      clientSecret: 'nope',
      redirectUri: h.setup.redirectUri,
    });
    const badClient = await sfError(wrongSecret.refreshToken(h.setup.refreshToken));
    expect(badClient.name).toBe('invalid_client');
    const unknown = new OAuth2({
      loginUrl: h.baseUrl,
      clientId: 'x',
      clientSecret: 'y',
      redirectUri: h.setup.redirectUri,
    });
    expect((await sfError(unknown.refreshToken('z'))).name).toBe('invalid_client_id');
    // The sandbox offers only the web-server and refresh flows.
    const grant = await sfError(wrongSecret.requestToken({ grant_type: 'password' }));
    expect(grant.name).toBe('unsupported_grant_type');
    const res = await fetch(`${h.baseUrl}/services/oauth2/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'refresh_token',
        refresh_token: 'bogus',
        client_id: h.setup.app.clientId,
        client_secret: h.setup.app.clientSecret,
      }),
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({
      error: 'invalid_grant',
      error_description: 'expired access/refresh token',
    });
  });

  it('jsforce refreshes on 401 and emits the rotated refresh token (which the app must keep)', async () => {
    const conn = h.connection();
    const refreshed: Array<{ accessToken: string; refreshToken: string | undefined }> = [];
    conn.on('refresh', (accessToken: string, res: { refresh_token?: string }) => {
      refreshed.push({ accessToken, refreshToken: res.refresh_token });
      // jsforce keeps the old refresh token; with rotation the app has to take the new one.
      if (res.refresh_token) conn.refreshToken = res.refresh_token;
    });
    h.sandbox.state.tokens.expireAccess(h.setup.accessToken);
    const result = await conn.query('SELECT Id FROM Lead');
    expect(result.totalSize).toBe(0);
    expect(refreshed).toHaveLength(1);
    expect(refreshed[0]?.refreshToken).toBeDefined();
    expect(refreshed[0]?.refreshToken).not.toBe(h.setup.refreshToken);
    expect(conn.accessToken).toBe(refreshed[0]?.accessToken);

    // Sessions time out after two hours without use (sandbox clock): the kept token refreshes again.
    h.clock.advance(2 * 3_600_000);
    await conn.query('SELECT Id FROM Lead');
    expect(refreshed).toHaveLength(2);
    const statuses = h.sandbox.state.requests
      .all({ path: /query|token/ })
      .map((r) => `${r.path} ${r.status}`);
    expect(statuses).toEqual([
      '/services/data/v62.0/query 401',
      '/services/oauth2/token 200',
      '/services/data/v62.0/query 200',
      '/services/data/v62.0/query 401',
      '/services/oauth2/token 200',
      '/services/data/v62.0/query 200',
    ]);
  });

  it('answers an unknown session with 401 INVALID_SESSION_ID, and serves identity and userinfo', async () => {
    const anonymous = new Connection({ instanceUrl: h.baseUrl, accessToken: 'nope', version: '62.0' });
    const e = await sfError(anonymous.query('SELECT Id FROM Lead'));
    expect(e.name).toBe('INVALID_SESSION_ID');
    expect(e.message).toBe('Session expired or invalid');

    const conn = h.connection();
    const me = await conn.identity();
    expect(me).toMatchObject({
      user_id: h.setup.admin.id,
      organization_id: h.org.id,
      username: expect.stringContaining('@'),
    });
    const info = await fetch(`${h.baseUrl}/services/oauth2/userinfo`, {
      headers: { authorization: `Bearer ${h.setup.accessToken}` },
    });
    expect(await info.json()).toMatchObject({ user_id: h.setup.admin.id, organization_id: h.org.id });
    const bad = await fetch(`${h.baseUrl}/services/oauth2/userinfo`, {
      headers: { authorization: 'Bearer nope' },
    });
    expect(bad.status).toBe(403);
  });
});
