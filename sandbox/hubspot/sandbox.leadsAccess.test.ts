// Faithfulness: who may touch leads. The leads APIs need crm.objects.leads.read|write (security of
// PublicApiSpecs/CRM/Leads/Rollouts/424/2026-03/leads.json); a token without them gets 403 MISSING_SCOPES while its
// contact calls keep working. An account without the Leads object (Sales Hub below Professional) never grants those
// scopes: optional ones are dropped at install, required ones fail it (changelog 2018-02-01 "Integration Permission
// Error"); what HubSpot answers a lead call there is not published — the sandbox answers 403 MISSING_SCOPES.
import { afterEach, describe, expect, it } from 'vitest';
import type { BootstrapInput } from './bootstrap.ts';
import type { Answer } from './testing/answer.ts';
import { startHarness, type Harness } from './testing/harness.ts';

let h: Harness | undefined;
afterEach(() => h?.close());

async function start(bootstrap: BootstrapInput = {}): Promise<Harness> {
  h = await startHarness({ rateLimits: false }, bootstrap);
  return h;
}

async function call(harness: Harness, token: string, method: string, path: string, body?: unknown) {
  const res = await harness
    .client(token)
    .apiRequest({ method, path, ...(body === undefined ? {} : { body }) });
  return { status: res.status, body: (await res.json().catch(() => null)) as Answer };
}

const CONTACT_ONLY = [
  'oauth',
  'crm.objects.contacts.read',
  'crm.objects.contacts.write',
  'crm.schemas.contacts.read',
];

/** Every lead-facing path, read and write. */
const leadCalls = (contactId: string): Array<[string, string, unknown?, string?]> => [
  ['GET', '/crm/v3/objects/leads', undefined, 'crm.objects.leads.read'],
  ['POST', '/crm/objects/2026-03/leads/search', { after: '0' }, 'crm.objects.leads.read'],
  ['POST', '/crm/v3/objects/leads', { properties: { hs_lead_name: 'x' } }, 'crm.objects.leads.write'],
  ['GET', '/crm/v3/properties/leads', undefined, 'crm.objects.leads.read'],
  ['GET', '/crm/pipelines/2026-03/0-136', undefined, 'crm.objects.leads.read'],
  [
    'POST',
    '/crm/associations/2026-03/contacts/leads/batch/read',
    { inputs: [{ id: contactId }] },
    'crm.objects.leads.read',
  ],
  ['GET', `/crm/v4/objects/contacts/${contactId}/associations/leads`, undefined, 'crm.objects.leads.read'],
];

describe('leads scopes', () => {
  it('a token without them gets 403 MISSING_SCOPES naming the scope; contacts still work', async () => {
    const harness = await start();
    const { portal, app } = harness.setup;
    const token = harness.sandbox.state.installApp(portal.id, app.appId, {
      scopes: CONTACT_ONLY,
    }).accessToken;
    const contact = portal.createContact({ email: 'a@acme.example' });
    for (const [method, path, body, scope] of leadCalls(contact.id)) {
      const res = await call(harness, token, method, path, body);
      expect(res.status, path).toBe(403);
      expect(res.body, path).toMatchObject({
        category: 'MISSING_SCOPES',
        errors: [{ context: { requiredGranularScopes: [scope] } }],
      });
    }
    expect((await call(harness, token, 'GET', `/crm/v3/objects/contacts/${contact.id}`)).status).toBe(200);
    expect(
      (await call(harness, token, 'POST', '/crm/v3/objects/contacts/batch/read', { inputs: [] })).status,
    ).toBe(200);
  });

  it('read-only leads scope reads but cannot write', async () => {
    const harness = await start();
    const { portal, app } = harness.setup;
    const scopes = [...CONTACT_ONLY, 'crm.objects.leads.read'];
    const token = harness.sandbox.state.installApp(portal.id, app.appId, { scopes }).accessToken;
    const lead = portal.createLead(portal.createContact({ email: 'b@acme.example' }).id, undefined);
    expect((await call(harness, token, 'GET', `/crm/v3/objects/leads/${lead.id}`)).status).toBe(200);
    const patch = await call(harness, token, 'PATCH', `/crm/v3/objects/leads/${lead.id}`, {
      properties: { hs_lead_name: 'y' },
    });
    expect(patch.status).toBe(403);
  });

  it('the default app may request them and its install gets them', async () => {
    const harness = await start();
    expect(harness.setup.app.scopes).toEqual(
      expect.arrayContaining(['crm.objects.leads.read', 'crm.objects.leads.write']),
    );
    expect((await call(harness, harness.setup.accessToken, 'GET', '/crm/v3/pipelines/leads')).status).toBe(
      200,
    );
  });
});

describe('an account without the Leads object', () => {
  it('drops the optional leads scopes at install and answers lead calls 403; contacts work', async () => {
    const harness = await start({ leadsObject: false });
    const { portal, accessToken, privateAppToken } = harness.setup;
    const contact = portal.createContact({ email: 'c@acme.example' });
    for (const token of [accessToken, privateAppToken]) {
      for (const [method, path, body] of leadCalls(contact.id)) {
        const res = await call(harness, token, method, path, body);
        expect(res.status, path).toBe(403);
        expect(res.body.category).toBe('MISSING_SCOPES');
      }
      expect((await call(harness, token, 'GET', `/crm/v3/objects/contacts/${contact.id}`)).status).toBe(200);
    }
    const url = new URL(harness.setup.authorizeUrl(harness.baseUrl, 's'));
    expect(url.searchParams.get('optional_scope')).toBe('crm.objects.leads.read crm.objects.leads.write');
    const res = await fetch(url, { redirect: 'manual' });
    expect(res.status).toBe(302);
  });

  it('refuses an install that requires the leads scopes', async () => {
    const harness = await start({ leadsObject: false });
    const url = new URL('/oauth/authorize', harness.baseUrl);
    url.searchParams.set('client_id', harness.setup.app.clientId);
    url.searchParams.set('redirect_uri', 'http://localhost:3000/oauth/hubspot/callback');
    url.searchParams.set('scope', 'oauth crm.objects.leads.read');
    const res = await fetch(url, { redirect: 'manual' });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('crm.objects.leads.read');
  });
});
