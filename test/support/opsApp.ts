// The web app with only its ops side, on a fresh PGlite database and a clock the test moves: for the console's
// login, sessions and CSRF checks. Requests go through node:http so a test can send exactly the headers a
// browser would (Origin, Sec-Fetch-Site), which fetch() does not let it choose.
import { request, type Server } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { migrate, openDatabase, type Database } from '../../src/store/database.ts';
import { connectTenant, getTenant, setTenantStatus, type Tenant } from '../../src/store/tenants.ts';
import { createLogger } from '../../src/logger.ts';
import { createApp } from '../../src/web/app.ts';
import type { LoginLimits } from '../../src/web/ops/loginRateLimit.ts';
import { consoleRouter } from '../../src/web/ops/consoleRouter.ts';
import { opsSessions } from '../../src/web/ops/opsSessions.ts';
import { copyPgliteTemplate } from './pgliteTemplate.ts';

export const OPS_TOKEN = 'f3b1c2d4e5a60718293a4b5c6d7e8f90';

export interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
}

export interface OpsApp {
  base: string;
  /** The origin a page on another port of the same host has. */
  otherOrigin: string;
  database: Database;
  tenant: Tenant;
  /** The sessions' clock, and moving it. */
  now(): Date;
  advance(ms: number): void;
  send(
    method: string,
    path: string,
    opts?: { headers?: Record<string, string>; body?: string },
  ): Promise<Answer>;
  /** Signs in from the login page; the session cookie ("baton_ops=…") and the page's CSRF token. */
  signIn(): Promise<{ cookie: string; csrf: string }>;
  tenantStatus(): Promise<string | undefined>;
  backfills: string[];
  close(): Promise<void>;
}

export async function startOpsApp(opts: { limits?: LoginLimits; publicUrl?: string } = {}): Promise<OpsApp> {
  const dir = mkdtempSync(join(tmpdir(), 'baton-ops-'));
  copyPgliteTemplate(join(dir, 'pglite'));
  const database = openDatabase({ kind: 'pglite', dataDir: join(dir, 'pglite') });
  await migrate(database.db);
  const db = database.db;
  const tenant = await connectTenant(db, { crm: 'hubspot', externalId: '4242', name: 'Portal' });
  let now = Date.parse('2026-11-23T14:00:00Z');
  const backfills: string[] = [];
  const app = createApp({
    log: createLogger('silent'),
    isReady: async () => true,
    // One proxy in front: X-Forwarded-For names the client (the rate-limit tests play several clients).
    trustProxyHops: 1,
    opsToken: OPS_TOKEN,
    opsSessions: opsSessions({ db, now: () => new Date(now), secureCookies: false }),
    opsPages: consoleRouter,
    ...(opts.limits && { opsLoginLimits: opts.limits }),
    ...(opts.publicUrl && { publicUrl: opts.publicUrl }),
    disconnectTenant: async (id) => {
      await setTenantStatus(db, id, 'disconnected');
      return { found: true, uninstalled: true, revoked: true };
    },
    opsTenants: { db, startBackfill: async (id) => void backfills.push(id) },
  });
  const server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const port = (server.address() as AddressInfo).port;
  const send: OpsApp['send'] = (method, path, o = {}) =>
    new Promise((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port, method, path, headers: o.headers }, (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text }));
      });
      req.on('error', reject);
      req.end(o.body ?? '');
    });
  const base = `http://127.0.0.1:${port}`;
  const signIn = async () => {
    const login = await send('POST', '/ops/login', {
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        origin: base,
        'sec-fetch-site': 'same-origin',
      },
      body: `token=${OPS_TOKEN}`,
    });
    if (login.status !== 303) throw new Error(`sign-in failed: ${login.status} ${login.text}`);
    const cookie = String(login.headers['set-cookie'] ?? '').split(';')[0] ?? '';
    const page = await send('GET', '/ops', { headers: { cookie } });
    const csrf = /<meta name="baton-csrf" content="([^"]*)">/.exec(page.text)?.[1] ?? '';
    return { cookie, csrf };
  };
  return {
    base,
    otherOrigin: `http://127.0.0.1:${port + 1}`,
    database,
    tenant,
    now: () => new Date(now),
    advance: (ms) => void (now += ms),
    send,
    signIn,
    tenantStatus: async () => (await getTenant(db, tenant.id))?.status,
    backfills,
    close: async () => {
      await new Promise<void>((r) => server.close(() => r()));
      await database.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
