// Sandbox mode's Salesforce: a simulated org on its own port with Baton's package installed (fields, marketing
// queue), Baton's connected app registered, and the org connected through the real OAuth flow with PKCE
// (connect → Salesforce login and consent → callback).
import { randomBytes } from 'node:crypto';
import type { SalesforceApp } from '../../src/crm/salesforce/oauth.ts';
import { callbackPathOf } from '../../src/app/connectCrm.ts';
import {
  bootstrapOrg,
  createSalesforceSandbox,
  type BootstrappedOrg,
  type RunningSalesforceSandbox,
  type SalesforceSandbox,
  type SalesforceSandboxOptions,
} from '../salesforce/index.ts';
import type { Clock } from '../../src/worker/clock.ts';

export interface SandboxOrg {
  sandbox: SalesforceSandbox;
  running: RunningSalesforceSandbox;
  org: BootstrappedOrg;
  /** Baton's connected app as the sandbox knows it: what Baton uses instead of real Salesforce credentials. */
  app: SalesforceApp;
  close(): Promise<void>;
}

/** The org's sales team in sandbox mode (and the resilience suite's org). */
export const SANDBOX_ORG_REPS = [
  { firstName: 'Priya', lastName: 'Natarajan', title: 'Sales Development Rep' },
  { firstName: 'Diego', lastName: 'Alvarez', title: 'Sales Development Rep' },
  { firstName: 'Hannah', lastName: 'Cole', title: 'Account Executive' },
];

export async function startSandboxOrg(opts: {
  port: number;
  batonUrl: string;
  clock: Clock;
  options?: SalesforceSandboxOptions;
}): Promise<SandboxOrg> {
  const sandbox = createSalesforceSandbox({
    ...opts.options,
    clock: { now: () => opts.clock.now().getTime() },
  });
  const running = await sandbox.listen(opts.port);
  const org = bootstrapOrg(sandbox.state, {
    orgName: 'Globex Industrial (sandbox)',
    timeZone: 'America/New_York',
    reps: SANDBOX_ORG_REPS,
    app: {
      clientId: `sandbox-${randomBytes(8).toString('hex')}`,
      clientSecret: randomBytes(24).toString('base64url'),
      redirectUri: `${opts.batonUrl}${callbackPathOf({ kind: 'salesforce' })}`,
      requirePkce: true,
    },
  });
  return {
    sandbox,
    running,
    org,
    app: {
      clientId: org.app.clientId,
      clientSecret: org.app.clientSecret,
      loginUrl: running.baseUrl,
      pubSubUrl: running.pubSubUrl,
    },
    close: () => sandbox.close(),
  };
}

/** Walks Baton's connect flow like an admin's browser would: connect → Salesforce approval → Baton's callback. */
export async function connectOrg(batonUrl: string): Promise<void> {
  const step = async (url: string) => {
    const res = await fetch(url, { redirect: 'manual' });
    return { status: res.status, location: res.headers.get('location'), text: await res.text() };
  };
  const start = await step(`${batonUrl}/oauth/salesforce/install`);
  if (!start.location) throw new Error(`Connect did not redirect (HTTP ${start.status})`);
  const consent = await step(start.location);
  if (!consent.location)
    throw new Error(`Approval did not redirect (HTTP ${consent.status}): ${consent.text.slice(0, 200)}`);
  const callback = await step(consent.location);
  if (callback.status !== 200)
    throw new Error(`Connect failed (HTTP ${callback.status}): ${callback.text.slice(0, 300)}`);
}
