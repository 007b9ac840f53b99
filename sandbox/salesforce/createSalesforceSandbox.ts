// A local Salesforce that jsforce 3 talks to unchanged: new Connection({ instanceUrl, accessToken, version })
// for REST, new OAuth2({ loginUrl }) for the web-server flow; Change Data Capture over the Pub/Sub API (gRPC) at
// `pubSubUrl`. Build it, create orgs and apps through `state` (or bootstrapOrg), mount `app` elsewhere (and
// `listenPubSub()`) or `listen()` for both.
import type { Express } from 'express';
import { createServer, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { Clock } from '../hubspot/clock.ts';
import type { CdcOptions } from './cdc/changeEventBus.ts';
import { FaultInjector } from './http/faultInjection.ts';
import type { OAuthOptions } from './http/routes/oauth.ts';
import { createSandboxApp } from './http/sandboxApp.ts';
import {
  resolveFaults,
  resolveOptions,
  type FaultSettings,
  type SalesforceSandboxOptions,
} from './options.ts';
import { PubSubService, startPubSubServer, type RunningPubSubServer } from './pubsub/pubsubServer.ts';
import { SalesforceState } from './state/salesforceState.ts';

export interface RunningSalesforceSandbox {
  baseUrl: string;
  port: number;
  server: Server;
  /** The Pub/Sub API (gRPC, plain text on loopback): http://127.0.0.1:<port>. */
  pubSubUrl: string;
  close(): Promise<void>;
}

export interface SalesforceSandbox {
  /** The API, not listening. */
  app: Express;
  state: SalesforceState;
  clock: Clock;
  /** Serves `app` and the Pub/Sub API on 127.0.0.1 (port 0 = any free port; the gRPC port is always free). */
  listen(port?: number, host?: string): Promise<RunningSalesforceSandbox>;
  /** Serves the Pub/Sub API alone (when `app` is mounted in another server). */
  listenPubSub(port?: number, host?: string): Promise<RunningPubSubServer>;
  setFaults(faults: FaultSettings): void;
  setOAuth(oauth: Partial<OAuthOptions>): void;
  setCdc(cdc: Partial<CdcOptions>): void;
  /** Pub/Sub API Subscribe streams open now (for tests that check a subscriber went away). */
  pubSubStreams(): number;
  /** Ends every open Subscribe stream with UNAVAILABLE, as a reset HTTP/2 stream does: clients subscribe again. */
  dropPubSubStreams(): void;
  /** Ends every open Subscribe stream without an error status (a fault: clients must subscribe again). */
  closePubSubStreams(): void;
  /** Sends every open Subscribe stream a response whose event has no payload (a fault: an unreadable response). */
  sendUnreadablePubSubResponse(): void;
  /** Errors the sandbox answered with a 500 (a test should find none). */
  internalErrors: unknown[];
  /** Stops every server `listen` and `listenPubSub` started (open Subscribe streams are cancelled). */
  close(): Promise<void>;
}

export function createSalesforceSandbox(options: SalesforceSandboxOptions = {}): SalesforceSandbox {
  const o = resolveOptions(options);
  let faults = new FaultInjector(o.faults);
  let oauth: OAuthOptions = o.oauth;
  let cdc: CdcOptions = o.cdc;
  const internalErrors: unknown[] = [];

  const state = new SalesforceState({
    clock: o.clock,
    requestLogLimit: o.requestLogLimit,
    sessionTimeoutSeconds: o.oauth.sessionTimeoutSeconds,
    dailyApiRequests: o.dailyApiRequests,
    cdc: () => cdc,
    drops: () => ({ rate: faults.options.changeEventDropRate, random: faults.changeEventRandom }),
  });
  const onInternalError = (err: unknown): void => {
    internalErrors.push(err);
    options.onInternalError?.(err);
  };
  const pubSub = new PubSubService({ state, cdc: () => cdc, onInternalError });

  const app = createSandboxApp({
    state,
    faults: () => faults,
    oauth: () => oauth,
    onInternalError,
  });

  const servers = new Set<RunningSalesforceSandbox>();
  const pubSubServers = new Set<RunningPubSubServer>();

  async function listenPubSub(port = 0, host = '127.0.0.1'): Promise<RunningPubSubServer> {
    const running = await startPubSubServer(pubSub, port, host);
    pubSubServers.add(running);
    return {
      ...running,
      close: () => {
        pubSubServers.delete(running);
        running.close();
      },
    };
  }

  async function listen(port = 0, host = '127.0.0.1'): Promise<RunningSalesforceSandbox> {
    // Salesforce refuses a request whose URI plus headers exceed 16,384 bytes (help article 000386264; 414/431):
    // Node's own header limit is the same size and answers 431 before the request reaches the app.
    const server = createServer({ maxHeaderSize: 16_384 }, app);
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
    const grpcServer = await listenPubSub(0, host);
    const running: RunningSalesforceSandbox = {
      baseUrl: `http://${host.includes(':') ? `[${host}]` : host}:${address.port}`,
      port: address.port,
      server,
      pubSubUrl: grpcServer.url,
      close: () =>
        new Promise<void>((resolve) => {
          servers.delete(running);
          grpcServer.close();
          server.close(() => resolve());
          // Held long polls, hung requests (timeout faults) and keep-alive sockets would hold close() forever.
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
    listenPubSub,
    setFaults: (f) => {
      faults = new FaultInjector(resolveFaults(f));
    },
    setOAuth: (next) => {
      oauth = { ...oauth, ...next };
    },
    setCdc: (next) => {
      cdc = { ...cdc, ...next };
    },
    pubSubStreams: () => pubSub.openStreams(),
    dropPubSubStreams: () => pubSub.dropStreams(),
    closePubSubStreams: () => pubSub.closeStreams(),
    sendUnreadablePubSubResponse: () => pubSub.sendUnreadable(),
    internalErrors,
    close: async () => {
      await Promise.all([...servers].map((s) => s.close()));
      for (const s of [...pubSubServers]) s.close();
      pubSubServers.clear();
    },
  };
}
