// Test harness: a sandbox on loopback with one bootstrapped portal, and the official client pointed at it.
// Clients are built with numberOfApiCallRetries unset, so api-client's retry decorator stays off and
// tests see raw 429s and 5xx.
import { Client } from '@hubspot/api-client';
import { bootstrapPortal, type BootstrapInput, type BootstrappedPortal } from '../bootstrap.ts';
import { createManualClock, type ManualClock } from '../clock.ts';
import { createHubSpotSandbox, type HubSpotSandbox, type RunningSandbox } from '../createHubSpotSandbox.ts';
import type { HubSpotSandboxOptions } from '../options.ts';

export interface Harness {
  sandbox: HubSpotSandbox;
  running: RunningSandbox;
  baseUrl: string;
  clock: ManualClock;
  setup: BootstrappedPortal;
  client(token?: string): Client;
  close(): Promise<void>;
}

export async function startHarness(
  options: HubSpotSandboxOptions = {},
  bootstrap: BootstrapInput = {},
): Promise<Harness> {
  const clock = createManualClock();
  const sandbox = createHubSpotSandbox({ clock, ...options });
  const running = await sandbox.listen();
  const setup = bootstrapPortal(sandbox.state, bootstrap);
  return {
    sandbox,
    running,
    baseUrl: running.baseUrl,
    clock,
    setup,
    client: (token = setup.accessToken) => new Client({ accessToken: token, basePath: running.baseUrl }),
    close: () => sandbox.close(),
  };
}

export interface CaughtApiError {
  code: number;
  body: Record<string, unknown>;
  headers: Record<string, string>;
}

/** The ApiException a client call rejects with (fails the test if the call succeeds). */
export async function apiError(call: Promise<unknown>): Promise<CaughtApiError> {
  try {
    await call;
  } catch (err) {
    const e = err as { code?: unknown; body?: unknown; headers?: unknown };
    if (typeof e.code !== 'number') throw err;
    return {
      code: e.code,
      body: (typeof e.body === 'object' && e.body !== null ? e.body : { raw: e.body }) as Record<
        string,
        unknown
      >,
      headers: (e.headers ?? {}) as Record<string, string>,
    };
  }
  throw new Error('expected the call to fail');
}
