// The web process's part: the express app with every route wired to what it needs, listening on PORT.
import type { Server } from 'node:http';
import type { ChangeFeeds } from '../app/changeFeeds.ts';
import { disconnect, type ConnectDeps } from '../app/connectCrm.ts';
import type { ChangeIngest } from '../app/ingestChanges.ts';
import { InstallStateSigner } from '../app/installState.ts';
import { forTenant, JOBS } from '../app/tenantJobs.ts';
import { userDirectory } from '../app/userDirectory.ts';
import type { Config } from '../config.ts';
import type { CrmProvider } from '../crm/provider.ts';
import type { Metrics } from '../metrics.ts';
import { deleteCheckpoint } from '../store/checkpoints.ts';
import { isMigrated } from '../store/database.ts';
import { getTenant } from '../store/tenants.ts';
import { createApp } from '../web/app.ts';
import { consoleRouter } from '../web/ops/consoleRouter.ts';
import { opsSessions } from '../web/ops/opsSessions.ts';
import { BACKFILL_CHECKPOINT } from '../worker/backfill.ts';
import type { WorkerDeps } from '../worker/catalog.ts';
import type { Storage } from './storage.ts';

export interface WebParts {
  config: Config;
  storage: Storage;
  deps: WorkerDeps;
  providers: readonly CrmProvider[];
  ingest: ChangeIngest;
  feeds: ChangeFeeds | null;
  metrics: Metrics;
  opsToken: string | null;
}

function connectDeps(p: WebParts): ConnectDeps {
  return {
    db: p.deps.db,
    cipher: p.storage.cipher,
    signer: new InstallStateSigner(p.storage.signingKey),
    publicUrl: p.config.publicUrl,
    now: () => p.deps.clock.now(),
    log: p.deps.log,
    onConnected: async (tenant) => {
      await p.feeds?.restart(tenant);
      await forTenant(p.deps, JOBS.backfill, tenant.id);
    },
  };
}

/** What the ops views need to know of a CRM (nothing, for a CRM this Baton has no app for). */
function crmFacts(provider: CrmProvider | undefined) {
  return {
    limitPer10s: provider?.limitPer10s ?? null,
    inbound: provider?.webhooks ? 'webhook' : 'change event',
    ruleRefusal: (lastError: string) => provider?.ruleRefusal(lastError) ?? null,
  };
}

export async function startWeb(p: WebParts): Promise<Server> {
  const { db, log } = p.deps;
  const now = () => p.deps.clock.now();
  const connect = connectDeps(p);
  const userNames = userDirectory({ crmFor: p.deps.crmFor, log });
  const waiting = (tenantId: string) =>
    p.providers.reduce((n, provider) => n + provider.waiting(tenantId), 0);
  const app = createApp({
    log,
    production: p.config.env === 'production',
    trustProxyHops: p.config.trustProxyHops,
    isReady: () => isMigrated(db),
    opsToken: p.opsToken,
    // Sessions time out in wall-clock time (people at keyboards), whatever clock the worker runs on.
    opsSessions: opsSessions({ db, secureCookies: p.config.publicUrl.startsWith('https://') }),
    opsPages: consoleRouter,
    publicUrl: p.config.publicUrl,
    metrics: p.metrics,
    crms: {
      providers: p.providers,
      connect,
      webhooks: { ingest: p.ingest, publicUrl: p.config.publicUrl, now },
    },
    opsApi: {
      db,
      now,
      rateLimitWaiting: waiting,
      crmFacts: (crm) => crmFacts(p.providers.find((candidate) => candidate.kind === crm)),
      userNames,
      flushTenant: async (tenantId) => {
        await forTenant(p.deps, JOBS.flushEffects, tenantId);
      },
      drainTenant: async (tenantId) => {
        await forTenant(p.deps, JOBS.drainInbox, tenantId);
      },
    },
    opsTenants: {
      db,
      startBackfill: async (tenantId, o) => {
        if (o.restart) await deleteCheckpoint(db, tenantId, BACKFILL_CHECKPOINT);
        await forTenant(p.deps, JOBS.backfill, tenantId);
      },
    },
    disconnectTenant: async (tenantId) => {
      const tenant = await getTenant(db, tenantId);
      if (tenant) p.feeds?.stop(tenant);
      return disconnect(connect, p.providers, tenantId);
    },
    // The cards are HubSpot UI extensions: their API serves portals of Baton's HubSpot app.
    ...(p.config.hubspot && {
      hubspotCards: {
        db,
        clientSecret: p.config.hubspot.clientSecret,
        publicUrl: p.config.publicUrl,
        now,
        enqueueFlush: async (tx, tenantId) => {
          await forTenant(p.deps, JOBS.flushEffects, tenantId, { tx });
        },
        observeDecision: (d) => p.metrics.observeDecision(d),
        userNames,
        crmFor: p.deps.crmFor,
      },
    }),
  });
  const server = await new Promise<Server>((resolve) => {
    const onListening = () => resolve(s);
    const s = p.config.bindAddress
      ? app.listen(p.config.port, p.config.bindAddress, onListening)
      : app.listen(p.config.port, onListening);
  });
  log.info(
    { url: p.config.publicUrl, bindAddress: p.config.bindAddress ?? 'every interface' },
    'web listening',
  );
  return server;
}
