// Cross-site request forgery on the ops side: a page on another port of the same host (same-site, so the
// SameSite=Strict cookie travels) auto-submits a form at an ops action while an ops session is open. Changes made
// with a session need a same-origin request and the session's CSRF token; bearer calls are unaffected.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OPS_TOKEN, startOpsApp, type OpsApp } from '../../../test/support/opsApp.ts';

let ops: OpsApp;
let session: { cookie: string; csrf: string };

beforeAll(async () => {
  ops = await startOpsApp();
  session = await ops.signIn();
});
afterAll(() => ops.close());

const uninstall = () => `/ops/api/tenants/${ops.tenant.id}/uninstall`;
const backfill = () => `/ops/api/tenants/${ops.tenant.id}/backfill`;
const forbidden = { error: { code: 'forbidden', message: expect.any(String) } };

/** What the attacker's page makes the browser send: text/plain, the cookie, its own origin, no custom header. */
const crossSiteForm = (extra: Record<string, string> = {}) => ({
  headers: {
    cookie: session.cookie,
    'content-type': 'text/plain',
    origin: ops.otherOrigin,
    'sec-fetch-site': 'same-site',
    ...extra,
  },
  body: 'x=1',
});

const fromConsole = (extra: Record<string, string> = {}) => ({
  headers: {
    cookie: session.cookie,
    'content-type': 'application/json',
    origin: ops.base,
    'sec-fetch-site': 'same-origin',
    'x-baton-csrf': session.csrf,
    ...extra,
  },
  body: '{}',
});

describe('ops changes with a session cookie', () => {
  it('a cross-site form POST to uninstall or backfill is a 403 and changes nothing', async () => {
    expect(session.csrf).toMatch(/^[\w-]{43}$/);
    for (const path of [uninstall(), backfill()]) {
      const res = await ops.send('POST', path, crossSiteForm());
      expect({ path, status: res.status, body: JSON.parse(res.text) }).toEqual({
        path,
        status: 403,
        body: forbidden,
      });
    }
    expect(await ops.tenantStatus()).toBe('connected');
    expect(ops.backfills).toEqual([]);
  });

  it('refuses it even when the stolen-looking pieces are there: a token from another site, no origin at all', async () => {
    const cases: Array<Record<string, string>> = [
      // the right token, but the request comes from the other origin
      { 'x-baton-csrf': session.csrf },
      // same origin per Sec-Fetch-Site, but the Origin header says otherwise
      { 'sec-fetch-site': 'same-origin', 'x-baton-csrf': session.csrf },
      // Origin null (a sandboxed frame, a redirect)
      { origin: 'null', 'sec-fetch-site': 'cross-site', 'x-baton-csrf': session.csrf },
    ];
    for (const extra of cases) {
      const res = await ops.send('POST', uninstall(), crossSiteForm(extra));
      expect({ extra, status: res.status }).toEqual({ extra, status: 403 });
    }
    const noOrigin = await ops.send('POST', uninstall(), {
      headers: { cookie: session.cookie, 'content-type': 'application/json', 'x-baton-csrf': session.csrf },
      body: '{}',
    });
    expect(noOrigin.status).toBe(403);
    expect(await ops.tenantStatus()).toBe('connected');
  });

  it('a same-origin request without the CSRF token, or with a wrong one, is a 403', async () => {
    for (const token of ['', 'wrong', `${session.csrf}x`]) {
      const res = await ops.send('POST', backfill(), fromConsole({ 'x-baton-csrf': token }));
      expect({ token, status: res.status, body: JSON.parse(res.text) }).toEqual({
        token,
        status: 403,
        body: forbidden,
      });
    }
    expect(ops.backfills).toEqual([]);
  });

  it('reads need no token; the console itself (same origin and the token) may change things', async () => {
    const read = await ops.send('GET', backfill(), { headers: { cookie: session.cookie } });
    expect(read.status).toBe(200);
    const started = await ops.send('POST', backfill(), fromConsole());
    expect(started.status).toBe(202);
    expect(ops.backfills).toEqual([ops.tenant.id]);
  });

  it('the token is per session: another session’s token does not pass', async () => {
    const other = await ops.signIn();
    expect(other.csrf).not.toBe(session.csrf);
    const res = await ops.send('POST', backfill(), fromConsole({ 'x-baton-csrf': other.csrf }));
    expect(res.status).toBe(403);
  });

  it('bearer-token calls are unaffected: no origin, no CSRF token needed', async () => {
    const res = await ops.send('POST', uninstall(), {
      headers: { authorization: `Bearer ${OPS_TOKEN}`, 'content-type': 'application/json' },
      body: '{}',
    });
    expect(res.status).toBe(200);
    expect(await ops.tenantStatus()).toBe('disconnected');
  });
});

describe('behind a proxy', () => {
  it('a change from BATON_PUBLIC_URL’s origin passes though the Host the app sees differs; others do not', async () => {
    const proxied = await startOpsApp({ publicUrl: 'https://baton.example.com' });
    try {
      const s = await proxied.signIn();
      const change = (origin: string) =>
        proxied.send('POST', `/ops/api/tenants/${proxied.tenant.id}/backfill`, {
          headers: {
            host: 'internal-web:8080',
            cookie: s.cookie,
            'content-type': 'application/json',
            origin,
            'sec-fetch-site': 'same-origin',
            'x-baton-csrf': s.csrf,
          },
          body: '{}',
        });
      expect((await change('https://baton.example.com')).status).toBe(202);
      expect((await change('https://evil.example.com')).status).toBe(403);
      expect((await change('http://baton.example.com')).status).toBe(403);
      expect(proxied.backfills).toHaveLength(1);
    } finally {
      await proxied.close();
    }
  });
});

describe('signing in and out from elsewhere', () => {
  it('login CSRF: a cross-site login form with the right token is a 403 and starts no session', async () => {
    const res = await ops.send('POST', '/ops/login', {
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        origin: ops.otherOrigin,
        'sec-fetch-site': 'same-site',
      },
      body: `token=${OPS_TOKEN}`,
    });
    expect(res.status).toBe(403);
    expect(JSON.parse(res.text)).toEqual(forbidden);
    expect(res.headers['set-cookie']).toBeUndefined();
  });

  it('a cross-site sign-out form is refused and the session goes on', async () => {
    const res = await ops.send('POST', '/ops/logout', {
      headers: {
        cookie: session.cookie,
        'content-type': 'application/x-www-form-urlencoded',
        origin: ops.otherOrigin,
        'sec-fetch-site': 'same-site',
      },
      body: `csrf=${session.csrf}`,
    });
    expect(res.status).toBe(403);
    const stillIn = await ops.send('GET', backfill(), { headers: { cookie: session.cookie } });
    expect(stillIn.status).toBe(200);
  });
});
