// Conformance: the sandbox's current OAuth endpoints (2026-03, and v3 which it succeeds) and the app uninstall
// answer in the shapes HubSpot publishes (oauthSchemas.ts), and behave as its docs say: revoking a refresh token
// revokes only that token; uninstalling removes the app from the portal, stops its webhooks and ends its tokens.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../testing/harness.ts';
import { startWebhookReceiver, type WebhookReceiver } from '../testing/webhookReceiver.ts';
import { accessTokenInfo, accessTokenResponse, errorBody, refreshTokenInfo } from './oauthSchemas.ts';

const REDIRECT = 'http://localhost:3000/oauth/hubspot/callback';
let h: Harness;
let receiver: WebhookReceiver | undefined;
beforeEach(async () => {
  receiver = await startWebhookReceiver();
  h = await startHarness(
    {
      rateLimits: false,
      oauth: { rotateRefreshTokens: true },
      webhooks: { batchWindowMs: 10_000, baseDelayMs: 5, maxDelayMs: 20 },
    },
    {
      redirectUri: REDIRECT,
      webhookTargetUrl: receiver.url,
      subscriptions: [{ subscriptionType: 'contact.creation' }],
    },
  );
});
afterEach(async () => {
  await h.close();
  await receiver?.close();
});

const post = (version: string, path: string, form: Record<string, string>) =>
  fetch(`${h.baseUrl}/oauth/${version}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(form),
  });
const client = () => ({ client_id: h.setup.app.clientId, client_secret: h.setup.app.clientSecret });

async function installCode(): Promise<string> {
  const url = new URL('/oauth/authorize', h.baseUrl);
  url.searchParams.set('client_id', h.setup.app.clientId);
  url.searchParams.set('redirect_uri', REDIRECT);
  url.searchParams.set('scope', 'oauth crm.objects.contacts.read crm.objects.contacts.write');
  const res = await fetch(url, { redirect: 'manual' });
  return new URL(res.headers.get('location') ?? '').searchParams.get('code') ?? '';
}

async function install(version = '2026-03') {
  const res = await post(version, '/token', {
    grant_type: 'authorization_code',
    code: await installCode(),
    redirect_uri: REDIRECT,
    ...client(),
  });
  expect(res.status).toBe(200);
  return accessTokenResponse.parse(await res.json());
}

describe.each(['2026-03', 'v3'])('OAuth %s', (version) => {
  it('the code exchange and the refresh answer AccessTokenResponse, with the portal, the user and the scopes', async () => {
    const first = await install(version);
    expect(first).toMatchObject({
      token_type: 'bearer',
      token_use: 'access_token',
      hub_id: h.setup.portal.id,
    });
    expect(first.scopes).toContain('oauth');
    const again = await post(version, '/token', {
      grant_type: 'refresh_token',
      refresh_token: first.refresh_token,
      ...client(),
    });
    const refreshed = accessTokenResponse.parse(await again.json());
    expect(refreshed.refresh_token).not.toBe(first.refresh_token); // rotation on
  });

  it('introspection answers PublicAccessTokenInfoResponse / PublicRefreshTokenInfoResponse; an unknown token is inactive', async () => {
    const t = await install(version);
    const access = await post(version, '/token/introspect', {
      token: t.access_token,
      token_type_hint: 'access_token',
      ...client(),
    });
    expect(accessTokenInfo.parse(await access.json())).toMatchObject({
      active: true,
      hub_id: h.setup.portal.id,
    });
    const refresh = await post(version, '/token/introspect', { token: t.refresh_token, ...client() });
    expect(refreshTokenInfo.parse(await refresh.json())).toMatchObject({
      active: true,
      token_use: 'refresh_token',
    });
    const unknown = await post(version, '/token/introspect', { token: 'made-up', ...client() });
    expect(await unknown.json()).toEqual({ active: false });
  });

  it('refusals answer the Error schema (and RFC 6749 error codes)', async () => {
    const t = await install(version);
    const cases: Array<[Record<string, string>, string]> = [
      [{ grant_type: 'refresh_token', refresh_token: 'made-up', ...client() }, 'invalid_grant'],
      [
        {
          grant_type: 'refresh_token',
          refresh_token: t.refresh_token,
          client_id: h.setup.app.clientId,
          client_secret: 'nope',
        },
        'invalid_client',
      ],
      [
        { grant_type: 'authorization_code', code: 'made-up', redirect_uri: REDIRECT, ...client() },
        'invalid_grant',
      ],
      [{ grant_type: 'password', ...client() }, 'unsupported_grant_type'],
    ];
    for (const [form, error] of cases) {
      const res = await post(version, '/token', form);
      expect(res.status).toBe(400);
      const body: unknown = await res.json();
      expect(errorBody.parse(body)).toMatchObject({ category: 'VALIDATION_ERROR' });
      expect(body).toMatchObject({ error, error_description: expect.any(String) });
    }
  });

  it('revoking a refresh token revokes that token only: the app stays installed, the access token works', async () => {
    const t = await install(version);
    const res = await post(version, '/token/revoke', {
      token: t.refresh_token,
      token_type_hint: 'refresh_token',
      ...client(),
    });
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('');
    const refresh = await post(version, '/token', {
      grant_type: 'refresh_token',
      refresh_token: t.refresh_token,
      ...client(),
    });
    expect(refresh.status).toBe(400);
    expect(h.sandbox.state.findPortal(h.setup.portal.id)?.installedApps.has(h.setup.app.appId)).toBe(true);
    await h.client(t.access_token).crm.contacts.basicApi.getPage();
  });
});

describe('the app uninstall (DELETE /appinstalls/2026-03/external-install)', () => {
  it('removes the app from the portal: 204, no webhooks after, every token of the install ends', async () => {
    const t = await install();
    h.sandbox.state.portal(h.setup.portal.id).createContact({ email: 'before@acme.io' });
    await h.sandbox.flushWebhooks();
    const delivered = receiver?.received.length ?? 0;
    expect(delivered).toBeGreaterThan(0);

    const res = await fetch(`${h.baseUrl}/appinstalls/2026-03/external-install`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${t.access_token}` },
    });
    expect(res.status).toBe(204);
    expect(await res.text()).toBe('');
    expect(h.sandbox.state.findPortal(h.setup.portal.id)?.installedApps.has(h.setup.app.appId)).toBe(false);

    h.sandbox.state.portal(h.setup.portal.id).createContact({ email: 'after@acme.io' });
    await h.sandbox.flushWebhooks();
    expect(receiver?.received.length).toBe(delivered);
    const call = await fetch(`${h.baseUrl}/crm/v3/objects/contacts`, {
      headers: { authorization: `Bearer ${t.access_token}` },
    });
    expect(call.status).toBe(401);
    const refresh = await post('2026-03', '/token', {
      grant_type: 'refresh_token',
      refresh_token: t.refresh_token,
      ...client(),
    });
    expect(refresh.status).toBe(400);
  });

  it('needs a token of the install, with the oauth scope', async () => {
    const bare = await fetch(`${h.baseUrl}/appinstalls/2026-03/external-install`, { method: 'DELETE' });
    expect(bare.status).toBe(401);
    expect(errorBody.parse(await bare.json())).toMatchObject({ category: 'INVALID_AUTHENTICATION' });
    const privateApp = await fetch(`${h.baseUrl}/appinstalls/2026-03/external-install`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${h.setup.privateAppToken}` },
    });
    expect(privateApp.status).toBe(403);
  });
});
