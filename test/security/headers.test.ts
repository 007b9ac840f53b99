// Security headers on every route (issue 16 item 10): the red team found no CSP or frame protection on /ops/login, the
// OAuth pages and the JSON APIs, no HSTS, and ops JSON without Cache-Control: no-store.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/logger.ts';
import { createApp } from '../../src/web/app.ts';
import { startBaton, type BatonHarness } from '../support/batonHarness.ts';

let h: BatonHarness;
beforeAll(async () => {
  h = await startBaton({ at: new Date('2026-11-23T14:00:00Z') });
});
afterAll(() => h.close());

const ROUTES: Array<[method: string, path: string, noStore: boolean]> = [
  ['GET', '/ops/login', true],
  ['POST', '/ops/login', true],
  ['GET', '/ops', true],
  ['GET', '/ops/api/tenants', true],
  ['GET', '/oauth/hubspot/install', true],
  ['GET', '/oauth/hubspot/callback?error=access_denied', true],
  ['GET', '/oauth/salesforce/callback?state=forged', true],
  ['GET', '/api/hubspot/reasons?portalId=1&userId=1', true],
  ['POST', '/webhooks/hubspot', false],
  ['GET', '/healthz', false],
  ['GET', '/no/such/route', false],
];

describe('security headers on every route', () => {
  it.each(ROUTES)('%s %s', async (method, path, noStore) => {
    const res = await fetch(`${h.running.config.publicUrl}${path}`, { method, redirect: 'manual' });
    await res.body?.cancel();
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("object-src 'none'");
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toBe('same-origin');
    expect(res.headers.get('x-powered-by')).toBeNull();
    // Outside production Baton is usually on plain http: no HSTS (a browser would pin localhost to https).
    expect(res.headers.get('strict-transport-security')).toBeNull();
    if (noStore) expect(res.headers.get('cache-control')).toBe('no-store');
  });

  it('the console keeps its own stricter page policy (no inline styles)', async () => {
    const login = await fetch(`${h.running.config.publicUrl}/ops/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: h.running.config.publicUrl },
      body: `token=${encodeURIComponent(h.running.config.opsToken ?? '')}`,
      redirect: 'manual',
    });
    const cookie = login.headers.get('set-cookie')?.split(';')[0] ?? '';
    const page = await fetch(`${h.running.config.publicUrl}/ops`, { headers: { cookie } });
    await page.body?.cancel();
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("style-src 'self';");
  });
});

describe('in production', () => {
  let server: Server;
  let base: string;
  beforeAll(async () => {
    const app = createApp({ log: createLogger('silent'), isReady: async () => true, production: true });
    server = await new Promise<Server>((resolve) => {
      const s = app.listen(0, '127.0.0.1', () => resolve(s));
    });
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  it.each(['/healthz', '/ops/login', '/no/such/route'])('%s pins https for a year (HSTS)', async (path) => {
    const res = await fetch(`${base}${path}`);
    await res.body?.cancel();
    expect(res.headers.get('strict-transport-security')).toBe('max-age=31536000; includeSubDomains');
  });
});
