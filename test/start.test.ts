// The composition root starts every part on the embedded database and stops cleanly.
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.ts';
import { createLogger } from '../src/logger.ts';
import { start } from '../src/main.ts';
import { freePort } from './support/freePort.ts';
import { z } from 'zod';
import { loadCredentials, saveCredentials } from '../src/store/credentials.ts';
import { connectTenant } from '../src/store/tenants.ts';

const dir = mkdtempSync(join(tmpdir(), 'baton-start-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('npm start', () => {
  it('serves /readyz once migrated, keeps a local key outside production, and stops cleanly', async () => {
    const port = await freePort();
    const config = loadConfig({
      PORT: String(port),
      BATON_PUBLIC_URL: `http://127.0.0.1:${port}`,
      PGLITE_DATA_DIR: join(dir, 'pglite'),
    });
    const running = await start(config, { log: createLogger('silent'), sandboxPort: 0 });
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
    const again = await start(config, { log: createLogger('silent'), sandboxPort: 0 });
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

  it('a worker-only process does not listen', async () => {
    const config = loadConfig({ BATON_ROLE: 'worker', PGLITE_DATA_DIR: join(dir, 'pglite-2') });
    const running = await start(config, { log: createLogger('silent') });
    expect(running.server).toBeNull();
    await running.stop();
  });
});
