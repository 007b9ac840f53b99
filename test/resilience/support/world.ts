// One resilience set-up: the sandbox HubSpot portal in the test process (real clock, signed webhooks, optional
// faults) — and, when asked, the sandbox Salesforce org with its Pub/Sub API — a fresh database (a PGlite folder or a PostgreSQL database of its own on the server), and Baton as
// child processes — one `all`, or separate web and worker processes behind a round-robin loopback proxy —
// installed into the portal through the real OAuth flow.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { Kysely } from 'kysely';
import { afterEach } from 'vitest';
import { signV3 } from '../../../src/crm/hubspot/requestSignature.ts';
import { HUBSPOT_WEBHOOK_EVENTS } from '../../../src/crm/hubspot/webhooks.ts';
import { bootstrapPortal, createHubSpotSandbox } from '../../../sandbox/hubspot/index.ts';
import type { BootstrappedPortal, HubSpotSandbox, RunningSandbox } from '../../../sandbox/hubspot/index.ts';
import type { FaultSettings } from '../../../sandbox/hubspot/options.ts';
import { installBaton, SANDBOX_REPS } from '../../../sandbox/mode/sandboxPortal.ts';
import { connectOrg, SANDBOX_ORG_REPS } from '../../../sandbox/mode/sandboxOrg.ts';
import {
  bootstrapOrg,
  createSalesforceSandbox,
  type BootstrappedOrg,
  type RunningSalesforceSandbox,
  type SalesforceSandbox,
} from '../../../sandbox/salesforce/index.ts';
import { openDatabase, type Database } from '../../../src/store/database.ts';
import type { Tables } from '../../../src/store/tables.ts';
import { WEBHOOK_PATH } from '../../../src/web/paths.ts';
import { freePort } from '../../support/freePort.ts';
import { copyPgliteTemplate } from '../../support/pgliteTemplate.ts';
import { TEST_DATABASE_URL } from '../../support/engines.ts';
import { BatonProcess } from './batonProcess.ts';
import { startProxy, type LoopbackProxy } from './loopbackProxy.ts';

export type Engine = 'pglite' | 'postgres';

export interface WorldOptions {
  engine: Engine;
  /** One process doing both (`all`), or this many web and worker processes. */
  layout: { all: true } | { webs: number; workers: number };
  /** BATON_CRM_TIMEOUT_MS for every process (a hung call is given up after this long). */
  crmTimeoutMs?: number;
  /** Also a sandbox Salesforce org (real clock), Baton's connected app registered in it. */
  salesforce?: boolean;
}

/** The world's Salesforce org, when it has one. */
export interface WorldOrg {
  sandbox: SalesforceSandbox;
  running: RunningSalesforceSandbox;
  bootstrapped: BootstrappedOrg;
}

const OPS_TOKEN = 'resilience-ops-token-0123456789';
const ALL_DAY = [{ start: '00:00', end: '24:00' }];

async function admin(text: string): Promise<void> {
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

export class World {
  readonly engine: Engine;
  readonly sandbox: HubSpotSandbox;
  readonly running: RunningSandbox;
  readonly bootstrapped: BootstrappedPortal;
  readonly publicUrl: string;
  readonly processes: BatonProcess[];
  readonly salesforce: WorldOrg | null;
  private readonly proxy: LoopbackProxy | null;
  private readonly cleanup: () => Promise<void>;
  private readonly pgliteDir: string | null;
  private readonly databaseUrl: string | null;
  private inspector: Database | null = null;

  private constructor(init: {
    engine: Engine;
    sandbox: HubSpotSandbox;
    running: RunningSandbox;
    bootstrapped: BootstrappedPortal;
    publicUrl: string;
    processes: BatonProcess[];
    salesforce: WorldOrg | null;
    proxy: LoopbackProxy | null;
    cleanup: () => Promise<void>;
    pgliteDir: string | null;
    databaseUrl: string | null;
  }) {
    this.engine = init.engine;
    this.sandbox = init.sandbox;
    this.running = init.running;
    this.bootstrapped = init.bootstrapped;
    this.publicUrl = init.publicUrl;
    this.processes = init.processes;
    this.salesforce = init.salesforce;
    this.proxy = init.proxy;
    this.cleanup = init.cleanup;
    this.pgliteDir = init.pgliteDir;
    this.databaseUrl = init.databaseUrl;
  }

  get portal() {
    return this.bootstrapped.portal;
  }

  get webs(): BatonProcess[] {
    return this.processes.filter((p) => p.env.role !== 'worker');
  }

  get workers(): BatonProcess[] {
    return this.processes.filter((p) => p.env.role !== 'web');
  }

  get tenantId(): string {
    return `hubspot-${this.portal.id}`;
  }

  /** Requests the proxy forwarded to each web process (scale-out). */
  get forwarded(): ReadonlyMap<number, number> {
    return this.proxy?.forwarded ?? new Map();
  }

  static async create(opts: WorldOptions): Promise<World> {
    const layout = 'all' in opts.layout ? { all: 1, webs: 0, workers: 0 } : { all: 0, ...opts.layout };
    const cleanups: Array<() => Promise<void> | void> = [];
    let pgliteDir: string | null = null;
    let databaseUrl: string | null = null;
    if (opts.engine === 'pglite') {
      if (layout.all !== 1) throw new Error('PGlite is single-process: use layout { all: true }');
      const dir = mkdtempSync(join(tmpdir(), 'baton-resilience-'));
      pgliteDir = join(dir, 'pglite');
      copyPgliteTemplate(pgliteDir);
      cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    } else {
      const name = `baton_res_${randomBytes(5).toString('hex')}`;
      await admin(`CREATE DATABASE ${name}`);
      databaseUrl = TEST_DATABASE_URL.replace(/\/[^/]*$/, `/${name}`);
      cleanups.push(() => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    }

    // Ports first: the public URL (what the portal signs webhooks and card requests for) must be known up front.
    const processPorts = await Promise.all(
      Array.from({ length: layout.all + layout.webs + layout.workers }, () => freePort()),
    );
    const proxyPort = layout.webs > 0 ? await freePort() : null;
    const publicUrl = `http://127.0.0.1:${proxyPort ?? processPorts[0]}`;

    const sandbox = createHubSpotSandbox({
      // HubSpot retries failed webhook deliveries for hours; here within seconds, so a restart loses nothing.
      webhooks: { batchWindowMs: 200, baseDelayMs: 500, maxDelayMs: 3_000, maxRetries: 60 },
      onInternalError: (err) => process.stderr.write(`sandbox internal error: ${String(err)}\n`),
    });
    const running = await sandbox.listen(0);
    const bootstrapped = bootstrapPortal(sandbox.state, {
      portalName: 'Resilience Portal',
      appName: 'Baton',
      clientId: `res-${randomBytes(6).toString('hex')}`,
      clientSecret: randomBytes(24).toString('base64url'),
      redirectUri: `${publicUrl}/oauth/hubspot/callback`,
      webhookTargetUrl: `${publicUrl}${WEBHOOK_PATH}`,
      subscriptions: HUBSPOT_WEBHOOK_EVENTS.map((e) => ({ ...e })),
      owners: SANDBOX_REPS,
    });
    cleanups.push(() => sandbox.close());

    let salesforce: WorldOrg | null = null;
    if (opts.salesforce) {
      const sf = createSalesforceSandbox({
        onInternalError: (err) => process.stderr.write(`org internal error: ${String(err)}\n`),
      });
      const sfRunning = await sf.listen(0);
      const org = bootstrapOrg(sf.state, {
        orgName: 'Resilience Org',
        timeZone: 'UTC',
        reps: SANDBOX_ORG_REPS,
        app: {
          clientId: `res-${randomBytes(6).toString('hex')}`,
          clientSecret: randomBytes(24).toString('base64url'),
          redirectUri: `${publicUrl}/oauth/salesforce/callback`,
          requirePkce: true,
        },
      });
      salesforce = { sandbox: sf, running: sfRunning, bootstrapped: org };
      cleanups.push(() => sf.close());
    }

    const encryptionKey = randomBytes(32).toString('base64');
    const env = (name: string, port: number, role: 'all' | 'web' | 'worker') =>
      new BatonProcess({
        name,
        port,
        role,
        database: pgliteDir ? { pgliteDir } : { url: databaseUrl ?? '' },
        hubspot: {
          clientId: bootstrapped.app.clientId,
          clientSecret: bootstrapped.app.clientSecret,
          appId: String(bootstrapped.app.appId),
          apiBaseUrl: running.baseUrl,
          authorizeUrl: `${running.baseUrl}/oauth/authorize`,
        },
        ...(salesforce && {
          salesforce: {
            clientId: salesforce.bootstrapped.app.clientId,
            clientSecret: salesforce.bootstrapped.app.clientSecret,
            loginUrl: salesforce.running.baseUrl,
            pubSubUrl: salesforce.running.pubSubUrl,
          },
        }),
        publicUrl,
        opsToken: OPS_TOKEN,
        encryptionKey,
        ...(opts.crmTimeoutMs !== undefined && { crmTimeoutMs: opts.crmTimeoutMs }),
      });
    const processes: BatonProcess[] = [];
    let i = 0;
    if (layout.all) processes.push(env('all', processPorts[i++] ?? 0, 'all'));
    for (let w = 0; w < layout.webs; w++) processes.push(env(`web${w + 1}`, processPorts[i++] ?? 0, 'web'));
    for (let w = 0; w < layout.workers; w++)
      processes.push(env(`worker${w + 1}`, processPorts[i++] ?? 0, 'worker'));

    const webPorts = processes.filter((p) => p.env.role === 'web').map((p) => p.env.port);
    const proxy = proxyPort === null ? null : await startProxy(() => webPorts, proxyPort);
    if (proxy) cleanups.push(() => proxy.close());

    const world = new World({
      engine: opts.engine,
      sandbox,
      running,
      bootstrapped,
      publicUrl,
      processes,
      salesforce,
      proxy,
      pgliteDir,
      databaseUrl,
      cleanup: async () => {
        for (const c of cleanups.reverse()) await c();
      },
    });
    return world;
  }

  /** Starts every process (the web ones and `all` first: they migrate and serve the install). */
  async startAll(): Promise<void> {
    for (const p of this.processes.filter((x) => x.env.role !== 'worker')) await p.start();
    await Promise.all(this.processes.filter((x) => x.env.role === 'worker').map((p) => p.start()));
  }

  /**
   * Installs Baton in the portal like an admin (install → consent → callback: tokens, properties, nurture lists,
   * initial sync), then sets the policy the scenario assumes: the default one with business hours around the
   * clock in UTC, so SLA deadlines are plain hours whatever time the suite runs.
   */
  async install(): Promise<void> {
    await installBaton(this.publicUrl);
    const admin = this.portal.installingUserId ?? 0;
    const current = await this.card('GET', '/api/hubspot/settings', undefined, admin);
    if (current.status !== 200)
      throw new Error(`settings: HTTP ${current.status} ${JSON.stringify(current.json)}`);
    const policy = (current.json as { policy: Record<string, unknown> }).policy;
    const saved = await this.card(
      'PUT',
      '/api/hubspot/settings',
      {
        policy: {
          ...policy,
          timeZone: 'UTC',
          holidays: [],
          businessHours: Object.fromEntries(
            ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((d) => [d, ALL_DAY]),
          ),
        },
      },
      admin,
    );
    if (saved.status !== 200) throw new Error(`settings: HTTP ${saved.status} ${JSON.stringify(saved.json)}`);
  }

  /** Connects Baton to the world's Salesforce org like an admin (connect → approval → callback). */
  async connectOrg(): Promise<void> {
    if (!this.salesforce) throw new Error('this world has no Salesforce org');
    await connectOrg(this.publicUrl);
  }

  /** A request as HubSpot's card runtime sends it (hubspot.fetch): signed v3, portal and user in the URL. */
  async card(
    method: 'GET' | 'POST' | 'PUT',
    path: string,
    body: unknown,
    userId: number,
  ): Promise<{ status: number; json: unknown }> {
    const sep = path.includes('?') ? '&' : '?';
    const url = `${this.publicUrl}${path}${sep}portalId=${this.portal.id}&userId=${userId}`;
    const raw = body === undefined ? '' : JSON.stringify(body);
    const timestamp = Date.now();
    const res = await fetch(url, {
      method,
      headers: {
        ...(body !== undefined && { 'content-type': 'application/json' }),
        'x-hubspot-request-timestamp': String(timestamp),
        'x-hubspot-signature-v3': signV3({
          secret: this.bootstrapped.app.clientSecret,
          method,
          uri: url,
          body: raw,
          timestamp,
        }),
      },
      ...(body !== undefined && { body: raw }),
      signal: AbortSignal.timeout(15_000),
    });
    const text = await res.text();
    let json: unknown = text;
    try {
      json = JSON.parse(text);
    } catch {
      // not JSON (a proxy's 502 page)
    }
    return { status: res.status, json };
  }

  returnLead = (contactId: string, userId: number, body: Record<string, unknown>) =>
    this.card('POST', `/api/hubspot/leads/${contactId}/return`, body, userId);

  /** GET on the ops API (bearer token), through the public URL. */
  async ops<T = unknown>(path: string): Promise<T> {
    const res = await fetch(`${this.publicUrl}/ops/api${path}`, {
      headers: { authorization: `Bearer ${OPS_TOKEN}` },
    });
    if (!res.ok) throw new Error(`ops ${path}: HTTP ${res.status} ${await res.text()}`);
    return (await res.json()) as T;
  }

  async opsPost<T = unknown>(path: string, body: unknown): Promise<T> {
    const res = await fetch(`${this.publicUrl}/ops/api${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${OPS_TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`ops ${path}: HTTP ${res.status} ${await res.text()}`);
    return (await res.json()) as T;
  }

  /** One value of Baton's Prometheus metrics (web process), e.g. baton_effects_pending. */
  async metric(name: string): Promise<number> {
    const web = this.webs.find((w) => w.running);
    if (!web) throw new Error('no web process is running');
    const res = await fetch(`http://127.0.0.1:${web.env.port}/metrics`, {
      headers: { authorization: `Bearer ${OPS_TOKEN}` },
    });
    const text = await res.text();
    const line = text.split('\n').find((l) => l.startsWith(`${name} `) || l.startsWith(`${name}{`));
    return line ? Number(line.split(' ').at(-1)) : Number.NaN;
  }

  /**
   * Webhook events the portal produced for Baton (first attempts: delivered, failed or dropped), and how many of
   * them were not Baton's own writes coming back.
   */
  webhookEvents(): { total: number; notBatons: number; dropped: number } {
    const appId = String(this.bootstrapped.app.appId);
    let total = 0;
    let notBatons = 0;
    let dropped = 0;
    for (const d of this.sandbox.state.webhookDeliveries) {
      if (d.attemptNumber !== 0) continue;
      total += d.events.length;
      notBatons += d.events.filter((e) => e.sourceId !== appId).length;
      if (d.outcome === 'dropped') dropped += d.events.length;
    }
    return { total, notBatons, dropped };
  }

  setFaults(faults: FaultSettings): void {
    this.sandbox.setFaults(faults);
  }

  /**
   * Baton's database, to read what it decided. PostgreSQL: any time. PGlite: only while no process has it open
   * (PGlite is single-process), so stop them first.
   */
  async db(): Promise<Kysely<Tables>> {
    if (this.inspector) return this.inspector.db;
    if (this.pgliteDir) {
      if (this.processes.some((p) => p.running))
        throw new Error('stop Baton before opening its PGlite folder');
      this.inspector = openDatabase({ kind: 'pglite', dataDir: this.pgliteDir });
    } else {
      this.inspector = openDatabase({ kind: 'postgres', url: this.databaseUrl ?? '', poolSize: 2 });
    }
    return this.inspector.db;
  }

  /** Closes the inspection connection (PGlite: before starting Baton again). */
  async closeDb(): Promise<void> {
    await this.inspector?.close();
    this.inspector = null;
  }

  get url(): string | null {
    return this.databaseUrl;
  }

  /** SIGTERM to every process; their exit codes. */
  stopAll(): Promise<Array<{ name: string; code: number | null; signal: string | null; ms: number }>> {
    return Promise.all(this.processes.map(async (p) => ({ name: p.env.name, ...(await p.terminate()) })));
  }

  async close(): Promise<void> {
    await Promise.all(this.processes.map((p) => p.kill()));
    await this.closeDb();
    await this.cleanup();
  }
}

/** A World per test, closed after it whether the test passed or not: `const world = worldPerTest()`. */
export function worldPerTest(): (opts: WorldOptions) => Promise<World> {
  let current: World | undefined;
  afterEach(async () => {
    await current?.close();
    current = undefined;
  });
  return async (opts) => {
    current = await World.create(opts);
    return current;
  };
}
