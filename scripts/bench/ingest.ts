// Webhook ingest: signed HubSpot batches through Baton's whole path (verify, parse, check portals, dedupe, store,
// queue — one transaction) against a bare express handler that only reads the body and answers 200. Same
// requests, same generator, same run.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { signV3 } from '../../src/crm/hubspot/requestSignature.ts';
import type { SandboxRunning } from '../../sandbox/mode/startSandboxMode.ts';
import { fire, type LoadResult, type PreparedRequest } from './loadGenerator.ts';

export interface IngestFigures {
  baton: LoadResult;
  bare: LoadResult;
  eventsPerRequest: number;
  eventsPerSec: number;
  ratio: number;
}

function prepare(
  running: SandboxRunning,
  portalId: number,
  count: number,
  eventsPerRequest: number,
  idOffset = 0,
): PreparedRequest[] {
  const secret = running.sandbox?.app.clientSecret ?? '';
  const uri = `${running.config.publicUrl}/webhooks/hubspot`;
  const timestamp = Date.now();
  return Array.from({ length: count }, (_, r) => {
    const events = Array.from({ length: eventsPerRequest }, (_, e) => ({
      eventId: idOffset + r * eventsPerRequest + e + 1,
      subscriptionId: 1,
      portalId,
      appId: 1,
      occurredAt: timestamp,
      subscriptionType: 'contact.propertyChange',
      attemptNumber: 0,
      objectId: 1_000_000 + idOffset + r * eventsPerRequest + e,
      propertyName: 'jobtitle',
      propertyValue: 'VP Sales',
      changeSource: 'CRM_UI',
      sourceId: 'userId:1',
    }));
    const body = JSON.stringify(events);
    return {
      path: '/webhooks/hubspot',
      body,
      headers: {
        'content-type': 'application/json',
        'x-hubspot-request-timestamp': String(timestamp),
        'x-hubspot-signature-v3': signV3({ secret, method: 'POST', uri, body, timestamp }),
      },
    };
  });
}

async function bareServer(): Promise<{ url: string; close(): Promise<void> }> {
  const app = express();
  app.post('/webhooks/hubspot', express.raw({ type: () => true, limit: '1mb' }), (_req, res) => {
    res.status(200).end();
  });
  const server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise((r) => server.close(() => r())),
  };
}

export async function benchIngest(
  running: SandboxRunning,
  portalId: number,
  opts = { requests: 3000, eventsPerRequest: 10, concurrency: 16 },
): Promise<IngestFigures> {
  const requests = prepare(running, portalId, opts.requests, opts.eventsPerRequest);
  const warm = prepare(running, portalId, 200, opts.eventsPerRequest, 50_000_000);
  const bare = await bareServer();
  try {
    await fire(bare.url, warm, opts.concurrency);
    await fire(running.config.publicUrl, warm, opts.concurrency);
    const bareResult = await fire(bare.url, requests, opts.concurrency);
    const batonResult = await fire(running.config.publicUrl, requests, opts.concurrency);
    const eventsPerSec = batonResult.perSecond * opts.eventsPerRequest;
    return {
      baton: batonResult,
      bare: bareResult,
      eventsPerRequest: opts.eventsPerRequest,
      eventsPerSec,
      ratio: batonResult.perSecond / bareResult.perSecond,
    };
  } finally {
    await bare.close();
  }
}
