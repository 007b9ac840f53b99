// The composition root: reads config, opens the database, and starts the web process, the worker, or both,
// against the HubSpot app and Salesforce connected app the environment names. Without any, it refuses to start
// (sandbox mode, with simulated CRMs, is `npm start` outside production: scripts/start.ts).
import type { Server } from 'node:http';
import { dirname, join } from 'node:path';
import { ConfigError, loadConfig, type Config } from './config.ts';
import { createLogger, processLogger, type Logger } from './logger.ts';
import { Metrics } from './metrics.ts';
import { announceAlert } from './app/announceAlert.ts';
import { gaugeReadings } from './app/gaugeReadings.ts';
import type { Decision } from './domain/decide/draft.ts';
import { SalesforceChangeCapture } from './app/salesforceChangeCapture.ts';
import { disconnectOrg, type SalesforceInstallDeps } from './app/salesforceInstall.ts';
import { SalesforceOrgs } from './app/salesforceOrgs.ts';
import { userDirectory } from './app/userDirectory.ts';
import { uninstall } from './app/hubspotInstall.ts';
import { getTenant } from './store/tenants.ts';
import type { DisconnectTenant } from './web/routes/postTenantUninstall.ts';
import { storeTokenVault } from './app/hubspotTokenVault.ts';
import type { HubSpotInstallDeps } from './app/hubspotInstall.ts';
import { LISTS_CHECKPOINT } from './app/installSteps.ts';
import { HubSpotPortals } from './app/hubspotPortals.ts';
import { InstallStateSigner } from './app/installState.ts';
import { deleteCheckpoint, readCheckpoint } from './store/checkpoints.ts';
import { BACKFILL_CHECKPOINT } from './worker/backfill.ts';
import { Cipher, localDevelopmentKey, localSecret } from './store/cipher.ts';
import { isMigrated, migrate, openDatabase, type Database } from './store/database.ts';
import type { Tx } from './store/executor.ts';
import { JobQueue } from './store/jobQueue.ts';
import { createApp } from './web/app.ts';
import { consoleRouter } from './web/ops/consoleRouter.ts';
import { forTenant, jobCatalog, JOBS, type WorkerDeps } from './worker/catalog.ts';
import { systemClock, type Clock } from './worker/clock.ts';
import { startScheduler } from './worker/scheduler.ts';
import { z } from 'zod';

export interface Running {
  config: Config;
  database: Database;
  queue: JobQueue;
  cipher: Cipher;
  server: Server | null;
  portals: HubSpotPortals | null;
  salesforceOrgs: SalesforceOrgs | null;
  changeCapture: SalesforceChangeCapture | null;
  workerDeps: WorkerDeps;
  /** SIGTERM: stop taking work, let running jobs finish, close everything. */
  stop(): Promise<void>;
}

/** Why Baton will not start without a CRM app, and what to do. */
export const NO_CRM_CONFIGURED = `Baton cannot start: no CRM is configured.
  - Set HUBSPOT_CLIENT_ID and HUBSPOT_CLIENT_SECRET (Baton's HubSpot app), and/or
    SALESFORCE_CLIENT_ID and SALESFORCE_CLIENT_SECRET (Baton's Salesforce connected app).
  - To try Baton without accounts, run \`npm start\` outside production: sandbox mode, with a simulated HubSpot
    portal and Salesforce org on this machine.`;

export interface StartOptions {
  log?: Logger;
  clock?: Clock;
  /** Seconds between the worker's periodic ticks (sweeps, drains); default one minute. */
  tickSeconds?: number;
  /** Tests drive the jobs themselves: define the queues but take no jobs and start no ticks. */
  runWorker?: boolean;
  /** Subscribe to Salesforce change events (default: when the worker runs). */
  captureChanges?: boolean;
}

function encryptionKeys(config: Config, log: Logger) {
  if (config.encryptionKeys) return config.encryptionKeys;
  const dataDir = config.database.kind === 'pglite' ? dirname(config.database.dataDir) : 'data';
  const local = localDevelopmentKey(join(dataDir, 'dev-encryption.key'));
  log.warn(
    { created: local.created },
    'BATON_ENCRYPTION_KEYS is not set: using a local development key kept under the data folder (never do this in production)',
  );
  return local.keys;
}

const listIds = z.record(z.string(), z.string());

/** Outside production without BATON_OPS_TOKEN, a local ops token (for the ops API and `npm run backfill`). */
function opsToken(config: Config, log: Logger): string | null {
  if (config.opsToken || config.env === 'production') return config.opsToken;
  const dataDir = config.database.kind === 'pglite' ? dirname(config.database.dataDir) : 'data';
  const token = localSecret(join(dataDir, 'dev-ops-token'));
  log.info(
    { file: join(dataDir, 'dev-ops-token') },
    'BATON_OPS_TOKEN is not set: a local ops token was written to the data folder',
  );
  return token;
}

export async function start(config: Config, opts: StartOptions = {}): Promise<Running> {
  const log = opts.log ?? createLogger(config.logLevel);
  const clock = opts.clock ?? systemClock;
  const now = () => clock.now();
  const keys = encryptionKeys(config, log);
  const cipher = new Cipher(keys);
  const database = openDatabase(
    config.database.kind === 'postgres'
      ? { kind: 'postgres', url: config.database.url }
      : { kind: 'pglite', dataDir: config.database.dataDir },
  );
  const db = database.db;
  const applied = await migrate(db);
  if (applied.length > 0) log.info({ migrations: applied }, 'database migrated');

  const hubspotApp = config.hubspot;
  const salesforceApp = config.salesforce;

  // Filled once the per-portal limiters exist; metrics read it at scrape time.
  let waiting: (tenantId: string) => number = () => 0;
  const metrics = new Metrics(() => gaugeReadings(db, queue, () => waiting));
  const queue = await JobQueue.start(database, {
    onError: (err) => log.error({ err }, 'job queue error'),
    onJob: (name, seconds, ok) =>
      metrics.jobSeconds.observe({ job: name, outcome: ok ? 'ok' : 'failed' }, seconds),
  });
  const tokenVault = storeTokenVault({
    db,
    cipher,
    now,
    onStatus: (tenantId, status, why) => log.warn({ tenantId, status, why }, 'tenant status'),
  });
  const portals = hubspotApp
    ? new HubSpotPortals({
        db,
        app: hubspotApp,
        vault: tokenVault,
        now,
        onCall: (e) => metrics.observeCall(e),
        ...(config.crmTimeoutMs !== null && { timeoutMs: config.crmTimeoutMs }),
      })
    : null;
  const salesforceOrgs = salesforceApp
    ? new SalesforceOrgs({
        db,
        app: salesforceApp,
        vault: tokenVault,
        now,
        onCall: (e) => metrics.observeCall(e),
        ...(config.crmTimeoutMs !== null && { timeoutMs: config.crmTimeoutMs }),
      })
    : null;
  waiting = (tenantId) =>
    (portals?.limiters.queued(tenantId) ?? 0) + (salesforceOrgs?.limiters.queued(tenantId) ?? 0);

  const enqueue: WorkerDeps['enqueue'] = (name, payload, o) => queue.send(name, payload, o ?? {});
  /** Queue a tenant's job inside the caller's transaction; a delay gathers a burst into one run. */
  const enqueueIn =
    (job: string, delayMs = 0) =>
    async (tx: Tx, tenantId: string) => {
      await queue.send(
        job,
        { tenantId },
        { singletonKey: tenantId, tx, ...(delayMs > 0 && { startAfter: new Date(Date.now() + delayMs) }) },
      );
    };
  const workerDeps: WorkerDeps = {
    db,
    clock,
    log,
    enqueue,
    crmFor: async (tenant) => {
      if (tenant.crm === 'salesforce') {
        if (!salesforceOrgs) throw new Error('No Salesforce connected app is configured');
        return salesforceOrgs.crm(tenant.id);
      }
      if (!portals) throw new Error('No HubSpot app is configured');
      return portals.crm(tenant.id);
    },
    listIdsFor: async (tenant) => (await readCheckpoint(db, tenant.id, LISTS_CHECKPOINT, listIds)) ?? {},
    observeDecision: (d) => metrics.observeDecision(d),
    announce: (alert) => announceAlert(alert, { log, webhookUrl: config.alertWebhookUrl }),
    onAlerts: (active) => metrics.setAlerts(active),
  };
  await queue.define(jobCatalog(workerDeps));

  // Change capture runs in the worker: each connected org's change events go into the inbox.
  const changeCapture =
    salesforceOrgs && config.role !== 'web' && (opts.captureChanges ?? opts.runWorker !== false)
      ? new SalesforceChangeCapture({
          db,
          orgs: salesforceOrgs,
          log,
          now,
          enqueueDrain: enqueueIn(JOBS.drainInbox, 1000),
          enqueueReconcile: async (tenantId) => {
            await forTenant(workerDeps, JOBS.reconcile, tenantId);
          },
          onIngest: (c) => {
            metrics.webhookEvents.inc({ crm: 'salesforce', outcome: 'accepted' }, c.accepted);
            metrics.webhookEvents.inc({ crm: 'salesforce', outcome: 'duplicate' }, c.duplicates);
            metrics.webhookEvents.inc({ crm: 'salesforce', outcome: 'ignored' }, c.ignored);
          },
        })
      : null;

  let stopScheduler = () => {};
  if (config.role !== 'web' && opts.runWorker !== false) {
    await queue.work();
    stopScheduler = startScheduler(
      { db, enqueue, log, ...(changeCapture && { everyMinute: () => changeCapture.sync() }) },
      opts.tickSeconds,
    );
    log.info('worker started');
  }
  await changeCapture?.sync();

  let server: Server | null = null;
  if (config.role !== 'worker') {
    const install: HubSpotInstallDeps | undefined =
      hubspotApp && portals
        ? {
            db,
            cipher,
            app: hubspotApp,
            signer: new InstallStateSigner(keys.at(-1)?.key ?? Buffer.alloc(32)),
            publicUrl: config.publicUrl,
            portals,
            now,
            log,
            onInstalled: async (tenant) => {
              await forTenant(workerDeps, JOBS.backfill, tenant.id);
            },
          }
        : undefined;
    const salesforceInstall: SalesforceInstallDeps | undefined =
      salesforceApp && salesforceOrgs
        ? {
            db,
            cipher,
            app: salesforceApp,
            signer: new InstallStateSigner(keys.at(-1)?.key ?? Buffer.alloc(32)),
            publicUrl: config.publicUrl,
            orgs: salesforceOrgs,
            now,
            log,
            onInstalled: async (tenant) => {
              await changeCapture?.startTenant(tenant.id);
              await forTenant(workerDeps, JOBS.backfill, tenant.id);
            },
          }
        : undefined;
    const disconnectTenant: DisconnectTenant = async (tenantId) => {
      const tenant = await getTenant(db, tenantId);
      if (tenant?.crm === 'salesforce' && salesforceInstall) {
        changeCapture?.stopTenant(tenantId);
        return disconnectOrg(salesforceInstall, tenantId);
      }
      if (tenant?.crm === 'hubspot' && install) return uninstall(install, tenantId);
      return { found: false, revoked: false };
    };
    const ops = opsToken(config, log);
    const userNames = userDirectory({ crmFor: workerDeps.crmFor, log });
    const app = createApp({
      log,
      isReady: () => isMigrated(db),
      opsToken: ops,
      opsPages: consoleRouter({ opsToken: ops }),
      metrics,
      secureCookies: config.publicUrl.startsWith('https://'),
      opsApi: {
        db,
        now,
        rateLimitWaiting: (tenantId) => waiting(tenantId),
        userNames,
        flushTenant: async (tenantId) => {
          await forTenant(workerDeps, JOBS.flushEffects, tenantId);
        },
      },
      opsTenants: {
        db,
        startBackfill: async (tenantId, o) => {
          if (o.restart) await deleteCheckpoint(db, tenantId, BACKFILL_CHECKPOINT);
          await forTenant(workerDeps, JOBS.backfill, tenantId);
        },
      },
      ...(install && { hubspot: install }),
      ...(salesforceInstall && { salesforce: salesforceInstall }),
      disconnectTenant,
      ...(hubspotApp && {
        hubspotWebhooks: {
          db,
          clientSecret: hubspotApp.clientSecret,
          appId: hubspotApp.appId,
          publicUrl: config.publicUrl,
          now,
          // Webhooks arrive in bursts of small batches: a second's wait lets one drain read them in full batches.
          enqueueDrain: enqueueIn(JOBS.drainInbox, 1000),
          onIngest: (c) => {
            metrics.webhookEvents.inc({ crm: 'hubspot', outcome: 'accepted' }, c.accepted);
            metrics.webhookEvents.inc({ crm: 'hubspot', outcome: 'duplicate' }, c.duplicates);
            metrics.webhookEvents.inc({ crm: 'hubspot', outcome: 'ignored' }, c.ignored);
          },
        },
        hubspotCards: {
          db,
          clientSecret: hubspotApp.clientSecret,
          publicUrl: config.publicUrl,
          now,
          enqueueFlush: enqueueIn(JOBS.flushEffects),
          observeDecision: (d: Decision) => metrics.observeDecision(d),
          userNames,
        },
      }),
    });
    server = await new Promise<Server>((resolve) => {
      const s = app.listen(config.port, () => resolve(s));
    });
    log.info({ url: config.publicUrl }, 'web listening');
  }

  return {
    config,
    database,
    queue,
    cipher,
    server,
    portals,
    salesforceOrgs,
    changeCapture,
    workerDeps,
    async stop() {
      stopScheduler();
      await changeCapture?.stop();
      await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
      await queue.stop({ graceful: true });
      await portals?.stop();
      await salesforceOrgs?.stop();
      await database.close();
    },
  };
}

/** The environment's config, or the list of what is wrong and exit 1. */
export function configOrExit(): Config {
  try {
    return loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
}

/** SIGTERM (a deploy, a scale-down) or Ctrl-C: stop taking work, let running jobs finish, exit. */
export function stopOnSignal(running: Pick<Running, 'stop'>, log: Logger): void {
  const shutdown = (signal: string) => {
    log.info({ signal }, 'shutting down');
    running.stop().then(
      () => process.exit(0),
      (err: unknown) => {
        log.error({ err }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('SIGINT', () => shutdown('SIGINT'));
}

/** Baton against the CRM apps the environment names; without one it says what to set and exits 1. */
export async function runProduct(config: Config): Promise<void> {
  if (!config.hubspot && !config.salesforce) {
    console.error(NO_CRM_CONFIGURED);
    process.exit(1);
  }
  const log = processLogger(config.logLevel, config.env);
  stopOnSignal(await start(config, { log }), log);
}

if (import.meta.main) await runProduct(configOrExit());
