// Test harness: a sandbox on loopback with one bootstrapped org, and jsforce pointed at it as Baton points it
// at Salesforce (instance URL, API version 62.0, OAuth client so it can refresh).
import { Connection, OAuth2 } from 'jsforce';
import { createManualClock, type ManualClock } from '../../hubspot/clock.ts';
import { SF_API_VERSION, SF_CLIENT_NAME } from '../../../src/crm/salesforce/batonFields.ts';
import { bootstrapOrg, type BootstrapOrgInput, type BootstrappedOrg } from '../bootstrap.ts';
import {
  createSalesforceSandbox,
  type RunningSalesforceSandbox,
  type SalesforceSandbox,
} from '../createSalesforceSandbox.ts';
import type { SalesforceSandboxOptions } from '../options.ts';
import type { Org } from '../state/org.ts';
import { PubSubTestClient, type PubSubSession } from './streaming.ts';

export interface ConnectionOptions {
  accessToken?: string;
  refreshToken?: string;
  /** Sforce-Call-Options client (default Baton's); null for none. */
  client?: string | null;
}

export interface Harness {
  sandbox: SalesforceSandbox;
  running: RunningSalesforceSandbox;
  baseUrl: string;
  clock: ManualClock;
  setup: BootstrappedOrg;
  org: Org;
  oauth2(): OAuth2;
  connection(opts?: ConnectionOptions): Connection;
  /** A Pub/Sub API client of the sandbox's gRPC server, with the org's session (or another). */
  pubSub(session?: Partial<PubSubSession>): PubSubTestClient;
  close(): Promise<void>;
}

export async function startHarness(
  options: SalesforceSandboxOptions = {},
  bootstrap: BootstrapOrgInput = {},
): Promise<Harness> {
  const clock = createManualClock();
  const sandbox = createSalesforceSandbox({ clock, ...options });
  const running = await sandbox.listen();
  const setup = bootstrapOrg(sandbox.state, bootstrap);
  const clients: PubSubTestClient[] = [];
  const oauth2 = (): OAuth2 =>
    new OAuth2({
      loginUrl: running.baseUrl,
      clientId: setup.app.clientId,
      clientSecret: setup.app.clientSecret,
      redirectUri: setup.redirectUri,
    });
  return {
    sandbox,
    running,
    baseUrl: running.baseUrl,
    clock,
    setup,
    org: setup.org,
    oauth2,
    connection: (opts = {}) => {
      const client = opts.client === undefined ? SF_CLIENT_NAME : opts.client;
      return new Connection({
        instanceUrl: running.baseUrl,
        accessToken: opts.accessToken ?? setup.accessToken,
        refreshToken: opts.refreshToken ?? setup.refreshToken,
        version: SF_API_VERSION,
        oauth2: oauth2(),
        ...(client !== null && { callOptions: { client } }),
      });
    },
    pubSub: (session = {}) => {
      const client = new PubSubTestClient(running.pubSubUrl, {
        accessToken: setup.accessToken,
        instanceUrl: running.baseUrl,
        orgId: setup.org.id,
        ...session,
      });
      clients.push(client);
      return client;
    },
    close: async () => {
      for (const c of clients.splice(0)) c.close();
      await sandbox.close();
    },
  };
}

/** The error a jsforce call rejects with (fails the test if the call succeeds). */
export async function sfError(
  call: PromiseLike<unknown>,
): Promise<Error & { errorCode?: string; data?: unknown }> {
  try {
    await call;
  } catch (err) {
    if (err instanceof Error) return err;
    throw err;
  }
  throw new Error('expected the call to fail');
}
