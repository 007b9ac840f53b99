// npm start: Baton. With a HubSpot app or Salesforce External Client App in the environment (or NODE_ENV=production),
// the product as deployed (src/main.ts); otherwise — or with `npm start -- --sandbox` — sandbox mode: simulated
// CRMs on this machine, Baton installed in them through OAuth, simulated sales teams at work on a clock running
// 240 times faster than real time. Production never runs sandbox mode and never starts without a CRM.
import { configOrExit, runProduct, stopOnSignal } from '../src/main.ts';
import { processLogger } from '../src/logger.ts';
import { acceleratedClock } from '../src/worker/clock.ts';
import {
  SANDBOX_CLOCK_SPEED,
  SANDBOX_ORG_OPTIONS,
  SANDBOX_TICK_SECONDS,
  sandboxStartTime,
} from '../sandbox/mode/sandboxSimulation.ts';
import { SandboxModeRefused, startSandboxMode } from '../sandbox/mode/startSandboxMode.ts';

const config = configOrExit();
const askedForSandbox = process.argv.includes('--sandbox');
const crmConfigured = Boolean(config.hubspot ?? config.salesforce);

if (config.env === 'production' || (crmConfigured && !askedForSandbox)) {
  if (askedForSandbox) {
    console.error('Sandbox mode never runs in production (NODE_ENV=production): it simulates CRMs.');
    process.exit(1);
  }
  await runProduct(config);
} else {
  const log = processLogger(config.logLevel, config.env);
  if (crmConfigured) log.warn('--sandbox: the CRM credentials in the environment are not used');
  try {
    const running = await startSandboxMode(config, {
      log,
      // A working day in two minutes: SLAs run out, leads recycle and reps return leads within half an hour.
      clock: acceleratedClock(sandboxStartTime(new Date()), SANDBOX_CLOCK_SPEED),
      tickSeconds: SANDBOX_TICK_SECONDS,
      simulate: true,
      salesforceSandboxOptions: SANDBOX_ORG_OPTIONS,
    });
    stopOnSignal(running, log);
    log.info(
      `sandbox mode is running: the ops console at ${config.publicUrl}/ops (token in the data folder's dev-ops-token), ` +
        'status lines every 30 seconds; Ctrl-C stops it',
    );
  } catch (error) {
    if (!(error instanceof SandboxModeRefused)) throw error;
    console.error(error.message);
    process.exit(1);
  }
}
