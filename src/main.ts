// The composition root: reads config, opens the store, builds one provider per configured CRM app, and starts
// the web process, the worker, or both (BATON_ROLE). Without any CRM app it refuses to start (sandbox mode, with
// simulated CRMs, is `npm start` outside production: scripts/start.ts).
import type { Server } from 'node:http';
import { apiUsageRecorder } from './app/apiUsage.ts';
import { callLogWriter } from './app/callLog.ts';
import type { ChangeFeeds } from './app/changeFeeds.ts';
import { gaugeReadings } from './app/gaugeReadings.ts';
import { ChangeIngest } from './app/ingestChanges.ts';
import { storeTokenVault } from './app/tokenVault.ts';
import { crmProviders } from './compose/providers.ts';
import { openStorage, opsToken } from './compose/storage.ts';
import { startWeb } from './compose/webProcess.ts';
import { startWorker, workerDeps, type WorkerOptions } from './compose/workerProcess.ts';
import { ConfigError, loadConfig, type Config } from './config.ts';
import type { CrmProvider } from './crm/provider.ts';
import { createLogger, processLogger, type Logger } from './logger.ts';
import { Metrics } from './metrics.ts';
import type { Cipher } from './store/cipher.ts';
import type { Database } from './store/database.ts';
import { JobQueue } from './store/jobQueue.ts';
import { jobCatalog, type WorkerDeps } from './worker/catalog.ts';
import { systemClock, type Clock } from './worker/clock.ts';

export interface Running {
  config: Config;
  database: Database;
  queue: JobQueue;
  cipher: Cipher;
  server: Server | null;
  providers: readonly CrmProvider[];
  /** The change feeds this process subscribes (null in a web-only process). */
  changeFeeds: ChangeFeeds | null;
  workerDeps: WorkerDeps;
  /** SIGTERM: stop taking work, let running jobs finish, close everything. */
  stop(): Promise<void>;
}

/** Why Baton will not start without a CRM app, and what to do. */
export const NO_CRM_CONFIGURED = `Baton cannot start: no CRM is configured.
  - Set HUBSPOT_CLIENT_ID and HUBSPOT_CLIENT_SECRET (Baton's HubSpot app), and/or
    SALESFORCE_CLIENT_ID and SALESFORCE_CLIENT_SECRET (Baton's Salesforce External Client App).
  - To try Baton without accounts, run \`npm start\` outside production: sandbox mode, with a simulated HubSpot
    portal and Salesforce org on this machine.`;

export interface StartOptions extends WorkerOptions {
  log?: Logger;
  clock?: Clock;
}

export async function start(config: Config, opts: StartOptions = {}): Promise<Running> {
  const log = opts.log ?? createLogger(config.logLevel);
  const clock = opts.clock ?? systemClock;
  const now = () => clock.now();
  const storage = await openStorage(config, log);
  const { database, cipher } = storage;
  const db = database.db;
  let providers: CrmProvider[] = [];
  const waiting = (tenantId: string) => providers.reduce((n, p) => n + p.waiting(tenantId), 0);
  const metrics = new Metrics(() => gaugeReadings(db, queue, () => waiting));
  const queue = await JobQueue.start(database, {
    onError: (err) => log.error({ err }, 'job queue error'),
    onJob: (name, seconds, ok) =>
      metrics.jobSeconds.observe({ job: name, outcome: ok ? 'ok' : 'failed' }, seconds),
  });
  providers = crmProviders(config, {
    vault: storeTokenVault({
      db,
      cipher,
      now,
      onStatus: (tenantId, status, why) => log.warn({ tenantId, status, why }, 'tenant status'),
    }),
    now,
    onCall: callLogWriter(db, now, (e) => metrics.observeCall(e)),
    onApiUsage: apiUsageRecorder({ db, now }),
  });
  const deps = workerDeps({
    db,
    clock,
    log,
    queue,
    providers,
    metrics,
    alertWebhookUrl: config.alertWebhookUrl,
    publicUrl: config.publicUrl,
  });
  await queue.define(jobCatalog(deps));
  const ingest = new ChangeIngest({
    db,
    enqueue: deps.enqueue,
    now,
    observe: (crm, c) => metrics.observeIngest(crm, c),
  });
  const worker = await startWorker({ config, deps, queue, providers, ingest }, opts);
  const server =
    config.role === 'worker'
      ? null
      : await startWeb({
          config,
          storage,
          deps,
          providers,
          ingest,
          feeds: worker.feeds,
          metrics,
          opsToken: opsToken(config, log),
        });
  return {
    config,
    database,
    queue,
    cipher,
    server,
    providers,
    changeFeeds: worker.feeds,
    workerDeps: deps,
    async stop() {
      await worker.stop();
      await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
      await queue.stop({ graceful: true });
      for (const p of providers) await p.stop();
      await database.close();
      // What this process did, for whoever watches a deploy or a scale-down.
      log.info({ jobs: queue.jobsRun() }, 'stopped');
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
