// Salesforce write efficiency: API calls Baton makes per 1,000 leads in the sandbox org against the minimum the
// API allows (one SOQL read and one sObject Collections update per 200 leads), on the same kind of scenario as
// HubSpot's: N demo requests arriving through web-to-lead, picked up from change events, scored and written back.
import { channelsBehind } from '../demo/changeEventsStored.ts';
import { pendingEffects } from '../../src/store/effects.ts';
import type { BatonUnderTest } from './batonUnderTest.ts';

export interface SalesforceWriteFigures {
  sfLeads: number;
  sfCalls: number;
  sfCallsPerKLeads: number;
  sfMinCallsPerKLeads: number;
}

/** REST calls (not OAuth); reconciliation's window queries belong to its ticks, not to these leads. */
const isWorkCall = (r: { path: string; query: string }) =>
  r.path.startsWith('/services/data/') && !decodeURIComponent(r.query).includes('SystemModstamp');

async function quiet(b: BatonUnderTest, tenantId: string, timeoutMs = 300_000): Promise<void> {
  const org = b.running.sandboxOrg?.org.org;
  const db = b.running.database.db;
  const until = Date.now() + timeoutMs;
  let calm = 0;
  while (Date.now() < until) {
    const behind = org ? (await channelsBehind(db, tenantId, org)).length : 0;
    const inbox = await db
      .selectFrom('inbox')
      .select('id')
      .where('tenant_id', '=', tenantId)
      .where('status', '=', 'pending')
      .limit(1)
      .execute();
    const effects = await pendingEffects(db, tenantId, { limit: 1 });
    calm = behind === 0 && inbox.length === 0 && effects.length === 0 ? calm + 1 : 0;
    if (calm >= 3) return;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error('Baton did not settle the Salesforce org in time');
}

export async function benchSalesforceWrites(b: BatonUnderTest, n: number): Promise<SalesforceWriteFigures> {
  const sandboxOrg = b.running.sandboxOrg;
  if (!sandboxOrg) throw new Error('sandbox mode expected');
  const org = sandboxOrg.org.org;
  const tenantId = `salesforce-${org.id}`;
  await b.running.changeFeeds?.subscribed(tenantId);
  await quiet(b, tenantId);
  const log = sandboxOrg.sandbox.state.requests;
  const before = log.all().at(-1)?.id ?? 0;
  for (let i = 0; i < n; i++) {
    org.createLead(
      {
        FirstName: `Bench${i}`,
        LastName: 'Lead',
        Company: `Company ${i % 997}`,
        Email: `sfbench${i}@company${i % 997}.example`,
        Title: i % 2 ? 'VP Sales' : 'Director of Marketing',
        NumberOfEmployees: 300 + (i % 2000),
        Industry: 'Technology',
        Country: 'United States',
        LeadSource: 'Demo Request',
      },
      { assign: true, userId: sandboxOrg.org.marketingUser.id },
    );
  }
  await quiet(b, tenantId);
  const calls = log.all().filter((r) => r.id > before && isWorkCall(r)).length;
  return {
    sfLeads: n,
    sfCalls: calls,
    sfCallsPerKLeads: Math.round((calls / n) * 1000),
    sfMinCallsPerKLeads: (2 * Math.ceil(n / 200) * 1000) / n,
  };
}
