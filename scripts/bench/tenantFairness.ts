// Tenant fairness: tenant A (the sandbox HubSpot portal) is flooded with signed webhook batches of 1,000 events for
// contacts that exist, then tenant B (the sandbox Salesforce org) gets small batches of new demo requests; each
// of B's events is timed from the record's creation in the org until Baton has saved a decision for it, while
// A's backlog is still being worked. A short baseline without the flood says what the change-event path costs.
import { signV3 } from '../../src/crm/hubspot/requestSignature.ts';
import type { BatonUnderTest } from './batonUnderTest.ts';
import { fire, percentile, type LoadResult, type PreparedRequest } from './loadGenerator.ts';

export interface FairnessFigures {
  floodEvents: number;
  flood: LoadResult;
  /** B's batches while A was flooded, and how many of A's events were still pending after each. */
  batches: number;
  eventsPerBatch: number;
  floodPendingAfterBatch: number[];
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  /** The same measure before the flood. */
  baselineP99Ms: number;
}

const EVENTS_PER_REQUEST = 1_000;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function floodRequests(b: BatonUnderTest, contactIds: readonly string[]): PreparedRequest[] {
  const secret = b.running.sandbox?.app.clientSecret ?? '';
  const uri = `${b.running.config.publicUrl}/webhooks/hubspot`;
  const timestamp = Date.now();
  const requests: PreparedRequest[] = [];
  for (let start = 0; start < contactIds.length; start += EVENTS_PER_REQUEST) {
    const events = contactIds.slice(start, start + EVENTS_PER_REQUEST).map((id, i) => ({
      eventId: 5_000_000 + start + i,
      subscriptionId: 1,
      portalId: b.portalId,
      appId: 1,
      occurredAt: timestamp,
      subscriptionType: 'contact.propertyChange',
      attemptNumber: 0,
      objectId: Number(id),
      propertyName: 'jobtitle',
      propertyValue: 'VP Sales',
      changeSource: 'CRM_UI',
      sourceId: 'userId:1',
    }));
    const body = JSON.stringify(events);
    requests.push({
      path: '/webhooks/hubspot',
      body,
      headers: {
        'content-type': 'application/json',
        'x-hubspot-request-timestamp': String(timestamp),
        'x-hubspot-signature-v3': signV3({ secret, method: 'POST', uri, body, timestamp }),
      },
    });
  }
  return requests;
}

async function pendingOf(b: BatonUnderTest, tenantId: string): Promise<number> {
  const row = await b.running.database.db
    .selectFrom('inbox')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('tenant_id', '=', tenantId)
    .where('status', '=', 'pending')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Creates `n` demo requests in the org at once; resolves with each one's ms until its first decision. */
async function timedBatch(b: BatonUnderTest, orgTenant: string, n: number, seq: number): Promise<number[]> {
  const org = b.running.sandboxOrg?.org;
  if (!org) throw new Error('sandbox mode expected');
  const started = performance.now();
  const ids = Array.from({ length: n }, (_, i) => {
    const k = seq * n + i;
    return org.org.createLead(
      {
        FirstName: `Fair${k}`,
        LastName: 'Lead',
        Company: `Fairness ${k % 97}`,
        Email: `fair${k}@fairness${k % 97}.example`,
        Title: 'VP Sales',
        NumberOfEmployees: 400,
        Industry: 'Technology',
        Country: 'United States',
        LeadSource: 'Demo Request',
      },
      { assign: true, userId: org.marketingUser.id },
    ).id;
  });
  const latency = new Map<string, number>();
  const until = Date.now() + 120_000;
  while (latency.size < n) {
    if (Date.now() > until) throw new Error(`tenant B's batch was not decided in 120 s`);
    const rows = await b.running.database.db
      .selectFrom('leads')
      .select('lead_id')
      .where('tenant_id', '=', orgTenant)
      .where('lead_id', 'in', ids)
      .execute();
    for (const r of rows) if (!latency.has(r.lead_id)) latency.set(r.lead_id, performance.now() - started);
    await sleep(10);
  }
  return [...latency.values()];
}

export async function benchTenantFairness(
  b: BatonUnderTest,
  opts: { floodEvents: number; batches: number; eventsPerBatch?: number },
): Promise<FairnessFigures> {
  const sandbox = b.running.sandbox;
  const orgId = b.running.sandboxOrg?.org.org.id;
  if (!sandbox || !orgId) throw new Error('sandbox mode expected');
  const orgTenant = `salesforce-${orgId}`;
  const perBatch = opts.eventsPerBatch ?? 8;
  await b.running.changeFeeds?.subscribed(orgTenant);
  const contacts = sandbox.portal.portal.seedContacts(opts.floodEvents, (i) => ({
    email: `flood${i}@flood${i % 997}.example`,
    jobtitle: 'Director of Marketing',
    numemployees: String(300 + (i % 2000)),
    lifecyclestage: 'lead',
  }));

  const baseline: number[] = [];
  for (let i = 0; i < 2; i++) baseline.push(...(await timedBatch(b, orgTenant, perBatch, i)));

  const flood = await fire(
    b.running.config.publicUrl,
    floodRequests(
      b,
      contacts.map((c) => c.id),
    ),
    4,
  );
  if ((flood.statuses[200] ?? 0) !== flood.requests) {
    throw new Error(`the flood was not accepted whole: ${JSON.stringify(flood.statuses)}`);
  }
  const latencies: number[] = [];
  const floodPendingAfterBatch: number[] = [];
  for (let i = 0; i < opts.batches; i++) {
    latencies.push(...(await timedBatch(b, orgTenant, perBatch, 100 + i)));
    floodPendingAfterBatch.push(await pendingOf(b, b.tenantId));
    await sleep(1_000);
  }
  latencies.sort((x, y) => x - y);
  baseline.sort((x, y) => x - y);
  return {
    floodEvents: opts.floodEvents,
    flood,
    batches: opts.batches,
    eventsPerBatch: perBatch,
    floodPendingAfterBatch,
    p50Ms: percentile(latencies, 50),
    p99Ms: percentile(latencies, 99),
    maxMs: latencies.at(-1) ?? 0,
    baselineP99Ms: percentile(baseline, 99),
  };
}
