// Fuzz cases for getting into the ops side: the console login (HTML), and the ops API, /metrics and console pages
// without valid credentials (401 or the login page, whatever is forged).
import { createHmac } from 'node:crypto';
import fc from 'fast-check';
import type { FuzzCase } from './fuzzRun.ts';
import { OPS_TOKEN } from './fuzzWorld.ts';
import { brokenJson, contentType, headerText, hostileText, METHODS, oddJson } from './hostileInput.ts';

const enc = (s: string) => encodeURIComponent(s.slice(0, 500));
const sessionMac = (token: string, expires: number) =>
  createHmac('sha256', `ops-session:${token}`).update(String(expires)).digest('base64url');

/** Only console paths: never another origin, never a protocol-relative URL. */
export const safeConsolePath = (location: string) =>
  /^\/ops(\/|\?|$)/.test(location) && !location.startsWith('//');

const API_PATHS = [
  '/ops/api/tenants',
  '/ops/api/alerts',
  '/ops/api/sync-log',
  '/ops/api/failures',
  '/ops/api/failures/replay',
  '/ops/api/sla-board',
  '/ops/api/funnel',
  '/ops/api/scorecard',
  '/ops/api/review',
  '/ops/api/whatif',
  '/ops/api/leads/t/1/timeline',
  '/ops/api/tenants/hubspot-1/uninstall',
  '/ops/api/tenants/hubspot-1/backfill',
  '/metrics',
];

/** Credentials that are not the ops token: none, wrong, near misses, forged or expired session cookies. */
function badCredentials(nowMs: number): fc.Arbitrary<Record<string, string>> {
  return fc.oneof(
    fc.constant<Record<string, string>>({}),
    headerText.map((t) => ({ authorization: `Bearer ${t}` })),
    headerText.map((t) => ({ authorization: t })),
    fc.constantFrom<Record<string, string>>(
      { authorization: `Bearer ${OPS_TOKEN}x` },
      { authorization: `Bearer ${OPS_TOKEN.slice(0, -1)}` },
      { authorization: `Basic ${Buffer.from(`ops:${OPS_TOKEN}`).toString('base64')}` },
      { authorization: `Token ${OPS_TOKEN}` },
      { authorization: 'Bearer ' },
      { cookie: `baton_ops=${nowMs - 1000}.${sessionMac(OPS_TOKEN, nowMs - 1000)}` },
      {
        cookie: `baton_ops=${nowMs + 3_600_000}.${sessionMac('another-token-0123456789', nowMs + 3_600_000)}`,
      },
      { cookie: `baton_ops=${nowMs + 3_600_000}` },
      { cookie: 'baton_ops=.' },
      { cookie: `baton_ops=1e99.${sessionMac(OPS_TOKEN, 1e99)}` },
      // a well-formed session id that no sign-in issued
      { cookie: `baton_ops=${'A'.repeat(43)}` },
    ),
    fc
      .tuple(fc.integer({ min: 0 }), headerText)
      .map(([e, mac]) => ({ cookie: `baton_ops=${e}.${mac.replace(/[;,\s]/g, '')}` })),
  );
}

export function opsAccessArbitraries() {
  const loginGet: fc.Arbitrary<FuzzCase> = hostileText.map((next) => ({
    endpoint: 'GET /ops/login',
    req: { method: 'GET', path: `/ops/login?next=${enc(next)}` },
    expect: { kind: 'html_page', status: [200], contains: 'name="next" value="/ops' },
  }));

  const loginPost: fc.Arbitrary<FuzzCase> = fc
    .tuple(
      hostileText,
      hostileText,
      fc.constantFrom('application/x-www-form-urlencoded', 'application/json', 'text/plain', ''),
      fc.boolean(),
    )
    .map(([token, next, type, valid]): FuzzCase => {
      const form = `token=${enc(valid ? OPS_TOKEN : `${token}!`)}&next=${enc(next)}`;
      // Wrong tokens are rate-limited per client: past the limit every attempt, right or wrong, is a 429 page.
      const req = { method: 'POST', path: '/ops/login', headers: { 'content-type': type }, body: form };
      if (valid && type === 'application/x-www-form-urlencoded')
        return {
          endpoint: 'POST /ops/login',
          req,
          expect: { kind: 'redirect', status: [303], location: safeConsolePath, orRateLimited: true },
        };
      return {
        endpoint: 'POST /ops/login',
        req,
        expect: { kind: 'html_page', status: [401, 429], contains: 'Sign in' },
      };
    });

  const unauthenticated: fc.Arbitrary<FuzzCase> = fc
    .tuple(
      fc.oneof(
        { weight: 2, arbitrary: fc.constantFrom(...API_PATHS) },
        { weight: 1, arbitrary: hostileText.map((t) => `/ops/api/${enc(t)}`) },
        { weight: 1, arbitrary: fc.constant('/metrics') },
      ),
      fc.constantFrom(...METHODS),
      badCredentials(Date.now()),
      fc.oneof(fc.constant(''), brokenJson, oddJson),
      contentType,
    )
    .map(([path, method, creds, body, type]): FuzzCase => {
      const metrics = path === '/metrics';
      const req = { method, path, headers: { ...creds, 'content-type': type }, body };
      const endpoint = metrics ? `${method} /metrics` : `${method} /ops/api/* (no valid token)`;
      if (!metrics || method === 'GET' || method === 'HEAD')
        return { endpoint, req, expect: { kind: 'api_error', status: [401] } };
      // /metrics is GET only: other methods find no route at all.
      return { endpoint, req, expect: { kind: 'api_error', status: [404] } };
    });

  /** Console pages (anything else under /ops) without a login: a 401 or the way to the login page. */
  const consoleUnauthenticated: fc.Arbitrary<FuzzCase> = fc
    .tuple(
      fc.oneof(
        fc.constantFrom(
          '',
          '/',
          '/tenants',
          '/failures',
          '/sla',
          '/funnel',
          '/sync-log',
          '/assets/console.css',
          '/assets/js/main.ts',
        ),
        hostileText.map((t) => `/${enc(t)}`),
        fc.tuple(hostileText, hostileText).map(([t, l]) => `/leads/${enc(t)}/${enc(l)}`),
        hostileText.map((t) => `/assets/${enc(t)}`),
      ),
      badCredentials(Date.now()),
    )
    .filter(([p]) => !/^\/(login|logout|api)\b/.test(p))
    .map(([p, creds]) => ({
      endpoint: 'GET /ops/* (console, no login)',
      req: { method: 'GET', path: `/ops${p}`, headers: { ...creds, accept: 'text/html' } },
      expect: { kind: 'login_required' },
    }));

  return { loginGet, loginPost, unauthenticated, consoleUnauthenticated };
}
