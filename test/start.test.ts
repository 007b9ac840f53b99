// How Baton starts: `npm start` without CRM credentials is sandbox mode on the embedded database; the product
// entry refuses to run without a CRM in production; each part stops cleanly.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { loadConfig } from '../src/config.ts';
import { createLogger, wantsReadableLogs } from '../src/logger.ts';
import { NO_CRM_CONFIGURED, start } from '../src/main.ts';
import { loadCredentials, saveCredentials } from '../src/store/credentials.ts';
import { connectTenant } from '../src/store/tenants.ts';
import { SandboxModeRefused, startSandboxMode } from '../sandbox/mode/startSandboxMode.ts';
import { freePort } from './support/freePort.ts';

const dir = mkdtempSync(join(tmpdir(), 'baton-start-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const KEY = `1:${Buffer.alloc(32, 7).toString('base64')}`;
/** Production requires an https public URL. */
const PUBLIC_URL = 'https://baton.example.com';

/** Runs a command of the project as a newcomer's shell would, with only the given environment. */
function run(
  args: string[],
  env: Record<string, string>,
  until?: { line: RegExp; then: 'SIGTERM' },
): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, {
      env: { PATH: process.env.PATH ?? '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let signalled = false;
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    const take = (chunk: Buffer) => {
      out += chunk.toString();
      if (until && !signalled && until.line.test(out)) signalled = child.kill(until.then);
    };
    child.stdout.on('data', take);
    child.stderr.on('data', take);
    child.once('error', reject);
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, out });
    });
  });
}

/** A port P with P + 100 and P + 101 free too (where sandbox mode puts its simulated CRMs). */
async function portWithSandboxRoom(): Promise<number> {
  const free = (port: number) =>
    new Promise<boolean>((resolve) => {
      const s = createServer();
      s.once('error', () => resolve(false));
      s.listen(port, '127.0.0.1', () => s.close(() => resolve(true)));
    });
  for (;;) {
    const port = await freePort();
    if (port < 65_000 && (await free(port + 100)) && (await free(port + 101))) return port;
  }
}

describe('npm start', () => {
  it('without CRM credentials runs sandbox mode: Baton installed in the simulated CRMs, and stops on SIGTERM', async () => {
    const port = await portWithSandboxRoom();
    const { code, out } = await run(
      ['scripts/start.ts'],
      { PORT: String(port), PGLITE_DATA_DIR: join(dir, 'npm-start', 'pglite'), LOG_LEVEL: 'info' },
      { line: /sandbox mode is running/, then: 'SIGTERM' },
    );
    expect(out).toContain('sandbox mode: Baton installed in the simulated portal');
    expect(out).toContain('sandbox mode: Baton connected to the simulated Salesforce org');
    expect(out).toContain('shutting down');
    expect(code).toBe(0);
  }, 90_000);

  it('in production without CRM credentials refuses to start and says why', async () => {
    const env = {
      NODE_ENV: 'production',
      BATON_ENCRYPTION_KEYS: KEY,
      BATON_PUBLIC_URL: PUBLIC_URL,
      PGLITE_DATA_DIR: join(dir, 'prod'),
    };
    for (const entry of ['scripts/start.ts', 'src/main.ts']) {
      const { code, out } = await run([entry], env);
      expect(code).toBe(1);
      expect(out).toContain(NO_CRM_CONFIGURED);
    }
  });

  it('never runs sandbox mode in production, even when asked', async () => {
    const { code, out } = await run(['scripts/start.ts', '--sandbox'], {
      NODE_ENV: 'production',
      BATON_ENCRYPTION_KEYS: KEY,
      BATON_PUBLIC_URL: PUBLIC_URL,
    });
    expect(code).toBe(1);
    expect(out).toContain('Sandbox mode never runs in production');
    const config = loadConfig({
      NODE_ENV: 'production',
      BATON_ENCRYPTION_KEYS: KEY,
      BATON_PUBLIC_URL: PUBLIC_URL,
    });
    await expect(startSandboxMode(config)).rejects.toBeInstanceOf(SandboxModeRefused);
  });

  it('the product entry outside production without CRM credentials points to sandbox mode', async () => {
    const { code, out } = await run(['src/main.ts'], { PGLITE_DATA_DIR: join(dir, 'dev') });
    expect(code).toBe(1);
    expect(out).toContain('run `npm start` outside production');
  });

  it('sandbox mode serves /readyz once migrated, keeps a local key outside production, and stops cleanly', async () => {
    const port = await freePort();
    const config = loadConfig({
      PORT: String(port),
      BATON_PUBLIC_URL: `http://127.0.0.1:${port}`,
      PGLITE_DATA_DIR: join(dir, 'pglite'),
    });
    const running = await startSandboxMode(config, { log: createLogger('silent'), sandboxPort: 0 });
    try {
      expect((running.server?.address() as AddressInfo).port).toBe(port);
      const res = await fetch(`http://127.0.0.1:${port}/readyz`);
      expect(await res.json()).toEqual({ status: 'ready' });
      const tenant = await connectTenant(running.database.db, {
        crm: 'hubspot',
        externalId: '7',
        name: 'Acme',
      });
      await saveCredentials(running.database.db, running.cipher, tenant.id, { accessToken: 'a-1' });
    } finally {
      await running.stop();
    }
    // A restart reads what the first run stored: same local key, same database file.
    const again = await startSandboxMode(config, { log: createLogger('silent'), sandboxPort: 0 });
    try {
      const creds = await loadCredentials(
        again.database.db,
        again.cipher,
        'hubspot-7',
        z.object({ accessToken: z.string() }),
      );
      expect(creds).toEqual({ accessToken: 'a-1' });
    } finally {
      await again.stop();
    }
  });

  it('sandbox mode runs web and worker in one process only', async () => {
    const config = loadConfig({ BATON_ROLE: 'worker', PGLITE_DATA_DIR: join(dir, 'pglite-3') });
    await expect(startSandboxMode(config)).rejects.toThrow(/unset BATON_ROLE/);
  });

  it('a worker-only process does not listen', async () => {
    const config = loadConfig({ BATON_ROLE: 'worker', PGLITE_DATA_DIR: join(dir, 'pglite-2') });
    const running = await start(config, { log: createLogger('silent') });
    expect(running.server).toBeNull();
    await running.stop();
  });
});

describe('log lines', () => {
  it.each([
    ['development', true, true],
    ['test', true, true],
    ['development', false, false],
    ['production', true, false],
    ['production', false, false],
  ])('NODE_ENV=%s, stdout a terminal: %s → readable lines: %s', (env, terminal, readable) => {
    expect(wantsReadableLogs(env, terminal)).toBe(readable);
  });
});
