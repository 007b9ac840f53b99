// CRM write efficiency: API calls Baton makes per 1,000 leads against the minimum HubSpot's batch caps allow,
// and against a naive integration that handles each webhook event and each lead one call at a time — both on
// the same scenario: N hand-raisers arriving in a portal, read, scored and written back.
import { Client } from '@hubspot/api-client';
import Bottleneck from 'bottleneck';
import express from 'express';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { reasonsText, scoreCard } from '../../src/domain/scoring/scoreCard.ts';
import { defaultPolicy } from '../../src/domain/policy/schema.ts';
import { toCrmLead, READ_PROPERTIES, contactSchema } from '../../src/crm/hubspot/contactMapping.ts';
import { bootstrapPortal, createHubSpotSandbox } from '../../sandbox/hubspot/index.ts';
import type { Portal } from '../../sandbox/hubspot/index.ts';
import { WATCHED_PROPERTIES } from '../../src/crm/hubspot/contactMapping.ts';
import { HubSpotConnection } from '../../src/crm/hubspot/hubspotConnection.ts';
import { HubSpotCrm } from '../../src/crm/hubspot/hubspotCrm.ts';
import { LimiterRegistry } from '../../src/crm/rateLimits.ts';
import { HUBSPOT_LIMITS } from '../../src/crm/hubspot/limits.ts';
import type { BatonUnderTest } from './batonUnderTest.ts';

export interface WriteFigures {
  leads: number;
  batonCalls: number;
  callsPerKLeads: number;
  minCallsPerKLeads: number;
  naiveCallsPerKLeads: number;
  caused429: number;
}

const CRM_PATH = /^\/crm\//;

/** N strong-fit contacts asking for a demo: each becomes an MQL whose scores and stage Baton writes back. */
export function seedHandRaisers(portal: Portal, n: number, offset = 0): string[] {
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const c = portal.createContact(
      {
        email: `bench${offset + i}@company${(offset + i) % 997}.example`,
        jobtitle: i % 2 ? 'VP Sales' : 'Director of Marketing',
        numemployees: String(300 + (i % 2000)),
        industry: 'software',
        country: 'United States',
      },
      { source: 'FORM' },
    );
    portal.submitForm(c.id, { name: 'Request a demo' });
    ids.push(c.id);
  }
  return ids;
}

/** The naive integration: for every webhook event read the contact, and write the scores of every lead — one call each. */
async function naiveCalls(n: number): Promise<number> {
  // Only its call count matters, not its speed: no rate limit on either side (it would take minutes otherwise).
  const sandbox = createHubSpotSandbox({ rateLimits: false });
  const running = await sandbox.listen();
  const policy = defaultPolicy();
  let server: Server | undefined;
  try {
    const receiver = express();
    const setup = bootstrapPortal(sandbox.state, { webhookTargetUrl: 'http://127.0.0.1:1/placeholder' });
    const client = new Client({ accessToken: setup.privateAppToken, basePath: running.baseUrl });
    const crm = new HubSpotCrm(
      new HubSpotConnection({
        tenantId: 'naive',
        basePath: running.baseUrl,
        tokens: { accessToken: async () => setup.privateAppToken },
        limiters: new LimiterRegistry(HUBSPOT_LIMITS),
        log: () => {},
      }),
    );
    await crm.provision(policy);
    const limiter = new Bottleneck({ maxConcurrent: 8 });
    let pending = 0;
    receiver.post('/hooks', express.json({ limit: '2mb' }), (req, res) => {
      res.status(200).end();
      const events = req.body as Array<{ objectId: number }>;
      for (const e of events) {
        pending++;
        // Read, then write: two separately scheduled calls (a nested schedule could starve the limiter).
        void limiter
          .schedule(() => client.crm.contacts.basicApi.getById(String(e.objectId), [...READ_PROPERTIES]))
          .then((found) => {
            const lead = toCrmLead(contactSchema.parse(JSON.parse(JSON.stringify(found))));
            const card = scoreCard(
              { profile: lead.profile, events: lead.engagement },
              policy.scoring,
              new Date(),
            );
            return limiter.schedule(() =>
              client.crm.contacts.basicApi.update(lead.id, {
                properties: {
                  baton_fit_score: String(card.fit),
                  baton_engagement_score: String(card.engagement),
                  baton_grade: card.grade,
                  baton_score_reasons: reasonsText(card),
                },
              }),
            );
          })
          .catch(() => undefined)
          .finally(() => pending--);
      }
    });
    server = await new Promise<Server>((resolve) => {
      const s = receiver.listen(0, '127.0.0.1', () => resolve(s));
    });
    sandbox.state.setWebhookTarget(
      setup.app.appId,
      `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`,
    );
    for (const s of ['contact.creation' as const])
      sandbox.state.subscribe(setup.app.appId, { subscriptionType: s });
    for (const propertyName of WATCHED_PROPERTIES)
      sandbox.state.subscribe(setup.app.appId, { subscriptionType: 'contact.propertyChange', propertyName });
    const before = sandbox.state.requests.all({ path: CRM_PATH }).length;
    seedHandRaisers(setup.portal, n);
    await sandbox.flushWebhooks();
    while (pending > 0) await new Promise((r) => setTimeout(r, 200));
    return sandbox.state.requests.all({ path: CRM_PATH }).length - before;
  } finally {
    await new Promise<void>((r) => (server ? server.close(() => r()) : r()));
    await sandbox.close();
  }
}

export async function benchCrmWrites(b: BatonUnderTest, n: number): Promise<WriteFigures> {
  const sandbox = b.running.sandbox;
  if (!sandbox) throw new Error('sandbox mode expected');
  await b.quiet();
  const before = sandbox.sandbox.state.requests.all({ path: CRM_PATH }).length;
  const before429 = sandbox.sandbox.state.requests.all({ status: 429 }).length;
  seedHandRaisers(sandbox.portal.portal, n);
  await b.quiet();
  const calls = sandbox.sandbox.state.requests.all({ path: CRM_PATH }).slice(before);
  // Search calls belong to reconciliation ticks, not to processing these leads.
  const batonCalls = calls.filter((c) => !c.path.endsWith('/search')).length;
  const naive = await naiveCalls(Math.min(n, 1000));
  return {
    leads: n,
    batonCalls,
    callsPerKLeads: (batonCalls / n) * 1000,
    // One batch read and one batch update per 100 leads is the least HubSpot's caps allow.
    minCallsPerKLeads: (2 * Math.ceil(n / 100) * 1000) / n,
    naiveCallsPerKLeads: (naive / Math.min(n, 1000)) * 1000,
    caused429: sandbox.sandbox.state.requests.all({ status: 429 }).length - before429,
  };
}
