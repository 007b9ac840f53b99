// A local HubSpot that @hubspot/api-client talks to unchanged (new Client({ accessToken, basePath })).
// Build it, create portals and apps through `state`, mount `app` in another express app or `listen()`.
import type { Express } from 'express';
import { createServer, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { Clock } from './clock.ts';
import { FaultInjector, type FaultOptions } from './http/faultInjection.ts';
import { RateLimiter, type RateLimitOptions } from './http/rateLimiter.ts';
import type { OAuthOptions } from './http/routes/oauth.ts';
import { createSandboxApp } from './http/sandboxApp.ts';
import {
  resolveFaults,
  resolveOptions,
  resolveRateLimits,
  type FaultSettings,
  type HubSpotSandboxOptions,
} from './options.ts';
import { createRandom, deriveSeed } from './seededRandom.ts';
import { SandboxState } from './state/sandboxState.ts';
import { WebhookDispatcher } from './webhooks/webhookDispatcher.ts';

export interface RunningSandbox {
  baseUrl: string;
  port: number;
  server: Server;
  close(): Promise<void>;
}

export interface HubSpotSandbox {
  /** The API, not listening. */
  app: Express;
  state: SandboxState;
  clock: Clock;
  /** Serves `app` on 127.0.0.1 (port 0 = any free port). */
  listen(port?: number, host?: string): Promise<RunningSandbox>;
  /**
   * Sends gathering webhook batches now and waits until none is in flight; with `waitForRetries` also until
   * no failed batch is waiting for its retry (with real backoff that can be hours: shrink it first).
   */
  flushWebhooks(opts?: { waitForRetries?: boolean }): Promise<void>;
  setFaults(faults: FaultSettings): void;
  setRateLimits(limits: Partial<RateLimitOptions> | false): void;
  setOAuth(oauth: Partial<OAuthOptions>): void;
  /** Errors the sandbox answered with a 500 (a test should find none). */
  internalErrors: unknown[];
  /** Stops webhook delivery and every server `listen` started. */
  close(): Promise<void>;
}

export function createHubSpotSandbox(options: HubSpotSandboxOptions = {}): HubSpotSandbox {
  const o = resolveOptions(options);
  const state = new SandboxState({
    clock: o.clock,
    lifecycleBackward: o.lifecycleBackward,
    touch: { tasksUpdateLastActivity: o.tasksUpdateLastActivity },
    requestLogLimit: o.requestLogLimit,
    accessTokenTtlSeconds: o.oauth.accessTokenTtlSeconds,
  });
  let rateLimits = o.rateLimits;
  let faults = new FaultInjector(o.faults);
  let oauth: OAuthOptions = o.oauth;
  const internalErrors: unknown[] = [];

  const dispatcher = new WebhookDispatcher({
    state,
    options: o.webhooks,
    dropRate: () => faults.options.webhookDropRate,
    dropRandom: () => faults.webhookRandom,
    jitterRandom: createRandom(deriveSeed(o.faults.seed, 'webhook-jitter')),
    ...(o.webhooks.fetch && { fetchImpl: o.webhooks.fetch }),
  });
  state.onChange(dispatcher.handle);

  const app = createSandboxApp({
    state,
    limiter: new RateLimiter(() => rateLimits, o.clock),
    faults: () => faults,
    oauth: () => oauth,
    onInternalError: (err) => {
      internalErrors.push(err);
      options.onInternalError?.(err);
    },
  });

  const servers = new Set<RunningSandbox>();

  async function listen(port = 0, host = '127.0.0.1'): Promise<RunningSandbox> {
    const server = createServer(app);
    const sockets = new Set<Socket>();
    server.on('connection', (s) => {
      sockets.add(s);
      s.on('close', () => sockets.delete(s));
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host, () => resolve());
    });
    const address = server.address() as AddressInfo;
    const running: RunningSandbox = {
      baseUrl: `http://${host.includes(':') ? `[${host}]` : host}:${address.port}`,
      port: address.port,
      server,
      close: () =>
        new Promise<void>((resolve) => {
          servers.delete(running);
          server.close(() => resolve());
          // Hung requests (timeout faults) and keep-alive sockets would hold close() forever.
          for (const s of sockets) s.destroy();
        }),
    };
    servers.add(running);
    return running;
  }

  return {
    app,
    state,
    clock: o.clock,
    listen,
    flushWebhooks: (opts = {}) => {
      dispatcher.flush();
      return dispatcher.idle(opts.waitForRetries ?? false);
    },
    setFaults: (f) => {
      faults = new FaultInjector(resolveFaults(f) satisfies FaultOptions);
    },
    setRateLimits: (r) => {
      rateLimits = resolveRateLimits(r);
    },
    setOAuth: (next) => {
      oauth = { ...oauth, ...next };
    },
    internalErrors,
    close: async () => {
      dispatcher.close();
      await Promise.all([...servers].map((s) => s.close()));
    },
  };
}
