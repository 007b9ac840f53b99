// Fuzz cases for the browser routes of the install: /oauth/hubspot/install always sends the admin to the
// configured consent screen (whatever the query says); /oauth/hubspot/callback refuses anything but a genuine,
// unused state with an HTML page, storing nothing.
import fc from 'fast-check';
import type { FuzzCase } from './fuzzRun.ts';
import type { FuzzWorld } from './fuzzWorld.ts';
import { headerText, hostileText, METHODS } from './hostileInput.ts';

const enc = (s: string) => encodeURIComponent(s.slice(0, 600));
const KEYS = ['code', 'state', 'error', 'error_description', 'redirect_uri', 'next', 'portalId', 'client_id'];

/** A query string of hostile parameters (some repeated, some malformed escapes). */
const hostileQuery: fc.Arbitrary<string> = fc
  .array(
    fc.oneof(
      fc.tuple(fc.constantFrom(...KEYS), hostileText).map(([k, v]) => `${k}=${enc(v)}`),
      fc.tuple(hostileText, hostileText).map(([k, v]) => `${enc(k)}=${enc(v)}`),
      fc.constantFrom(
        'state=%ZZ',
        'code=%E0%A4%A',
        'state',
        '=',
        '&&&',
        'code[]=1',
        'state[a]=b',
        'code=%00',
      ),
    ),
    { maxLength: 6 },
  )
  .map((parts) => parts.join('&'));

/** States shaped like Baton's (base64url body, a dot, a MAC) but not issued by it. */
const forgedState: fc.Arbitrary<string> = fc
  .tuple(
    fc.string({ minLength: 16, maxLength: 30 }),
    fc.integer(),
    fc.uint8Array({ minLength: 32, maxLength: 32 }),
  )
  .map(([n, exp, mac]) => {
    const body = Buffer.from(JSON.stringify({ n, exp: Math.abs(exp) * 1e6, crm: 'hubspot' })).toString(
      'base64url',
    );
    return `${body}.${Buffer.from(mac).toString('base64url')}`;
  });

export function oauthArbitraries(world: FuzzWorld) {
  const app = world.h.running.sandbox?.app;
  const callback = `${world.signer.publicUrl}/oauth/hubspot/callback`;
  const toConsent = (location: string) => {
    const url = new URL(location);
    return (
      `${url.origin}${url.pathname}` === app?.authorizeUrl &&
      url.searchParams.get('redirect_uri') === callback &&
      url.searchParams.get('client_id') === app.clientId &&
      /^[\w-]+\.[\w-]+$/.test(url.searchParams.get('state') ?? '')
    );
  };

  const installCase: fc.Arbitrary<FuzzCase> = fc
    .tuple(fc.constantFrom(...METHODS), hostileQuery, headerText)
    .map(([method, query, referer]): FuzzCase => {
      const req = {
        method,
        path: `/oauth/hubspot/install?${query}`,
        headers: { referer, cookie: `x=${referer}` },
      };
      const endpoint = `${method} /oauth/hubspot/install`;
      if (method === 'GET' || method === 'HEAD')
        return { endpoint, req, expect: { kind: 'redirect', status: [302], location: toConsent } };
      return { endpoint, req, expect: { kind: 'api_error', status: [404] } };
    });

  const callbackCase: fc.Arbitrary<FuzzCase> = fc
    .tuple(
      fc.constantFrom(...METHODS),
      hostileQuery,
      fc.option(forgedState, { nil: undefined }),
      fc.option(hostileText, { nil: undefined }),
    )
    .map(([method, query, state, code]): FuzzCase => {
      const extra = [state && `state=${state}`, code !== undefined && `code=${enc(code)}`].filter(Boolean);
      const req = { method, path: `/oauth/hubspot/callback?${[query, ...extra].join('&')}` };
      const endpoint = `${method} /oauth/hubspot/callback`;
      if (method === 'GET' || method === 'HEAD')
        return { endpoint, req, expect: { kind: 'html_page', status: [400], contains: 'Install failed' } };
      return { endpoint, req, expect: { kind: 'api_error', status: [404] } };
    });

  return { installCase, callbackCase };
}
