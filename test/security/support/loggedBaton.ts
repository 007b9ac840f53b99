// Baton as start() wires it (sandbox mode, manual clock, jobs driven by the test), logging at trace level into
// a buffer the test can search: everything Baton would have written to its logs.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../../src/config.ts';
import { createLogger } from '../../../src/logger.ts';
import { startSandboxMode, type SandboxRunning } from '../../../sandbox/mode/startSandboxMode.ts';
import { getTenant, type Tenant } from '../../../src/store/tenants.ts';
import { drainInbox } from '../../../src/worker/drainInbox.ts';
import { flushEffects } from '../../../src/worker/flushEffects.ts';
import { freePort } from '../../support/freePort.ts';
import { OPS_TOKEN } from './fuzzWorld.ts';

export interface LoggedBaton {
  running: SandboxRunning;
  dataDir: string;
  now(): Date;
  advance(ms: number): void;
  tenant(): Promise<Tenant>;
  /** Runs `run` as the queue would run a job: a failure is logged with its error. */
  job(name: string, run: () => Promise<unknown>): Promise<unknown>;
  /** Sandbox webhooks → inbox → decisions → CRM writes, a few rounds. */
  settle(): Promise<void>;
  /** Everything logged so far. */
  logText(): string;
  /** Stops Baton (the data folder stays, for inspection). */
  stop(): Promise<void>;
  close(): Promise<void>;
}

export async function startLoggedBaton(at: Date): Promise<LoggedBaton> {
  let current = at.getTime();
  const clock = { now: () => new Date(current) };
  const lines: string[] = [];
  const dir = mkdtempSync(join(tmpdir(), 'baton-security-'));
  const port = await freePort();
  const config = loadConfig({
    PORT: String(port),
    BATON_PUBLIC_URL: `http://127.0.0.1:${port}`,
    PGLITE_DATA_DIR: join(dir, 'pglite'),
    BATON_OPS_TOKEN: OPS_TOKEN,
    LOG_LEVEL: 'trace',
  });
  const running = await startSandboxMode(config, {
    log: createLogger('trace', { write: (line: string) => void lines.push(line) }),
    clock,
    sandboxPort: 0,
    runWorker: false,
    sandboxOptions: {
      oauth: { rotateRefreshTokens: true },
      webhooks: { batchWindowMs: 20, baseDelayMs: 50, maxDelayMs: 200 },
    },
  });
  const sandbox = running.sandbox;
  if (!sandbox) throw new Error('expected sandbox mode');
  const deps = running.workerDeps;
  // Where the queue would run these jobs, a failure would be logged with its error: log it the same way.
  const job = (name: string, run: () => Promise<unknown>) =>
    run().catch((err: unknown) => deps.log.error({ err, job: name }, 'job failed'));
  let stopped = false;
  const stop = async () => {
    if (!stopped) await running.stop();
    stopped = true;
  };
  const tenant = async () => {
    const t = await getTenant(deps.db, `hubspot-${sandbox.portal.portal.id}`);
    if (!t) throw new Error('Baton is not installed in the sandbox portal');
    return t;
  };
  return {
    running,
    dataDir: dir,
    now: () => new Date(current),
    advance: (ms) => {
      current += ms;
    },
    tenant,
    job,
    settle: async () => {
      for (let round = 0; round < 3; round++) {
        await sandbox.sandbox.flushWebhooks({ waitForRetries: true });
        const t = await tenant();
        await job('drainInbox', async () => drainInbox(deps, t, await deps.crmFor(t)));
        await job('flushEffects', async () =>
          flushEffects({
            db: deps.db,
            crm: await deps.crmFor(t),
            tenantId: t.id,
            listIds: await deps.listIdsFor(t),
            timeZone: t.policy.timeZone,
            now: () => deps.clock.now(),
          }),
        );
      }
    },
    logText: () => lines.join(''),
    stop,
    close: async () => {
      await stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
