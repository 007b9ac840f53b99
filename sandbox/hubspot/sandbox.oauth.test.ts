// Faithfulness: OAuth — install screen, code → tokens → refresh (with rotation) → revoke → BAD_REFRESH_TOKEN on the
// legacy v1 endpoints, HubSpot's token-endpoint errors, token info, expired and missing bearer tokens, missing
// scopes. The current endpoints (2026-03) and the app uninstall are held to the spec in conformance/oauth.test.ts.
import { Client } from '@hubspot/api-client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { apiError, startHarness, type Harness } from './testing/harness.ts';

let h: Harness;
const REDIRECT = 'http://localhost:3000/oauth/hubspot/callback';
beforeEach(async () => {
  h = await startHarness(
    { rateLimits: false, oauth: { rotateRefreshTokens: true } },
    { redirectUri: REDIRECT },
  );
});
afterEach(() => h.close());

const tokens = () => new Client({ basePath: h.baseUrl }).oauth;

async function authorize(query: Record<string, string>): Promise<Response> {
  const url = new URL('/oauth/authorize', h.baseUrl);
  for (const [k, v] of Object.entries(query)) url.searchParams.set(k, v);
  return fetch(url, { redirect: 'manual' });
}

async function installCode(state = 'xyz'): Promise<string> {
  const res = await authorize({
    client_id: h.setup.app.clientId,
    redirect_uri: REDIRECT,
    scope: 'oauth crm.objects.contacts.read',
    state,
  });
  expect(res.status).toBe(302);
  const back = new URL(res.headers.get('location') ?? '');
  expect(`${back.origin}${back.pathname}`).toBe(REDIRECT);
  expect(back.searchParams.get('state')).toBe(state);
  return back.searchParams.get('code') ?? '';
}

describe('oauth', () => {
  it('code → tokens → refresh with rotation → revoke → BAD_REFRESH_TOKEN (v1)', async () => {
    const { clientId, clientSecret } = h.setup.app;
    const code = await installCode();
    const first = await tokens().tokensApi.create(
      'authorization_code',
      code,
      REDIRECT,
      clientId,
      clientSecret,
    );
    expect(first).toMatchObject({
      tokenType: 'bearer',
      expiresIn: 1800,
      accessToken: expect.any(String),
      refreshToken: expect.any(String),
    });
    const reused = await apiError(
      tokens().tokensApi.create('authorization_code', code, REDIRECT, clientId, clientSecret),
    );
    expect(reused.body).toMatchObject({ status: 'BAD_AUTH_CODE' });

    const info = await tokens().accessTokensApi.get(first.accessToken);
    expect(info).toMatchObject({
      hubId: h.setup.portal.id,
      appId: h.setup.app.appId,
      scopes: ['oauth', 'crm.objects.contacts.read'],
      expiresIn: 1800,
      user: expect.stringContaining('@'),
    });
    const contacts = h.client(first.accessToken).crm.contacts.basicApi;
    await contacts.getPage();
    // The granted scopes are enforced: this install may read contacts but not write them.
    const denied = await apiError(contacts.create({ properties: { email: 'x@y.co' }, associations: [] }));
    expect(denied.code).toBe(403);
    expect(denied.body).toMatchObject({ status: 'error', category: 'MISSING_SCOPES' });

    const second = await tokens().tokensApi.create(
      'refresh_token',
      undefined,
      undefined,
      clientId,
      clientSecret,
      first.refreshToken,
    );
    expect(second.refreshToken).not.toBe(first.refreshToken);
    const stale = await apiError(
      tokens().tokensApi.create(
        'refresh_token',
        undefined,
        undefined,
        clientId,
        clientSecret,
        first.refreshToken,
      ),
    );
    expect(stale.code).toBe(400);
    expect(stale.body).toEqual({
      status: 'BAD_REFRESH_TOKEN',
      message: expect.any(String),
      correlationId: expect.any(String),
    });

    await tokens().refreshTokensApi.archive(second.refreshToken);
    const revoked = await apiError(
      tokens().tokensApi.create(
        'refresh_token',
        undefined,
        undefined,
        clientId,
        clientSecret,
        second.refreshToken,
      ),
    );
    expect(revoked.body.status).toBe('BAD_REFRESH_TOKEN');
    // Deleting a refresh token is not an uninstall: the app stays installed and its access token works until it
    // expires (the uninstall is DELETE /appinstalls/…/external-install).
    expect(h.sandbox.state.findPortal(h.setup.portal.id)?.installedApps.has(h.setup.app.appId)).toBe(true);
    await h.client(second.accessToken).crm.contacts.basicApi.getPage();
  });

  it('keeps the refresh token when rotation is off', async () => {
    h.sandbox.setOAuth({ rotateRefreshTokens: false });
    const { clientId, clientSecret } = h.setup.app;
    const again = await tokens().tokensApi.create(
      'refresh_token',
      undefined,
      undefined,
      clientId,
      clientSecret,
      h.setup.refreshToken,
    );
    expect(again.refreshToken).toBe(h.setup.refreshToken);
    expect(again.accessToken).not.toBe(h.setup.accessToken);
  });

  it('answers token-endpoint mistakes in HubSpot’s terms, on /oauth/v1 and /oauth/v3', async () => {
    const { clientId, clientSecret } = h.setup.app;
    const code = await installCode();
    const wrongSecret = await apiError(
      tokens().tokensApi.create('authorization_code', code, REDIRECT, clientId, 'nope'),
    );
    expect(wrongSecret).toMatchObject({ code: 400, body: { status: 'BAD_CLIENT_SECRET' } });
    const wrongClient = await apiError(
      tokens().tokensApi.create('authorization_code', code, REDIRECT, 'nope', clientSecret),
    );
    expect(wrongClient.body.status).toBe('BAD_CLIENT_ID');
    const wrongRedirect = await apiError(
      tokens().tokensApi.create('authorization_code', code, 'http://evil.example/cb', clientId, clientSecret),
    );
    expect(wrongRedirect.body.status).toBe('BAD_REDIRECT_URI');
    const v3 = await fetch(`${h.baseUrl}/oauth/v3/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'authorization_code',
        code: await installCode(),
        redirect_uri: REDIRECT,
        client_id: clientId,
        client_secret: clientSecret,
      }),
    });
    expect(v3.status).toBe(200);
    expect(await v3.json()).toMatchObject({ token_type: 'bearer', expires_in: 1800 });
  });

  it('codes are short-lived', async () => {
    const code = await installCode();
    h.clock.advance(301_000);
    const err = await apiError(
      tokens().tokensApi.create(
        'authorization_code',
        code,
        REDIRECT,
        h.setup.app.clientId,
        h.setup.app.clientSecret,
      ),
    );
    expect(err.body.status).toBe('BAD_AUTH_CODE');
  });

  it('shows an error page for an unknown client or a redirect mismatch, and redirects with an error when denied', async () => {
    expect((await authorize({ client_id: 'nope', redirect_uri: REDIRECT, scope: 'oauth' })).status).toBe(400);
    const mismatch = await authorize({
      client_id: h.setup.app.clientId,
      redirect_uri: 'http://evil.example/cb',
      scope: 'oauth',
    });
    expect(mismatch.status).toBe(400);
    expect(await mismatch.text()).toContain('redirect URL');
    expect(
      (
        await authorize({
          client_id: h.setup.app.clientId,
          redirect_uri: REDIRECT,
          scope: 'crm.objects.deals.read',
        })
      ).status,
    ).toBe(400);
    h.sandbox.setOAuth({ denyAuthorization: true });
    const denied = await authorize({
      client_id: h.setup.app.clientId,
      redirect_uri: REDIRECT,
      scope: 'oauth',
      state: 's',
    });
    const back = new URL(denied.headers.get('location') ?? '');
    expect(back.searchParams.get('error')).toBe('access_denied');
    expect(back.searchParams.get('state')).toBe('s');
    expect(back.searchParams.get('code')).toBeNull();
  });

  it('answers missing, unknown and expired bearer tokens with HubSpot’s 401s', async () => {
    const bare = await fetch(`${h.baseUrl}/crm/v3/objects/contacts`);
    expect(bare.status).toBe(401);
    expect(await bare.json()).toMatchObject({ status: 'error', category: 'INVALID_AUTHENTICATION' });
    expect((await apiError(h.client('made-up').crm.contacts.basicApi.getPage())).code).toBe(401);
    h.clock.advance(1_800_000);
    const expired = await apiError(h.client().crm.contacts.basicApi.getPage());
    expect(expired.code).toBe(401);
    expect(expired.body).toMatchObject({ status: 'error', category: 'EXPIRED_AUTHENTICATION' });
    expect(String(expired.body.message)).toMatch(
      /^The OAuth token used to make this call expired \d+ second\(s\) ago\.$/,
    );
    // The private-app token does not expire.
    await h.client(h.setup.privateAppToken).crm.contacts.basicApi.getPage();
  });
});
