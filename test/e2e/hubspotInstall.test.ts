// Installing Baton in a HubSpot portal, end to end against the sandbox: the consent redirect, the callback, tokens
// encrypted, provisioning, refresh with rotation, a revoked token, forged/replayed/denied installs, uninstall.
import type { Server } from 'node:http';
import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tokenSetSchema } from '../../src/crm/hubspot/oauth.ts';
import { createLogger } from '../../src/logger.ts';
import { installBaton } from '../../sandbox/mode/sandboxPortal.ts';
import { bootstrapPortal, createHubSpotSandbox, createManualClock } from '../../sandbox/hubspot/index.ts';
import type { HubSpotSandbox, RunningSandbox, BootstrappedPortal } from '../../sandbox/hubspot/index.ts';
import { storeTokenVault } from '../../src/app/tokenVault.ts';
import { callbackPathOf, disconnect, type ConnectDeps } from '../../src/app/connectCrm.ts';
import { ChangeIngest } from '../../src/app/ingestChanges.ts';
import { hubspotOAuthFlow, type HubSpotApp } from '../../src/crm/hubspot/oauth.ts';
import type { HubSpotPortals } from '../../src/crm/hubspot/portals.ts';
import { hubspotProvider } from '../../src/crm/hubspot/provider.ts';
import type { CrmProvider, OAuthFlow } from '../../src/crm/provider.ts';
import { InstallStateSigner } from '../../src/app/installState.ts';
import { Cipher } from '../../src/store/cipher.ts';
import { loadCredentials } from '../../src/store/credentials.ts';
import { migrate, openDatabase, type Database } from '../../src/store/database.ts';
import { getTenant, listTenants } from '../../src/store/tenants.ts';
import { createApp } from '../../src/web/app.ts';
import { freePort } from '../support/freePort.ts';

const OPS_TOKEN = 'ops-token-for-tests-0123456789';
const clock = createManualClock(Date.parse('2026-11-23T14:00:00Z'));
const now = () => new Date(clock.now());
let database: Database;
let sandbox: HubSpotSandbox;
let running: RunningSandbox;
let setup: BootstrappedPortal;
let server: Server;
let baton: string;
let portals: HubSpotPortals;
let provider: CrmProvider;
/** The OAuth flow the install routes use (a test points it at an unreachable HubSpot). */
let oauth: OAuthFlow;
let app: HubSpotApp;
const callbackPath = callbackPathOf({ kind: 'hubspot' });
const cipher = new Cipher([{ version: 1, key: randomBytes(32) }]);
const tenantId = () => `hubspot-${setup.portal.id}`;

async function get(url: string) {
  const res = await fetch(url, { redirect: 'manual' });
  return { status: res.status, location: res.headers.get('location'), text: await res.text() };
}

/** The consent step in the sandbox: returns Baton's callback URL with code and state. */
async function consent(): Promise<string> {
  const start = await get(`${baton}/oauth/hubspot/install`);
  const authorize = await get(start.location ?? '');
  return authorize.location ?? '';
}

beforeAll(async () => {
  database = openDatabase({ kind: 'pglite', dataDir: 'memory://' });
  await migrate(database.db);
  sandbox = createHubSpotSandbox({ clock, oauth: { rotateRefreshTokens: true } });
  running = await sandbox.listen();
  const port = await freePort();
  baton = `http://127.0.0.1:${port}`;
  setup = bootstrapPortal(sandbox.state, { redirectUri: `${baton}${callbackPath}` });
  app = {
    clientId: setup.app.clientId,
    clientSecret: setup.app.clientSecret,
    apiBaseUrl: running.baseUrl,
    authorizeUrl: `${running.baseUrl}/oauth/authorize`,
  };
  const hubspot = hubspotProvider(
    { ...app, appId: null },
    { vault: storeTokenVault({ db: database.db, cipher, now }), now, onCall: () => undefined },
  );
  portals = hubspot.portals;
  oauth = hubspot.oauth;
  provider = {
    ...hubspot,
    get oauth() {
      return oauth;
    },
  };
  const connect: ConnectDeps = {
    db: database.db,
    cipher,
    signer: new InstallStateSigner(randomBytes(32)),
    publicUrl: baton,
    now,
    log: createLogger('silent'),
  };
  const web = createApp({
    log: createLogger('silent'),
    isReady: async () => true,
    opsToken: OPS_TOKEN,
    crms: {
      providers: [provider],
      connect,
      webhooks: {
        ingest: new ChangeIngest({ db: database.db, now, enqueue: async () => undefined }),
        publicUrl: baton,
        now,
      },
    },
    disconnectTenant: (id) => disconnect(connect, [provider], id),
  });
  server = await new Promise<Server>((resolve) => {
    const s = web.listen(port, '127.0.0.1', () => resolve(s));
  });
});
afterAll(async () => {
  await new Promise<void>((r) => server.close(() => r()));
  await portals.stop();
  await sandbox.close();
  await database.close();
});

describe('HubSpot install (OAuth) against the sandbox', () => {
  it('sends the admin to HubSpot with exactly Baton’s scopes and a signed state', async () => {
    const start = await get(`${baton}/oauth/hubspot/install`);
    expect(start.status).toBe(302);
    const url = new URL(start.location ?? '');
    expect(`${url.origin}${url.pathname}`).toBe(`${running.baseUrl}/oauth/authorize`);
    expect(url.searchParams.get('redirect_uri')).toBe(`${baton}${callbackPath}`);
    expect(url.searchParams.get('scope')?.split(' ').sort()).toEqual(
      [
        'crm.lists.read',
        'crm.lists.write',
        'crm.objects.contacts.read',
        'crm.objects.contacts.write',
        'crm.objects.owners.read',
        'crm.schemas.contacts.read',
        'crm.schemas.contacts.write',
        'oauth',
      ].sort(),
    );
    expect(url.searchParams.get('state')).toMatch(/^[\w-]+\.[\w-]+$/);
  });

  it('installs: tenant created, tokens encrypted at rest, portal provisioned, an "installed" page', async () => {
    const callback = await get(await consent());
    expect(callback.status).toBe(200);
    expect(callback.text).toContain('Installed');
    expect(callback.text).toMatch(/Provisioning: \d+ created/);
    const tenant = await getTenant(database.db, tenantId());
    expect(tenant?.status).toBe('connected');
    const tokens = await loadCredentials(database.db, cipher, tenantId(), tokenSetSchema);
    expect(tokens?.accessToken).toBeTruthy();
    const raw = await sql<{ dump: string }>`select row_to_json(c)::text as dump from credentials c`.execute(
      database.db,
    );
    expect(raw.rows[0]?.dump).not.toContain(tokens?.accessToken ?? 'x');
    expect(raw.rows[0]?.dump).not.toContain(tokens?.refreshToken ?? 'x');
    expect(setup.portal.contact).toBeDefined();
    const lists = await portals.crm(tenantId()).provision((await getTenant(database.db, tenantId()))!.policy);
    expect(lists.created).toEqual([]);
  });

  it('refuses a replayed callback: the state is single-use', async () => {
    const url = await consent();
    expect((await get(url)).status).toBe(200);
    const again = await get(url);
    expect(again.status).toBe(400);
    expect(again.text).toContain('already used');
  });

  it.each([
    [
      'a forged state',
      (u: URL) => u.searchParams.set('state', 'eyJuIjoiYWFhYWFhYWFhYWFhYWFhYWFhYSJ9.Zm9yZ2Vk'),
    ],
    ['no state', (u: URL) => u.searchParams.delete('state')],
    ['no code', (u: URL) => u.searchParams.delete('code')],
  ])('refuses %s with a clear page and stores nothing', async (_label, tamper) => {
    const before = await listTenants(database.db);
    const url = new URL(await consent());
    tamper(url);
    const res = await get(url.toString());
    expect(res.status).toBe(400);
    expect(res.text).toContain('Install failed');
    expect(await listTenants(database.db)).toEqual(before);
  });

  it('an admin who denies access sees why; nothing is stored', async () => {
    sandbox.setOAuth({ denyAuthorization: true });
    try {
      const res = await get(await consent());
      expect(res.status).toBe(400);
      expect(res.text).toContain('did not grant access');
    } finally {
      sandbox.setOAuth({ denyAuthorization: false });
    }
  });

  it.each([
    ['a known code', 'access_denied', 'the request was declined on the consent screen'],
    ['a code OAuth does not define', 'call_support_now', 'for a reason it did not name'],
  ])(
    'a crafted denial (%s) shows only Baton’s words, never the sender’s description',
    async (_what, error, words) => {
      // Anyone can get a valid state from the public install link and send an admin this callback URL.
      const url = new URL(await consent());
      url.searchParams.delete('code');
      url.searchParams.set('error', error);
      url.searchParams.set('error_description', 'Your portal is compromised: call +1 555 0100 now');
      const res = await get(url.toString());
      expect(res.status).toBe(400);
      expect(res.text).toContain(`HubSpot did not grant access: ${words}.`);
      expect(res.text).not.toContain('compromised');
      expect(res.text).not.toContain('call_support_now');
    },
  );

  it('a code HubSpot refuses (forged, expired, used) is the caller’s problem: a 400 page; nothing is stored', async () => {
    const before = await listTenants(database.db);
    const url = new URL(await consent());
    url.searchParams.set('code', 'not-a-real-code');
    const res = await get(url.toString());
    expect(res.status).toBe(400);
    expect(res.text).toContain('HubSpot refused the install');
    expect(await listTenants(database.db)).toEqual(before);
  });

  it('HubSpot unreachable during the code exchange is a gateway failure: a 502 page; nothing is stored', async () => {
    const before = await listTenants(database.db);
    const url = await consent();
    const reachable = oauth;
    oauth = hubspotOAuthFlow({ ...app, apiBaseUrl: `http://127.0.0.1:${await freePort()}` });
    try {
      const res = await get(url);
      expect(res.status).toBe(502);
      expect(res.text).toContain('Install failed');
    } finally {
      oauth = reachable;
    }
    expect(await listTenants(database.db)).toEqual(before);
  });

  it('refreshes an expiring token once and keeps the rotated refresh token', async () => {
    const before = await loadCredentials(database.db, cipher, tenantId(), tokenSetSchema);
    clock.advance(29 * 60_000); // within five minutes of expiry
    const crm = portals.crm(tenantId());
    await Promise.all([crm.readLeads(['1']), crm.readLeads(['2']), crm.readLeads(['3'])]);
    const after = await loadCredentials(database.db, cipher, tenantId(), tokenSetSchema);
    expect(after?.accessToken).not.toBe(before?.accessToken);
    expect(after?.refreshToken).not.toBe(before?.refreshToken);
    const refreshes = sandbox.state.requests
      .all({ path: '/oauth/2026-03/token' })
      .filter((r) => r.status === 200);
    expect(refreshes.length).toBeGreaterThanOrEqual(1);
  });

  it('a revoked refresh token disconnects the tenant, keeps its data, and a reinstall resumes it', async () => {
    sandbox.state.uninstallApp(setup.portal.id, setup.app.appId);
    clock.advance(31 * 60_000);
    portals.forget(tenantId());
    await expect(portals.crm(tenantId()).readLeads(['1'])).rejects.toMatchObject({ kind: 'auth_invalid' });
    expect((await getTenant(database.db, tenantId()))?.status).toBe('disconnected');
    await installBaton(baton);
    expect((await getTenant(database.db, tenantId()))?.status).toBe('connected');
    expect(await portals.crm(tenantId()).readLeads([])).toEqual([]);
  });

  it('uninstall (ops) uninstalls the app from the portal, revokes the refresh token, and removes it here', async () => {
    const unauthenticated = await fetch(`${baton}/ops/api/tenants/${tenantId()}/uninstall`, {
      method: 'POST',
    });
    expect(unauthenticated.status).toBe(401);
    const tokens = await loadCredentials(database.db, cipher, tenantId(), tokenSetSchema);
    const res = await fetch(`${baton}/ops/api/tenants/${tenantId()}/uninstall`, {
      method: 'POST',
      headers: { authorization: `Bearer ${OPS_TOKEN}` },
    });
    expect(await res.json()).toEqual({
      tenantId: tenantId(),
      status: 'disconnected',
      appUninstalled: true,
      refreshTokenRevoked: true,
    });
    expect(await loadCredentials(database.db, cipher, tenantId(), tokenSetSchema)).toBeNull();
    // HubSpot's uninstall, not just a revoked token: the app is gone from the portal (no cards, no webhooks).
    const uninstalls = sandbox.state.requests.all({ path: '/appinstalls/2026-03/external-install' });
    expect(uninstalls.map((r) => [r.method, r.status])).toEqual([['DELETE', 204]]);
    expect(sandbox.state.findPortal(setup.portal.id)?.installedApps.has(setup.app.appId)).toBe(false);
    const refresh = await fetch(`${running.baseUrl}/oauth/2026-03/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'refresh_token',
        client_id: setup.app.clientId,
        client_secret: setup.app.clientSecret,
        refresh_token: tokens?.refreshToken ?? '',
      }),
    });
    expect(refresh.status).toBe(400);
    expect((await getTenant(database.db, tenantId()))?.status).toBe('disconnected');
    const unknown = await fetch(`${baton}/ops/api/tenants/hubspot-nope/uninstall`, {
      method: 'POST',
      headers: { authorization: `Bearer ${OPS_TOKEN}` },
    });
    expect(unknown.status).toBe(404);
  });

  it('no code path called the v1 OAuth endpoints HubSpot switches off on 2027-02-16', () => {
    const v1 = sandbox.state.requests.all().filter((r) => r.path.startsWith('/oauth/v1/'));
    expect(v1.map((r) => `${r.method} ${r.path}`)).toEqual([]);
    const current = sandbox.state.requests.all().filter((r) => r.path.startsWith('/oauth/2026-03/'));
    expect(new Set(current.map((r) => r.path))).toEqual(
      new Set(['/oauth/2026-03/token', '/oauth/2026-03/token/introspect', '/oauth/2026-03/token/revoke']),
    );
  });
});
