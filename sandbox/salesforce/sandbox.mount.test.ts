// The sandbox's app mounts inside another express app (as Baton's sandbox mode does): the mount path becomes
// part of the instance URL, and jsforce works against it unchanged — OAuth, REST and CometD.
import express from 'express';
import { Connection, OAuth2 } from 'jsforce';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, expect, it } from 'vitest';
import { bootstrapOrg } from './bootstrap.ts';
import { createSalesforceSandbox } from './createSalesforceSandbox.ts';
import { eventually, subscribeCdc } from './testing/streaming.ts';

let server: Server | undefined;
afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

it('serves OAuth, REST and CometD under a mount path of a host app', async () => {
  const sandbox = createSalesforceSandbox({ cdc: { connectTimeoutMs: 2_000 } });
  const setup = bootstrapOrg(sandbox.state);
  const host = express();
  host.get('/healthz', (_req, res) => void res.json({ ok: true }));
  host.use('/salesforce', sandbox.app);
  server = await new Promise<Server>((resolve) => {
    const s = host.listen(0, '127.0.0.1', () => resolve(s));
  });
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/salesforce`;
  const oauth2 = new OAuth2({
    loginUrl: base,
    clientId: setup.app.clientId,
    clientSecret: setup.app.clientSecret,
    redirectUri: setup.redirectUri,
  });
  const refreshed = await oauth2.refreshToken(setup.refreshToken);
  expect(refreshed.instance_url).toBe(base);
  const conn = new Connection({
    instanceUrl: refreshed.instance_url,
    accessToken: refreshed.access_token,
    version: '62.0',
  });
  const events = await subscribeCdc(conn, '/data/LeadChangeEvent', -1);
  const created = await conn.sobject('Lead').create({ LastName: 'M', Company: 'C' });
  expect((await conn.query(`SELECT Id FROM Lead WHERE Id = '${created.id ?? ''}'`)).totalSize).toBe(1);
  expect((await conn.identity()).user_id).toBe(setup.admin.id);
  await eventually(() => events.received.length === 1);
  events.close();
  expect(sandbox.state.requests.all().some((r) => r.path === '/services/data/v62.0/sobjects/Lead')).toBe(
    true,
  );
  server.closeAllConnections();
  await sandbox.close();
  expect(sandbox.internalErrors).toEqual([]);
});
