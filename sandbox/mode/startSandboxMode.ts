// Sandbox mode: Baton against a simulated HubSpot portal and Salesforce org on this machine, no accounts needed.
// The simulated CRMs start first (Baton's app is registered in each), then Baton itself — the product's own
// start(), configured with the sandbox's app credentials and URLs as it would be with HubSpot's and Salesforce's —
// then Baton is installed in the portal and connected to the org through the real OAuth flows, like an admin
// would, and optionally the simulated sales teams go to work. Never in production.
import type { Config } from '../../src/config.ts';
import { start, type Running, type StartOptions } from '../../src/main.ts';
import type { HubSpotSandboxOptions } from '../hubspot/options.ts';
import type { SalesforceSandboxOptions } from '../salesforce/options.ts';
import { connectOrg, startSandboxOrg, type SandboxOrg } from './sandboxOrg.ts';
import { installBaton, startSandboxPortal, type PortalSetUp, type SandboxPortal } from './sandboxPortal.ts';
import { startSandboxSimulation, type SandboxSimulation } from './sandboxSimulation.ts';

export interface SandboxModeOptions extends StartOptions {
  /** Where the simulated portal listens (default PORT + 100; the org one above); 0 takes free ports. */
  sandboxPort?: number;
  /** The simulated portal's options (faults, limits, webhook pacing). */
  sandboxOptions?: HubSpotSandboxOptions;
  /** What the simulated portal has: the Leads object (default), a second lead pipeline with numeric stage ids. */
  portalSetUp?: PortalSetUp;
  /** The simulated org's options (faults, API allocation, change event retention). */
  salesforceSandboxOptions?: SalesforceSandboxOptions;
  /** Run the simulated sales teams (leads arriving, reps touching, returning, ignoring). */
  simulate?: boolean;
}

export interface SandboxRunning extends Running {
  sandbox: SandboxPortal;
  sandboxOrg: SandboxOrg;
  simulation: SandboxSimulation | null;
}

export class SandboxModeRefused extends Error {}

export async function startSandboxMode(
  config: Config,
  opts: SandboxModeOptions = {},
): Promise<SandboxRunning> {
  if (config.env === 'production') {
    throw new SandboxModeRefused(
      'Sandbox mode never runs in production (NODE_ENV=production): it simulates CRMs.',
    );
  }
  if (config.role !== 'all') {
    throw new SandboxModeRefused(
      `Sandbox mode runs web and worker in one process: unset BATON_ROLE (now "${config.role}").`,
    );
  }
  const clock = opts.clock ?? { now: () => new Date() };
  const port = opts.sandboxPort ?? config.port + 100;
  const sandbox = await startSandboxPortal({
    port,
    batonUrl: config.publicUrl,
    clock,
    ...(opts.sandboxOptions && { options: opts.sandboxOptions }),
    ...(opts.portalSetUp && { setUp: opts.portalSetUp }),
  });
  const sandboxOrg = await startSandboxOrg({
    port: port === 0 ? 0 : port + 1,
    batonUrl: config.publicUrl,
    clock,
    ...(opts.salesforceSandboxOptions && { options: opts.salesforceSandboxOptions }),
  });
  const running = await start({ ...config, hubspot: sandbox.app, salesforce: sandboxOrg.app }, opts);
  const log = running.workerDeps.log;
  log.info(
    {
      hubspot: sandbox.running.baseUrl,
      portalId: sandbox.portal.portal.id,
      salesforce: sandboxOrg.running.baseUrl,
    },
    'sandbox mode: simulated HubSpot portal and Salesforce org started',
  );
  await installBaton(config.publicUrl);
  log.info({ portalId: sandbox.portal.portal.id }, 'sandbox mode: Baton installed in the simulated portal');
  await connectOrg(config.publicUrl);
  log.info({ orgId: sandboxOrg.org.org.id }, 'sandbox mode: Baton connected to the simulated Salesforce org');
  let simulation: SandboxSimulation | null = null;
  if (opts.simulate) {
    // The org's change events are subscribed before its simulated leads arrive.
    await running.changeFeeds?.subscribed(`salesforce-${sandboxOrg.org.org.id}`);
    simulation = startSandboxSimulation({ sandbox, org: sandboxOrg, batonUrl: config.publicUrl, clock, log });
  }
  return {
    ...running,
    sandbox,
    sandboxOrg,
    simulation,
    async stop() {
      await simulation?.stop();
      await running.stop();
      await sandbox.close();
      await sandboxOrg.close();
    },
  };
}
