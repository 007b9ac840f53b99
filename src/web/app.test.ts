import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { createLogger } from '../logger.ts';
import { createApp } from './app.ts';

let server: Server | undefined;
afterEach(() => new Promise<void>((r) => (server ? server.close(() => r()) : r())));

async function serve(isReady: () => Promise<boolean>): Promise<string> {
  const app = createApp({ log: createLogger('silent'), isReady });
  server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe('web app', () => {
  it('is alive, and ready only when the database is migrated', async () => {
    let ready = false;
    const base = await serve(async () => ready);
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    const notReady = await fetch(`${base}/readyz`);
    expect(notReady.status).toBe(503);
    expect(await notReady.json()).toEqual({ status: 'not_ready' });
    ready = true;
    expect((await fetch(`${base}/readyz`)).status).toBe(200);
  });

  it('reports a failing readiness check as not ready, not as a crash', async () => {
    const base = await serve(() => Promise.reject(new Error('connection refused')));
    expect((await fetch(`${base}/readyz`)).status).toBe(503);
  });

  it('answers unknown routes with the JSON error envelope', async () => {
    const base = await serve(async () => true);
    const res = await fetch(`${base}/nowhere`, { method: 'POST' });
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ error: { code: 'not_found', message: 'No route for POST /nowhere' } });
  });
});
