// Sandbox mode's HubSpot: a simulated portal on its own port with Baton's app registered, its webhooks pointed
// at Baton, and Baton installed through the real OAuth flow (install → consent → callback).
import { randomBytes } from 'node:crypto';
import { HUBSPOT_WEBHOOK_EVENTS } from '../../src/crm/hubspot/webhooks.ts';
import type { HubSpotApp } from '../../src/crm/hubspot/oauth.ts';
import { WEBHOOK_PATH } from '../../src/web/paths.ts';
import {
  bootstrapPortal,
  type BootstrapInput,
  createHubSpotSandbox,
  type BootstrappedPortal,
  type HubSpotSandbox,
  type RunningSandbox,
} from '../hubspot/index.ts';
import type { HubSpotSandboxOptions } from '../hubspot/options.ts';
import type { Clock } from '../../src/worker/clock.ts';

export interface SandboxPortal {
  sandbox: HubSpotSandbox;
  running: RunningSandbox;
  portal: BootstrappedPortal;
  /** Baton's app as the sandbox knows it: what Baton uses instead of real HubSpot credentials. */
  app: HubSpotApp & { appId: string };
  close(): Promise<void>;
}

export const SANDBOX_REPS = [
  { email: 'maya.reed@acme.example', firstName: 'Maya', lastName: 'Reed' },
  { email: 'omar.haddad@acme.example', firstName: 'Omar', lastName: 'Haddad' },
  { email: 'lena.kraus@acme.example', firstName: 'Lena', lastName: 'Kraus' },
  { email: 'tom.baker@acme.example', firstName: 'Tom', lastName: 'Baker' },
  { email: 'ines.silva@acme.example', firstName: 'Ines', lastName: 'Silva' },
];

/** What the portal has besides contacts: the Leads object (Sales Hub Professional, on by default), a second lead
 * pipeline with numeric stage ids. */
export type PortalSetUp = Pick<BootstrapInput, 'leadsObject' | 'inboundLeadPipeline'>;

export async function startSandboxPortal(opts: {
  port: number;
  batonUrl: string;
  clock: Clock;
  options?: HubSpotSandboxOptions;
  setUp?: PortalSetUp;
}): Promise<SandboxPortal> {
  const sandbox = createHubSpotSandbox({
    ...opts.options,
    clock: { now: () => opts.clock.now().getTime() },
  });
  const running = await sandbox.listen(opts.port);
  const portal = bootstrapPortal(sandbox.state, {
    portalName: 'Acme Analytics (sandbox)',
    appName: 'Baton',
    clientId: `sandbox-${randomBytes(8).toString('hex')}`,
    clientSecret: randomBytes(24).toString('base64url'),
    redirectUri: `${opts.batonUrl}/oauth/hubspot/callback`,
    webhookTargetUrl: `${opts.batonUrl}${WEBHOOK_PATH}`,
    subscriptions: HUBSPOT_WEBHOOK_EVENTS.map((e) => ({ ...e })),
    owners: SANDBOX_REPS,
    ...opts.setUp,
  });
  return {
    sandbox,
    running,
    portal,
    app: {
      clientId: portal.app.clientId,
      clientSecret: portal.app.clientSecret,
      appId: String(portal.app.appId),
      apiBaseUrl: running.baseUrl,
      authorizeUrl: `${running.baseUrl}/oauth/authorize`,
    },
    close: () => sandbox.close(),
  };
}

/** Walks Baton's install flow like an admin's browser would: install → HubSpot consent → Baton's callback. */
export async function installBaton(batonUrl: string): Promise<void> {
  const step = async (url: string) => {
    const res = await fetch(url, { redirect: 'manual' });
    return { status: res.status, location: res.headers.get('location'), text: await res.text() };
  };
  const install = await step(`${batonUrl}/oauth/hubspot/install`);
  if (!install.location) throw new Error(`Install did not redirect (HTTP ${install.status})`);
  const consent = await step(install.location);
  if (!consent.location)
    throw new Error(`Consent did not redirect (HTTP ${consent.status}): ${consent.text.slice(0, 200)}`);
  const callback = await step(consent.location);
  if (callback.status !== 200)
    throw new Error(`Install failed (HTTP ${callback.status}): ${callback.text.slice(0, 300)}`);
}
