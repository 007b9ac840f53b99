// The sandbox's app mounts inside another express app (as Baton's sandbox mode does): the mount path becomes
// part of the instance URL, and jsforce works against it unchanged — OAuth and REST; change events come over the
// Pub/Sub API, whose gRPC server listenPubSub() starts beside the host app.
import express from 'express';
import { Connection, OAuth2 } from 'jsforce';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, expect, it } from 'vitest';
import { bootstrapOrg } from './bootstrap.ts';
import { createSalesforceSandbox } from './createSalesforceSandbox.ts';
import { CdcSubscriber, eventually, PubSubTestClient } from './testing/streaming.ts';

let server: Server | undefined;
afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

it('serves OAuth and REST under a mount path of a host app, and change events over the Pub/Sub API', async () => {
  const sandbox = createSalesforceSandbox();
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
  const pubSub = await sandbox.listenPubSub();
  expect(pubSub.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  const client = new PubSubTestClient(pubSub.url, {
    accessToken: refreshed.access_token,
    instanceUrl: refreshed.instance_url,
    orgId: setup.org.id,
  });
  const events = new CdcSubscriber(client, { topic: '/data/LeadChangeEvent' });
  await eventually(() => sandbox.pubSubStreams() === 1);
  const created = await conn.sobject('Lead').create({ LastName: 'M', Company: 'C' });
  expect((await conn.query(`SELECT Id FROM Lead WHERE Id = '${created.id ?? ''}'`)).totalSize).toBe(1);
  expect((await conn.identity()).user_id).toBe(setup.admin.id);
  await eventually(() => events.received.length === 1);
  expect(events.received[0]?.header.recordIds).toEqual([created.id]);
  events.close();
  client.close();
  expect(sandbox.state.requests.all().some((r) => r.path === '/services/data/v62.0/sobjects/Lead')).toBe(
    true,
  );
  server.closeAllConnections();
  await sandbox.close();
  expect(sandbox.internalErrors).toEqual([]);
});
