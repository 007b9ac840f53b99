// Salesforce OAuth against the token endpoint's real shapes (nock): the authorize URL carries an S256 challenge
// that matches the verifier, the scopes and the state; the code exchange sends the verifier and reads the org and
// user from the identity URL; a missing refresh token and invalid_grant are refused as they should be; a refresh
// keeps the rotated refresh token (or the old one when none is sent); a 5xx is passing, and revocation works.
import '../../../test/support/nockFirst.ts';
import { createHash } from 'node:crypto';
import nock from 'nock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CrmError } from '../port.ts';
import {
  SALESFORCE_SCOPES,
  authorizeUrl,
  exchangeCode,
  identityOf,
  pkcePair,
  refreshTokens,
  revoke,
  type SalesforceApp,
} from './oauth.ts';

const LOGIN = 'https://login.salesforce.com';
const app: SalesforceApp = {
  clientId: '3MVG9-baton-client-id',
  clientSecret: 'baton-client-secret',
  loginUrl: LOGIN,
  pubSubUrl: 'https://api.pubsub.salesforce.com:7443',
};
const NOW = new Date('2026-11-22T12:00:00Z');
const REDIRECT = 'https://baton.example.com/salesforce/oauth/callback';
const ORG = '00Dxx0000001gPLEAY';
const USER = '005xx000001SwiUAAS';

/** The token endpoint's answer (web-server flow), as Salesforce sends it. */
const tokenBody = (extra: Record<string, unknown> = {}) => ({
  access_token: '00Dxx0000001gPL!fake-access-token-for-tests',
  refresh_token: '5Aep861TSESvWeug_xvFHRBTTbf_YrTWgEyjBJrqlvlPuLwq4CqGHTSDe0SgR0m04bZyPAzNQoYfwaW_nGl5wVV',
  signature: 'SSSbLO/gBhmmyNUvN18ODBDFYHzakxOMgqYtu+hDPsc=',
  scope: 'refresh_token api',
  instance_url: 'https://acme.my.salesforce.com',
  id: `${LOGIN}/id/${ORG}/${USER}`,
  token_type: 'Bearer',
  issued_at: '1795435200000',
  ...extra,
});

let forms: URLSearchParams[];
/**
 * Replies with `status, body` (with its Content-Length, as Salesforce sends it: without one undici reads to the
 * end of nock's socket and resets it, an uncaught error) and keeps the form the client posted (nock hands the
 * body matcher the parsed form).
 */
const tokenEndpoint = (status: number, body: unknown, times = 1) =>
  nock(LOGIN)
    .replyContentLength()
    .post('/services/oauth2/token', (form: Record<string, string>) => {
      forms.push(new URLSearchParams(form));
      return true;
    })
    .times(times)
    .reply(status, typeof body === 'string' ? body : JSON.stringify(body), {
      'Content-Type': typeof body === 'string' ? 'text/html' : 'application/json;charset=UTF-8',
    });

beforeEach(() => {
  forms = [];
});
afterEach(() => {
  nock.cleanAll();
});

// nock 15 intercepts undici at the socket (@mswjs/interceptors): a new connection whose first bytes land after a
// setImmediate is taken for a non-HTTP client and passed through to the real host (ENOTFOUND: no network here).
// On a loaded machine that race is lost now and then; a retry absorbs it, a real regression fails every attempt.
describe('Salesforce OAuth', { retry: 2 }, () => {
  it('builds the authorize URL with an S256 challenge of the verifier, the scopes and the state', () => {
    const { verifier, challenge } = pkcePair();
    expect(verifier).toMatch(/^[A-Za-z0-9_-]{43,128}$/);
    const url = new URL(authorizeUrl(app, REDIRECT, 'state-123', challenge));
    expect(`${url.origin}${url.pathname}`).toBe(`${LOGIN}/services/oauth2/authorize`);
    const p = url.searchParams;
    expect(p.get('response_type')).toBe('code');
    expect(p.get('client_id')).toBe(app.clientId);
    expect(p.get('redirect_uri')).toBe(REDIRECT);
    expect(p.get('state')).toBe('state-123');
    expect(p.get('scope')?.split(' ').sort()).toEqual(['api', 'refresh_token']);
    expect(p.get('code_challenge_method')).toBe('S256');
    expect(p.get('code_challenge')).toBe(createHash('sha256').update(verifier).digest('base64url'));
    expect(SALESFORCE_SCOPES).toContain('refresh_token');
    // A new pair every time.
    expect(pkcePair().verifier).not.toBe(verifier);
  });

  it('follows a My Domain login URL', () => {
    const url = authorizeUrl({ ...app, loginUrl: 'https://acme.my.salesforce.com' }, REDIRECT, 's', 'c');
    expect(url.startsWith('https://acme.my.salesforce.com/services/oauth2/authorize?')).toBe(true);
  });

  it('exchanges the code with the stored verifier and reads the org and user from the identity URL', async () => {
    const scope = tokenEndpoint(200, tokenBody());
    const got = await exchangeCode(app, 'aPrxCODE==', 'the-stored-verifier', REDIRECT, NOW);
    scope.done();
    expect(got).toEqual({
      accessToken: '00Dxx0000001gPL!fake-access-token-for-tests',
      refreshToken: tokenBody().refresh_token,
      instanceUrl: 'https://acme.my.salesforce.com',
      expiresAt: new Date(NOW.getTime() + 2 * 3_600_000),
      orgId: ORG,
      userId: USER,
    });
    const form = forms[0];
    expect(form?.get('grant_type')).toBe('authorization_code');
    expect(form?.get('code')).toBe('aPrxCODE==');
    expect(form?.get('code_verifier')).toBe('the-stored-verifier');
    expect(form?.get('redirect_uri')).toBe(REDIRECT);
    expect(form?.get('client_id')).toBe(app.clientId);
    expect(form?.get('client_secret')).toBe(app.clientSecret);
  });

  it('parses identity URLs from sandboxes and My Domains too', () => {
    expect(identityOf(`https://test.salesforce.com/id/${ORG}/${USER}`)).toEqual({ orgId: ORG, userId: USER });
    expect(() => identityOf('https://login.salesforce.com/')).toThrow(CrmError);
  });

  it('refuses a code exchange without a refresh token (the app lacks the refresh_token scope)', async () => {
    const { refresh_token: _dropped, ...noRefresh } = tokenBody({ scope: 'api' });
    tokenEndpoint(200, noRefresh);
    const error = await exchangeCode(app, 'code', 'verifier', REDIRECT, NOW).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CrmError);
    expect(error).toMatchObject({ kind: 'permanent', message: expect.stringMatching(/refresh token/) });
  });

  it('an expired or reused code (invalid_grant) is an auth failure', async () => {
    tokenEndpoint(400, { error: 'invalid_grant', error_description: 'expired authorization code' });
    const error = await exchangeCode(app, 'old', 'verifier', REDIRECT, NOW).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CrmError);
    expect(error).toMatchObject({ kind: 'auth_invalid' });
    expect((error as Error).message).toMatch(/invalid_grant.*expired authorization code/);
  });

  it('a wrong client (invalid_client_id) is an auth failure too', async () => {
    tokenEndpoint(400, { error: 'invalid_client_id', error_description: 'client identifier invalid' });
    await expect(exchangeCode(app, 'c', 'v', REDIRECT, NOW)).rejects.toMatchObject({ kind: 'auth_invalid' });
  });

  it('refresh keeps the rotated refresh token when Salesforce sends one', async () => {
    tokenEndpoint(200, tokenBody({ access_token: 'at-2', refresh_token: 'rt-2-rotated' }));
    const got = await refreshTokens(app, { refreshToken: 'rt-1' }, NOW);
    expect(got).toEqual({
      accessToken: 'at-2',
      refreshToken: 'rt-2-rotated',
      instanceUrl: 'https://acme.my.salesforce.com',
      expiresAt: new Date(NOW.getTime() + 2 * 3_600_000),
    });
    expect(forms[0]?.get('grant_type')).toBe('refresh_token');
    expect(forms[0]?.get('refresh_token')).toBe('rt-1');
    expect(forms[0]?.get('client_id')).toBe(app.clientId);
    expect(forms[0]?.get('client_secret')).toBe(app.clientSecret);
  });

  it('refresh keeps the old refresh token when none is sent (rotation off)', async () => {
    const { refresh_token: _none, ...body } = tokenBody({ access_token: 'at-3' });
    tokenEndpoint(200, body);
    const got = await refreshTokens(app, { refreshToken: 'rt-1' }, NOW);
    expect(got.accessToken).toBe('at-3');
    expect(got.refreshToken).toBe('rt-1');
  });

  it('refresh picks up a moved instance URL', async () => {
    tokenEndpoint(200, tokenBody({ instance_url: 'https://acme2.my.salesforce.com' }));
    expect((await refreshTokens(app, { refreshToken: 'rt-1' }, NOW)).instanceUrl).toBe(
      'https://acme2.my.salesforce.com',
    );
  });

  it('a revoked refresh token (invalid_grant) is an auth failure', async () => {
    tokenEndpoint(400, { error: 'invalid_grant', error_description: 'expired access/refresh token' });
    await expect(refreshTokens(app, { refreshToken: 'rt-dead' }, NOW)).rejects.toMatchObject({
      kind: 'auth_invalid',
    });
  });

  it('an inactive user or org is an auth failure; another OAuth error is permanent, never retried', async () => {
    tokenEndpoint(400, { error: 'inactive_user', error_description: 'user is inactive' });
    await expect(refreshTokens(app, { refreshToken: 'rt-1' }, NOW)).rejects.toMatchObject({
      kind: 'auth_invalid',
    });
    tokenEndpoint(400, { error: 'inactive_org', error_description: 'org is locked' });
    await expect(refreshTokens(app, { refreshToken: 'rt-1' }, NOW)).rejects.toMatchObject({
      kind: 'auth_invalid',
    });
    tokenEndpoint(400, { error: 'invalid_request', error_description: 'bad request' });
    await expect(refreshTokens(app, { refreshToken: 'rt-1' }, NOW)).rejects.toMatchObject({
      kind: 'permanent',
    });
  });

  it('a 5xx from the token endpoint is passing (retryable), with its status', async () => {
    tokenEndpoint(503, '<html><body>Service Unavailable</body></html>');
    const error = await refreshTokens(app, { refreshToken: 'rt-1' }, NOW).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CrmError);
    expect(error).toMatchObject({ kind: 'retryable', status: 503 });
  });

  it('a 4xx without an OAuth error code is permanent', async () => {
    tokenEndpoint(404, '<html>Not Found</html>');
    await expect(refreshTokens(app, { refreshToken: 'rt-1' }, NOW)).rejects.toMatchObject({
      kind: 'permanent',
      status: 404,
    });
  });

  it('a token answer that is not what Salesforce sends is refused, not half-used', async () => {
    tokenEndpoint(200, { access_token: 'at', instance_url: 'not a url', id: 'x' });
    await expect(refreshTokens(app, { refreshToken: 'rt-1' }, NOW)).rejects.toBeInstanceOf(CrmError);
  });

  it('revokes a token at the revoke endpoint', async () => {
    const scope = nock(LOGIN)
      .replyContentLength()
      .post('/services/oauth2/revoke', (body: Record<string, string>) => body['token'] === 'rt-1')
      // Salesforce answers 200 with an empty body; nock 15 cannot hand undici an empty body on a fresh
      // connection, so one space.
      .reply(200, ' ');
    await revoke(app, 'rt-1');
    scope.done();
  });

  it('a refused revocation is reported', async () => {
    nock(LOGIN)
      .replyContentLength()
      .post('/services/oauth2/revoke')
      .reply(400, 'error=unsupported_token_type&error_description=this+token+type+is+not+supported');
    await expect(revoke(app, 'junk')).rejects.toBeInstanceOf(CrmError);
  });
});
