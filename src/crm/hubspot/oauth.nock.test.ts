// HubSpot OAuth on the date-versioned endpoints, against recorded shapes: exactly the form bodies HubSpot's spec
// describes, what each answer means (a dead grant disconnects the tenant, HubSpot failing is retried later), and no
// call to the v1 endpoints HubSpot switches off on 2027-02-16.
import '../../../test/support/nockFirst.ts';
import nock from 'nock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CrmError } from '../port.ts';
import {
  authorizeUrl,
  exchangeCode,
  hubspotOAuthFlow,
  refreshTokens,
  revokeRefreshToken,
  tokenInfo,
  type HubSpotApp,
} from './oauth.ts';

const API = 'https://api.hubapi.com';
const app: HubSpotApp = {
  clientId: 'client-1',
  clientSecret: 'secret-1',
  apiBaseUrl: API,
  authorizeUrl: 'https://app.hubspot.com/oauth/authorize',
};
const NOW = new Date('2026-12-07T10:00:00Z');
const tokenAnswer = {
  access_token: 'at-2',
  refresh_token: 'rt-2',
  expires_in: 1800,
  token_type: 'bearer',
  token_use: 'access_token',
  hub_id: 62515,
  user_id: 123,
  scopes: ['oauth', 'crm.objects.contacts.read'],
};
const form = (body: string) => Object.fromEntries(new URLSearchParams(body));

let v1: nock.Scope;
beforeEach(() => {
  // Any v1 OAuth call fails the test (checked in afterEach).
  v1 = nock(API)
    .post(/^\/oauth\/v1\//)
    .reply(500)
    .get(/^\/oauth\/v1\//)
    .reply(500)
    .delete(/^\/oauth\/v1\//)
    .reply(500);
});
afterEach(() => {
  expect(v1.isDone()).toBe(false);
  nock.cleanAll();
});

describe('HubSpot OAuth (2026-03)', () => {
  it('asks for the contact scopes as required and the Leads object read scope as optional, nothing more', () => {
    const url = new URL(authorizeUrl(app, 'https://baton.example.com/oauth/hubspot/callback', 'st-1'));
    expect(url.origin + url.pathname).toBe('https://app.hubspot.com/oauth/authorize');
    expect(url.searchParams.get('scope')?.split(' ')).toContain('crm.objects.contacts.write');
    expect(url.searchParams.get('scope')).not.toContain('leads');
    // Portals without Sales Hub Professional have no Leads object: a required leads scope would fail their install.
    expect(url.searchParams.get('optional_scope')).toBe('crm.objects.leads.read');
    expect(url.searchParams.get('state')).toBe('st-1');
  });

  it('exchanges a code with every parameter in the form body', async () => {
    let sent: Record<string, string> = {};
    nock(API)
      .post('/oauth/2026-03/token', (body: string) => ((sent = form(body)), true))
      .matchHeader('content-type', 'application/x-www-form-urlencoded')
      .reply(200, tokenAnswer);
    const tokens = await exchangeCode(app, 'code-1', 'https://baton.example.com/oauth/hubspot/callback', NOW);
    expect(sent).toEqual({
      grant_type: 'authorization_code',
      code: 'code-1',
      redirect_uri: 'https://baton.example.com/oauth/hubspot/callback',
      client_id: 'client-1',
      client_secret: 'secret-1',
    });
    expect(tokens).toEqual({
      accessToken: 'at-2',
      refreshToken: 'rt-2',
      expiresAt: new Date(NOW.getTime() + 1_800_000),
    });
  });

  it('refreshes, keeping the rotated refresh token', async () => {
    let sent: Record<string, string> = {};
    nock(API)
      .post('/oauth/2026-03/token', (body: string) => ((sent = form(body)), true))
      .reply(200, tokenAnswer);
    expect((await refreshTokens(app, 'rt-1', NOW)).refreshToken).toBe('rt-2');
    expect(sent).toMatchObject({ grant_type: 'refresh_token', refresh_token: 'rt-1', client_id: 'client-1' });
  });

  it('introspects an access token for the portal, its domain and the installing user', async () => {
    let sent: Record<string, string> = {};
    nock(API)
      .post('/oauth/2026-03/token/introspect', (body: string) => ((sent = form(body)), true))
      .reply(200, {
        active: true,
        hub_id: 62515,
        hub_domain: 'acme.example.com',
        user_id: 123,
        user: 'ana@acme.io',
        scopes: ['oauth'],
        token_use: 'access_token',
      });
    expect(await tokenInfo(app, 'at-2')).toEqual({
      portalId: '62515',
      domain: 'acme.example.com',
      user: 'ana@acme.io',
      userId: '123',
      scopes: ['oauth'],
    });
    expect(sent).toEqual({
      token: 'at-2',
      token_type_hint: 'access_token',
      client_id: 'client-1',
      client_secret: 'secret-1',
    });
  });

  it('revokes a refresh token', async () => {
    let sent: Record<string, string> = {};
    nock(API)
      .post('/oauth/2026-03/token/revoke', (body: string) => ((sent = form(body)), true))
      .reply(200);
    await revokeRefreshToken(app, 'rt-1');
    expect(sent).toEqual({
      token: 'rt-1',
      token_type_hint: 'refresh_token',
      client_id: 'client-1',
      client_secret: 'secret-1',
    });
  });

  it.each([
    [
      'RFC 6749 invalid_grant',
      400,
      { error: 'invalid_grant', error_description: 'refresh token revoked' },
      'auth_invalid',
    ],
    [
      'HubSpot Error, BAD_REFRESH_TOKEN',
      400,
      {
        category: 'VALIDATION_ERROR',
        subCategory: 'BAD_REFRESH_TOKEN',
        correlationId: 'c',
        message: 'missing or unknown refresh token',
      },
      'auth_invalid',
    ],
    [
      'the legacy status spelling',
      400,
      { status: 'BAD_REFRESH_TOKEN', message: 'missing or unknown refresh token' },
      'auth_invalid',
    ],
    ['an invalid client', 401, { error: 'invalid_client' }, 'auth_invalid'],
    [
      'another validation error',
      400,
      { category: 'VALIDATION_ERROR', correlationId: 'c', message: 'scope is malformed' },
      'permanent',
    ],
    ['rate limited', 429, { category: 'RATE_LIMITS', correlationId: 'c', message: 'slow down' }, 'retryable'],
    ['HubSpot down', 502, '<html>Bad gateway</html>', 'retryable'],
  ] as const)('a refresh answered with %s is %s', async (_what, status, body, kind) => {
    nock(API).post('/oauth/2026-03/token').reply(status, body);
    const error = await refreshTokens(app, 'rt-1', NOW).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CrmError);
    expect(error).toMatchObject({ kind });
  });

  it('no answer is retryable; an answer that is not a token is permanent', async () => {
    // Nothing answers this path (nock refuses the connection at once, as a network failure).
    await expect(refreshTokens(app, 'rt-1', NOW)).rejects.toMatchObject({ kind: 'retryable' });
    nock(API).post('/oauth/2026-03/token').reply(200, { hello: 'world' });
    await expect(refreshTokens(app, 'rt-1', NOW)).rejects.toMatchObject({ kind: 'permanent' });
  });
});

describe('disconnect: a real uninstall', () => {
  const credentials = {
    accessToken: 'at-1',
    refreshToken: 'rt-1',
    expiresAt: new Date(NOW.getTime() + 600_000),
  };

  it('uninstalls the app with the install’s access token, then revokes the refresh token', async () => {
    const calls: string[] = [];
    nock(API)
      .delete('/appinstalls/2026-03/external-install')
      .matchHeader('authorization', 'Bearer at-1')
      .reply(204, () => (calls.push('uninstall'), ''))
      .post('/oauth/2026-03/token/revoke')
      .reply(200, () => (calls.push('revoke'), ''));
    expect(await hubspotOAuthFlow(app).disconnect(credentials, NOW)).toEqual({
      uninstalled: true,
      revoked: true,
    });
    expect(calls).toEqual(['uninstall', 'revoke']);
  });

  it('an expired access token is refreshed first; a revoke HubSpot refuses after the uninstall changes nothing', async () => {
    nock(API)
      .post('/oauth/2026-03/token')
      .reply(200, { ...tokenAnswer, access_token: 'at-fresh' })
      .delete('/appinstalls/2026-03/external-install')
      .matchHeader('authorization', 'Bearer at-fresh')
      .reply(204)
      .post('/oauth/2026-03/token/revoke')
      .reply(400, { error: 'invalid_grant' });
    const expired = { ...credentials, expiresAt: new Date(NOW.getTime() - 1) };
    expect(await hubspotOAuthFlow(app).disconnect(expired, NOW)).toEqual({
      uninstalled: true,
      revoked: false,
    });
  });

  it('an uninstall HubSpot refuses is an error the caller sees', async () => {
    nock(API)
      .delete('/appinstalls/2026-03/external-install')
      .reply(401, { category: 'INVALID_AUTHENTICATION', correlationId: 'c', message: 'no' });
    await expect(hubspotOAuthFlow(app).disconnect(credentials, NOW)).rejects.toMatchObject({
      kind: 'auth_invalid',
    });
  });
});
