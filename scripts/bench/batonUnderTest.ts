// Baton as a user runs it (start() in sandbox mode: web + worker + the simulated portal with HubSpot's real
// limits), on a throwaway data folder and free ports, for the benchmarks.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../src/config.ts';
import { createLogger } from '../../src/logger.ts';
import {
  startSandboxMode,
  type SandboxModeOptions,
  type SandboxRunning,
} from '../../sandbox/mode/startSandboxMode.ts';
import { pendingEffects } from '../../src/store/effects.ts';
import { freePort } from '../../test/support/freePort.ts';

export interface BatonUnderTest {
  running: SandboxRunning;
  tenantId: string;
  portalId: number;
  quiet(timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

export async function startBatonForBench(
  opts: SandboxModeOptions & {
    databaseUrl?: string;
    /** 'production': the worker ticks as deployed (every minute, reconciliation every five) instead of every 2 s. */
    ticks?: 'bench' | 'production';
  } = {},
): Promise<BatonUnderTest> {
  const dir = mkdtempSync(join(tmpdir(), 'baton-bench-'));
  const port = await freePort();
  const config = loadConfig({
    PORT: String(port),
    BATON_PUBLIC_URL: `http://127.0.0.1:${port}`,
    PGLITE_DATA_DIR: join(dir, 'pglite'),
    BATON_OPS_TOKEN: 'bench-ops-token-0123456789',
    LOG_LEVEL: 'silent',
    ...(opts.databaseUrl && { DATABASE_URL: opts.databaseUrl }),
  });
  const { databaseUrl: _url, ticks = 'bench', ...startOptions } = opts;
  const running = await startSandboxMode(config, {
    log: createLogger('silent'),
    sandboxPort: 0,
    ...(ticks === 'bench' && { tickSeconds: 2 }),
    ...startOptions,
  });
  const portalId = running.sandbox?.portal.portal.id ?? 0;
  const tenantId = `hubspot-${portalId}`;
  const db = running.database.db;
  return {
    running,
    tenantId,
    portalId,
    /** Until webhooks are delivered, the inbox is drained and every decided write has gone out. */
    async quiet(timeoutMs = 300_000) {
      const until = Date.now() + timeoutMs;
      let calm = 0;
      while (Date.now() < until) {
        await running.sandbox?.sandbox.flushWebhooks();
        const inbox = await db
          .selectFrom('inbox')
          .select('id')
          .where('status', '=', 'pending')
          .limit(1)
          .execute();
        const effects = await pendingEffects(db, tenantId, { limit: 1 });
        calm = inbox.length === 0 && effects.length === 0 ? calm + 1 : 0;
        if (calm >= 3) return;
        await new Promise((r) => setTimeout(r, 500));
      }
      throw new Error('Baton did not settle in time');
    },
    async close() {
      await running.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
