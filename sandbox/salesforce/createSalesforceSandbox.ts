// A local Salesforce that jsforce 3 talks to unchanged: new Connection({ instanceUrl, accessToken, version })
// for REST, new OAuth2({ loginUrl }) for the web-server flow, conn.streaming for Change Data Capture. Build
// it, create orgs and apps through `state` (or bootstrapOrg), mount `app` elsewhere or `listen()`.
import type { Express } from 'express';
import { createServer, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { Clock } from '../hubspot/clock.ts';
import type { CdcOptions } from './cdc/changeEventBus.ts';
import { CometdSessions } from './cdc/cometdSessions.ts';
import { FaultInjector } from './http/faultInjection.ts';
import type { OAuthOptions } from './http/routes/oauth.ts';
import { createSandboxApp } from './http/sandboxApp.ts';
import {
  resolveFaults,
  resolveOptions,
  type FaultSettings,
  type SalesforceSandboxOptions,
} from './options.ts';
import { SalesforceState } from './state/salesforceState.ts';

export interface RunningSalesforceSandbox {
  baseUrl: string;
  port: number;
  server: Server;
  close(): Promise<void>;
}

export interface SalesforceSandbox {
  /** The API, not listening. */
  app: Express;
  state: SalesforceState;
  clock: Clock;
  /** Serves `app` on 127.0.0.1 (port 0 = any free port). */
  listen(port?: number, host?: string): Promise<RunningSalesforceSandbox>;
  setFaults(faults: FaultSettings): void;
  setOAuth(oauth: Partial<OAuthOptions>): void;
  setCdc(cdc: Partial<CdcOptions>): void;
  /** CometD clients currently known (for tests that check a client went away). */
  cometdClients(): number;
  /** Forgets every CometD client, as a server restart does: clients handshake and resubscribe. */
  dropCometdClients(): void;
  /** Errors the sandbox answered with a 500 (a test should find none). */
  internalErrors: unknown[];
  /** Ends held CometD connects and stops every server `listen` started. */
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
  const sessions = new CometdSessions(() => cdc.connectTimeoutMs + 120_000);

  const app = createSandboxApp({
    state,
    sessions,
    faults: () => faults,
    oauth: () => oauth,
    cdc: () => cdc,
    onInternalError: (err) => {
      internalErrors.push(err);
      options.onInternalError?.(err);
    },
  });

  const servers = new Set<RunningSalesforceSandbox>();

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
    const running: RunningSalesforceSandbox = {
      baseUrl: `http://${host.includes(':') ? `[${host}]` : host}:${address.port}`,
      port: address.port,
      server,
      close: () =>
        new Promise<void>((resolve) => {
          servers.delete(running);
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
    setFaults: (f) => {
      faults = new FaultInjector(resolveFaults(f));
    },
    setOAuth: (next) => {
      oauth = { ...oauth, ...next };
    },
    setCdc: (next) => {
      cdc = { ...cdc, ...next };
    },
    cometdClients: () => sessions.all().length,
    dropCometdClients: () => sessions.forgetAll(),
    internalErrors,
    close: async () => {
      sessions.close();
      await Promise.all([...servers].map((s) => s.close()));
    },
  };
}
