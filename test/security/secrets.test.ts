// Secrets stay secret: after an install, calls, a token refresh with rotation, failures (a forged code, an
// internal error, a revoked install), an uninstall and a reinstall, no access token, refresh token, client secret
// or ops token is in the logs, in any ops API answer or console page, in error answers, or anywhere in the
// database or its files other than as AES-GCM ciphertext.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tokenSetSchema } from '../../src/crm/hubspot/oauth.ts';
import { installBaton } from '../../sandbox/mode/sandboxPortal.ts';
import { loadCredentials } from '../../src/store/credentials.ts';
import { signV3 } from '../../src/crm/hubspot/requestSignature.ts';
import { OPS_TOKEN } from './support/fuzzWorld.ts';
import { startLoggedBaton, type LoggedBaton } from './support/loggedBaton.ts';
import { dumpDatabase, filesHolding, secretsIn, telltalesOf } from './support/secretSearch.ts';

let b: LoggedBaton;
let base: string;
/** label → secret */
const secrets = new Map<string, string>();
/** what → the answer Baton gave (status line, headers and body) */
const answers = new Map<string, string>();

async function remember(what: string, path: string, init: RequestInit = {}): Promise<Response> {
  const res = await fetch(`${base}${path}`, { redirect: 'manual', ...init });
  const text = await res.clone().text();
  answers.set(what, `${res.status} ${JSON.stringify([...res.headers])}\n${text}`);
  return res;
}
const asOps = { headers: { authorization: `Bearer ${OPS_TOKEN}` } };

async function collectTokens(when: string): Promise<void> {
  const t = await b.tenant();
  const tokens = await loadCredentials(b.running.database.db, b.running.cipher, t.id, tokenSetSchema);
  if (!tokens) return;
  secrets.set(`access token (${when})`, tokens.accessToken);
  secrets.set(`refresh token (${when})`, tokens.refreshToken);
  // Sandbox mode connects a Salesforce org too: its tokens are as secret.
  const org = b.running.sandboxOrg;
  if (!org) return;
  const sf = await loadCredentials(
    b.running.database.db,
    b.running.cipher,
    `salesforce-${org.org.org.id}`,
    tokenSetSchema,
  );
  if (!sf) return;
  secrets.set(`salesforce access token (${when})`, sf.accessToken);
  secrets.set(`salesforce refresh token (${when})`, sf.refreshToken);
}

/** Contacts that become assigned leads: webhooks in, reads and writes out. */
async function someLeads(n: number): Promise<string[]> {
  const portal = b.running.sandbox?.portal.portal;
  if (!portal) throw new Error('sandbox expected');
  const owner = portal.owners.all()[0]?.id ?? '';
  const ids = Array.from({ length: n }, (_, i) => {
    const c = portal.createContact({
      email: `secret${i}-${Date.now()}@fabrikam.example`,
      jobtitle: 'VP Sales',
      numemployees: '800',
      industry: 'software',
      country: 'United States',
    });
    portal.submitForm(c.id, { name: 'Request a demo', at: b.now().getTime() });
    return c.id;
  });
  await b.settle();
  for (const id of ids) portal.setProperties(id, { hubspot_owner_id: owner }, { source: 'CRM_UI' });
  await b.settle();
  return ids;
}

beforeAll(async () => {
  b = await startLoggedBaton(new Date('2026-11-23T14:00:00Z'));
  base = b.running.config.publicUrl;
  const sandbox = b.running.sandbox;
  if (!sandbox) throw new Error('sandbox expected');
  secrets.set('client secret', sandbox.app.clientSecret);
  secrets.set('salesforce client secret', b.running.sandboxOrg?.app.clientSecret ?? '');
  secrets.set('ops token', OPS_TOKEN);
  await collectTokens('install');
  const leads = await someLeads(3);

  // A refresh: the access token is within five minutes of expiry; the refresh token rotates.
  b.advance(27 * 60_000);
  const tenant = await b.tenant();
  await (await b.running.workerDeps.crmFor(tenant)).readLeads(leads);
  await collectTokens('refresh');

  // Failures: a forged code at the callback, an internal error in a card request, a revoked install.
  const install = await fetch(`${base}/oauth/hubspot/install`, { redirect: 'manual' });
  const state = new URL(install.headers.get('location') ?? '').searchParams.get('state') ?? '';
  await remember('callback with a forged code', `/oauth/hubspot/callback?code=forged&state=${state}`);
  // The internal error: the table a return writes to is briefly away (valid input never fails on its own).
  // As the leads' owner (a user of the portal: who may return them), so the request reaches the ledger.
  const ownerUserId = sandbox.portal.portal.owners.all()[0]?.userId ?? 0;
  const path = `/api/hubspot/leads/${leads[0]}/return?portalId=${tenant.externalId}&userId=${ownerUserId}`;
  const body = JSON.stringify({
    reason: 'not_ready',
    requestId: 'req-secret-1',
    note: 'with the ledger away',
  });
  const timestamp = b.now().getTime();
  const signature = signV3({
    secret: sandbox.app.clientSecret,
    method: 'POST',
    uri: `${base}${path}`,
    body,
    timestamp,
  });
  const db = b.running.database.db;
  await sql`alter table ledger rename to ledger_away`.execute(db);
  try {
    await remember('card request failing inside', path, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-hubspot-request-timestamp': String(timestamp),
        'x-hubspot-signature-v3': signature,
      },
      body,
    });
  } finally {
    await sql`alter table ledger_away rename to ledger`.execute(db);
  }
  sandbox.sandbox.state.uninstallApp(sandbox.portal.portal.id, sandbox.portal.app.appId);
  b.advance(31 * 60_000);
  await b.job('reconcile', async () => (await b.running.workerDeps.crmFor(tenant)).readLeads(leads));
  await remember('uninstall', `/ops/api/tenants/${tenant.id}/uninstall`, { method: 'POST', ...asOps });

  // A reinstall: new tokens, then everything the ops side shows.
  await installBaton(base);
  await collectTokens('reinstall');
  await someLeads(1);
  for (const [what, p] of [
    ['tenants', '/ops/api/tenants'],
    ['alerts', '/ops/api/alerts'],
    ['sync log', '/ops/api/sync-log?limit=500'],
    ['failures', '/ops/api/failures'],
    ['failures of the tenant', `/ops/api/failures?tenantId=${tenant.id}`],
    ['sla board', `/ops/api/sla-board?tenantId=${tenant.id}`],
    ['funnel', `/ops/api/funnel?tenantId=${tenant.id}`],
    ['funnel csv', `/ops/api/funnel?tenantId=${tenant.id}&format=csv`],
    ['scorecard', `/ops/api/scorecard?tenantId=${tenant.id}`],
    ['scorecard csv', `/ops/api/scorecard?tenantId=${tenant.id}&format=csv`],
    ['backfill', `/ops/api/tenants/${tenant.id}/backfill`],
    ['metrics', '/metrics'],
    ...leads.map((l) => [`timeline ${l}`, `/ops/api/leads/${tenant.id}/${l}/timeline`]),
    ...[
      '',
      '/sync-log',
      '/failures',
      '/tenants',
      '/sla',
      '/funnel',
      '/scorecard',
      '/what-if',
      `/leads/${tenant.id}/${leads[0]}`,
    ].map((p) => [`console page /ops${p}`, `/ops${p}`]),
  ] as const)
    await remember(what, p, asOps);
  await remember('login with the ops token', '/ops/login', {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: `token=${OPS_TOKEN}`,
  });
}, 120_000);
afterAll(() => b.close());

describe('secrets', () => {
  it('the scenario did what it says: install, refresh with rotation, failures, reinstall', async () => {
    // HubSpot: 3 access and 3 refresh tokens (rotated), the client secret, the ops token; Salesforce: the org's
    // access and refresh token and the connected app's secret.
    expect(new Set([...secrets.values()]).size).toBe(11);
    const log = b.logText();
    expect(log).toMatch(/"crm":"hubspot","msg":"connect: code exchange failed"/);
    expect(log).toContain('request failed');
    expect(log).toMatch(/tenant status.*disconnected|disconnected.*tenant status/);
    expect(answers.get('card request failing inside')).toMatch(/^500 /);
    expect(answers.get('tenants')).toMatch(/^200 /);
    expect(answers.get('console page /ops')).toMatch(/^200 /);
  });

  it('no token, client secret or ops token in the logs', async () => {
    const log = b.logText();
    // The search finds what is there: the tenant id is logged.
    expect(secretsIn(log, new Map([['tenant id', (await b.tenant()).id]]))).toEqual(['tenant id']);
    expect(secretsIn(log, secrets)).toEqual([]);
  });

  it('none in any ops API answer, console page, metrics, or error answer', () => {
    const leaks = [...answers].flatMap(([what, text]) =>
      secretsIn(text, secrets).map((s) => `${what}: ${s}`),
    );
    expect(leaks).toEqual([]);
  });

  it('the database holds tokens only as ciphertext: not in credentials, sync_log, inbox, checkpoints or any other table', async () => {
    const db = b.running.database.db;
    const rows = await db.selectFrom('credentials').selectAll().execute();
    expect(rows.length).toBe(2); // the HubSpot portal and the Salesforce org
    for (const row of rows) {
      for (const column of [row.iv, row.tag, row.ciphertext]) {
        const bytes = Buffer.from(column);
        for (const [label, s] of secrets) {
          for (const t of telltalesOf(s))
            expect(bytes.includes(Buffer.from(t)), `${label} in credentials`).toBe(false);
        }
      }
    }
    const dump = await dumpDatabase(db);
    expect(
      secretsIn(dump.get('public.tenants') ?? '', new Map([['tenant id', (await b.tenant()).id]])),
    ).toEqual(['tenant id']);
    for (const table of ['public.credentials', 'public.sync_log', 'public.inbox', 'public.checkpoints'])
      expect(dump.has(table), table).toBe(true);
    const leaks = [...dump].flatMap(([table, text]) => secretsIn(text, secrets).map((s) => `${table}: ${s}`));
    expect(leaks).toEqual([]);
  });

  it('nor in any file of the database folder once it is written out', async () => {
    const tenantId = (await b.tenant()).id;
    await b.stop();
    expect(filesHolding(b.dataDir, new Map([['tenant id', tenantId]])).length).toBeGreaterThan(0);
    expect(filesHolding(b.dataDir, secrets)).toEqual([]);
  });
});
