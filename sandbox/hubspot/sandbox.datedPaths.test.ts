// Faithfulness: the date-versioned (2026-03) CRM paths answer as their v3 counterparts, per HubSpot's specs
// (PublicApiSpecs/CRM/{Objects,Contacts,Properties,Lists,Crm Owners}/Rollouts/*/2026-03/*.json publish the same
// operations and shapes under /crm/objects/2026-03, /crm/properties/2026-03, /crm/lists/2026-03 and
// /crm/owners/2026-03). A date version HubSpot never published is an unknown route.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './testing/harness.ts';

let h: Harness;
beforeEach(async () => {
  h = await startHarness({ rateLimits: false });
});
afterEach(() => h.close());

async function call(method: string, path: string, body?: unknown) {
  const res = await h.client().apiRequest({ method, path, ...(body === undefined ? {} : { body }) });
  return { status: res.status, body: (await res.json()) as unknown };
}

describe('date-versioned CRM paths', () => {
  it('contacts, search, properties, lists and owners answer the same on v3 and 2026-03', async () => {
    const id = h.setup.portal.createContact({ email: 'dated@acme.example' }).id;
    await call('POST', '/crm/v3/lists', { name: 'Dated', objectTypeId: '0-1', processingType: 'MANUAL' });
    const search = {
      filterGroups: [{ filters: [{ propertyName: 'email', operator: 'EQ', value: 'dated@acme.example' }] }],
      after: '0',
    };
    const pairs: Array<[method: string, v3: string, dated: string, body?: unknown]> = [
      ['GET', `/crm/v3/objects/contacts/${id}`, `/crm/objects/2026-03/contacts/${id}`],
      ['POST', '/crm/v3/objects/contacts/search', '/crm/objects/2026-03/contacts/search', search],
      [
        'POST',
        '/crm/v3/objects/contacts/batch/read',
        '/crm/objects/2026-03/contacts/batch/read',
        { inputs: [{ id }], properties: ['email'] },
      ],
      [
        'GET',
        '/crm/v3/properties/contacts/lifecyclestage',
        '/crm/properties/2026-03/contacts/lifecyclestage',
      ],
      ['POST', '/crm/v3/lists/search', '/crm/lists/2026-03/search', { query: 'Dated' }],
      ['GET', '/crm/v3/owners?limit=5', '/crm/owners/2026-03?limit=5'],
    ];
    for (const [method, v3, dated, body] of pairs) {
      const before = await call(method, v3, body);
      const after = await call(method, dated, body);
      expect(before.status, v3).toBe(200);
      expect(after, dated).toEqual(before);
    }
  });

  it('writes through a dated path land in the same portal', async () => {
    const id = h.setup.portal.createContact({ email: 'write@acme.example' }).id;
    const res = await call('PATCH', `/crm/objects/2026-03/contacts/${id}`, {
      properties: { firstname: 'Dana' },
    });
    expect(res.status).toBe(200);
    expect((await call('GET', `/crm/v3/objects/contacts/${id}?properties=firstname`)).body).toMatchObject({
      properties: { firstname: 'Dana' },
    });
  });

  it('a date version HubSpot never published is not served', async () => {
    const res = await call('GET', '/crm/objects/2099-01/contacts');
    expect(res.status).toBe(404);
  });
});
