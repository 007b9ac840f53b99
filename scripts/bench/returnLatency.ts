// End to end: a rep's "Return to marketing" (the card's signed request) until the lead is in the nurture list in
// HubSpot, with the worker running as it does in production.
import { randomUUID } from 'node:crypto';
import { signV3 } from '../../src/crm/hubspot/requestSignature.ts';
import { getTenant } from '../../src/store/tenants.ts';
import type { BatonUnderTest } from './batonUnderTest.ts';
import { percentile } from './loadGenerator.ts';
import { seedHandRaisers } from './crmWrites.ts';

export interface ReturnLatencyFigures {
  returns: number;
  p50Ms: number;
  p99Ms: number;
}

export async function benchReturnLatency(b: BatonUnderTest, n: number): Promise<ReturnLatencyFigures> {
  const sandbox = b.running.sandbox;
  if (!sandbox) throw new Error('sandbox mode expected');
  const portal = sandbox.portal.portal;
  const rep = portal.owners.all().find((o) => o.email.endsWith('@acme.example'));
  const ids = seedHandRaisers(portal, n, 900_000);
  await b.quiet();
  for (const id of ids) portal.setProperties(id, { hubspot_owner_id: rep?.id ?? '' }, { source: 'CRM_UI' });
  await b.quiet();
  const listKey = 'nurture_timing';
  const tenant = await getTenant(b.running.database.db, b.tenantId);
  if (!tenant) throw new Error('no tenant');
  const lists = await b.running.workerDeps.listIdsFor(tenant);
  const listId = lists[listKey] ?? '';
  const base = b.running.config.publicUrl;
  const secret = sandbox.app.clientSecret;
  const latencies: number[] = [];
  for (const id of ids) {
    const path = `/api/hubspot/leads/${id}/return?portalId=${b.portalId}&userId=${rep?.userId ?? 0}`;
    const body = JSON.stringify({ reason: 'not_ready', requestId: randomUUID() });
    const timestamp = Date.now();
    const started = performance.now();
    const res = await fetch(`${base}${path}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-hubspot-request-timestamp': String(timestamp),
        'x-hubspot-signature-v3': signV3({ secret, method: 'POST', uri: `${base}${path}`, body, timestamp }),
      },
      body,
    });
    if (!res.ok) throw new Error(`return failed: ${res.status} ${await res.text()}`);
    while (!portal.listMembers(listId).includes(id)) await new Promise((r) => setTimeout(r, 5));
    latencies.push(performance.now() - started);
  }
  latencies.sort((a, c) => a - c);
  return { returns: n, p50Ms: percentile(latencies, 50), p99Ms: percentile(latencies, 99) };
}
