// The sandbox's app mounts inside another express app (as Baton's sandbox mode does) and the official
// client works against it with the mount path as its base path.
import { Client } from '@hubspot/api-client';
import express from 'express';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, expect, it } from 'vitest';
import { bootstrapPortal } from './bootstrap.ts';
import { createHubSpotSandbox } from './createHubSpotSandbox.ts';

let server: Server | undefined;
afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

it('serves the API under a mount path of a host app', async () => {
  const sandbox = createHubSpotSandbox({ rateLimits: false });
  const { portal, privateAppToken } = bootstrapPortal(sandbox.state);
  const host = express();
  host.get('/healthz', (_req, res) => void res.json({ ok: true }));
  host.use('/hubspot', sandbox.app);
  server = await new Promise<Server>((resolve) => {
    const s = host.listen(0, '127.0.0.1', () => resolve(s));
  });
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hubspot`;
  const client = new Client({ accessToken: privateAppToken, basePath: base });
  const created = await client.crm.contacts.basicApi.create({
    properties: { email: 'm@b.co' },
    associations: [],
  });
  expect(portal.contact(created.id)?.properties.email).toBe('m@b.co');
  const page = await client.crm.contacts.basicApi.getPage(1);
  expect(page.results).toHaveLength(1);
  expect(sandbox.state.requests.all().map((r) => r.path)).toEqual([
    '/crm/v3/objects/contacts',
    '/crm/v3/objects/contacts',
  ]);
  server.closeAllConnections();
  await sandbox.close();
});
