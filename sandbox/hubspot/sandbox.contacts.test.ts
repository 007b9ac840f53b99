// Faithfulness: contacts through the official client — shapes, batch caps and partial errors, forward-only
// lifecycle stage, unknown and read-only properties, duplicate emails, owners, tenant isolation, merges.
import { FilterOperatorEnum } from '@hubspot/api-client/lib/codegen/crm/contacts/models/Filter.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { apiError, startHarness, type Harness } from './testing/harness.ts';

let h: Harness;
beforeEach(async () => {
  h = await startHarness({ rateLimits: false });
});
afterEach(() => h.close());

const contacts = () => h.client().crm.contacts;
const create = (properties: Record<string, string>) =>
  contacts().basicApi.create({ properties, associations: [] });
const iso = (ms: number) => new Date(ms).toISOString();

function expectHubSpotError(body: Record<string, unknown>, category: string): void {
  expect(body).toMatchObject({ status: 'error', category });
  expect(body.message).toEqual(expect.any(String));
  expect(body.correlationId).toMatch(/^[0-9a-f-]{36}$/);
}

describe('contacts: shapes', () => {
  it('answers with string properties, ISO dates and a lastmodifieddate that moves on every change', async () => {
    const created = await create({ email: 'Ada@Example.com', numemployees: '50' });
    expect(created.id).toMatch(/^\d+$/);
    expect(created.properties).toMatchObject({
      email: 'ada@example.com',
      numemployees: '50',
      hs_object_id: created.id,
    });
    expect(created.properties.createdate).toBe(iso(h.clock.now()));
    h.clock.advance(60_000);
    const patched = await contacts().basicApi.update(created.id, { properties: { hs_lead_status: 'OPEN' } });
    expect(patched.properties.lastmodifieddate).toBe(iso(h.clock.now()));
    const read = await contacts().basicApi.getById(created.id, [
      'hs_lead_status',
      'jobtitle',
      'not_a_property',
    ]);
    expect(read.properties).toEqual({
      createdate: created.properties.createdate,
      hs_lead_status: 'OPEN',
      hs_object_id: created.id,
      jobtitle: null,
      lastmodifieddate: iso(h.clock.now()),
    });
    expect(read.createdAt).toBeInstanceOf(Date);
    expect(read.archived).toBe(false);
    // Writing the same value again is no change: lastmodifieddate stays.
    h.clock.advance(60_000);
    const same = await contacts().basicApi.update(created.id, { properties: { hs_lead_status: 'OPEN' } });
    expect(same.properties.lastmodifieddate).toBe(patched.properties.lastmodifieddate);
  });

  it('returns the default properties when none are asked for', async () => {
    const { id } = await create({ email: 'a@b.co', firstname: 'Ada', jobtitle: 'CTO' });
    const read = await contacts().basicApi.getById(id);
    expect(Object.keys(read.properties).sort()).toEqual([
      'createdate',
      'email',
      'firstname',
      'hs_object_id',
      'lastmodifieddate',
      'lastname',
    ]);
  });

  it('accepts datetimes as ISO strings or epoch milliseconds and returns ISO', async () => {
    const at = Date.parse('2026-01-02T03:04:05.678Z');
    const a = await create({ email: 'a@b.co', createdate: String(at) });
    const b = await create({ email: 'b@b.co', createdate: '2026-01-02T03:04:05.678Z' });
    expect(a.properties.createdate).toBe('2026-01-02T03:04:05.678Z');
    expect(b.properties.createdate).toBe('2026-01-02T03:04:05.678Z');
    const bad = await apiError(create({ email: 'c@b.co', createdate: 'yesterday' }));
    expect(bad.code).toBe(400);
    expect(String(bad.body.message)).toContain('INVALID_LONG');
  });

  it('pages through contacts with after cursors', async () => {
    for (let i = 0; i < 5; i++) await create({ email: `p${i}@b.co` });
    const first = await contacts().basicApi.getPage(2);
    expect(first.results).toHaveLength(2);
    const after = first.paging?.next?.after;
    expect(after).toEqual(expect.any(String));
    const rest = await contacts().basicApi.getPage(10, after);
    expect(rest.results.map((r) => r.properties.email)).toEqual(['p2@b.co', 'p3@b.co', 'p4@b.co']);
    expect(rest.paging).toBeUndefined();
  });

  it('archives: 204, then 404, and archiving again is still 204', async () => {
    const { id } = await create({ email: 'gone@b.co' });
    await contacts().basicApi.archive(id);
    const missing = await apiError(contacts().basicApi.getById(id));
    expect(missing.code).toBe(404);
    expectHubSpotError(missing.body, 'OBJECT_NOT_FOUND');
    await contacts().basicApi.archive(id);
    expect((await contacts().basicApi.getById(id, undefined, undefined, undefined, true)).archived).toBe(
      true,
    );
  });
});

describe('contacts: batches', () => {
  it('refuses more than 100 inputs with a 400 VALIDATION_ERROR', async () => {
    const inputs = Array.from({ length: 101 }, (_, i) => ({
      properties: { email: `b${i}@b.co` },
      associations: [],
    }));
    const err = await apiError(contacts().batchApi.create({ inputs }));
    expect(err.code).toBe(400);
    expectHubSpotError(err.body, 'VALIDATION_ERROR');
    expect(h.sandbox.state.portal(h.setup.portal.id).contacts()).toHaveLength(0);
    const ok = await contacts().batchApi.create({ inputs: inputs.slice(0, 100) });
    expect(ok).toMatchObject({ status: 'COMPLETE' });
    expect(ok.results).toHaveLength(100);
    expect(ok.startedAt).toBeInstanceOf(Date);
  });

  it('reads what exists and reports missing ids in a 207 (errors, numErrors)', async () => {
    const { id } = await create({ email: 'here@b.co' });
    const res = await contacts().batchApi.readWithHttpInfo({
      inputs: [{ id }, { id: '999' }],
      properties: ['email'],
      propertiesWithHistory: [],
    });
    expect(res.httpStatusCode).toBe(207);
    expect(res.data.results.map((r) => r.id)).toEqual([id]);
    expect(res.data).toMatchObject({
      status: 'COMPLETE',
      numErrors: 1,
      errors: [{ status: 'error', category: 'OBJECT_NOT_FOUND', context: { ids: ['999'] } }],
    });
  });

  it('reads by email as idProperty', async () => {
    const { id } = await create({ email: 'by@email.co' });
    const res = await contacts().batchApi.read({
      idProperty: 'email',
      inputs: [{ id: 'BY@email.co' }],
      properties: [],
      propertiesWithHistory: [],
    });
    expect(res.results[0]?.id).toBe(id);
  });

  it('updates the ids that exist and reports the others in a 207', async () => {
    const { id } = await create({ email: 'u@b.co' });
    const res = await contacts().batchApi.updateWithHttpInfo({
      inputs: [
        { id, properties: { jobtitle: 'VP' } },
        { id: '424242', properties: { jobtitle: 'VP' } },
      ],
    });
    expect(res.httpStatusCode).toBe(207);
    expect(res.data.results[0]?.properties.jobtitle).toBe('VP');
  });

  it('fails the whole batch when one input has an unknown property', async () => {
    const err = await apiError(
      contacts().batchApi.create({
        inputs: [
          { properties: { email: 'ok@b.co' }, associations: [] },
          { properties: { email: 'bad@b.co', favourite_colour: 'blue' }, associations: [] },
        ],
      }),
    );
    expect(err.code).toBe(400);
    expect(h.setup.portal.contacts()).toHaveLength(0);
  });
});

describe('contacts: validation', () => {
  it('answers an unknown property with 400 PROPERTY_DOESNT_EXIST', async () => {
    const { id } = await create({ email: 'v@b.co' });
    const err = await apiError(contacts().basicApi.update(id, { properties: { baton_stage: 'mql' } }));
    expect(err.code).toBe(400);
    expectHubSpotError(err.body, 'VALIDATION_ERROR');
    expect(String(err.body.message)).toMatch(
      /^Property values were not valid: \[.*"error":"PROPERTY_DOESNT_EXIST".*"name":"baton_stage"/,
    );
    expect(err.body.errors).toEqual([
      expect.objectContaining({ code: 'PROPERTY_DOESNT_EXIST', context: { propertyName: ['baton_stage'] } }),
    ]);
  });

  it('refuses writes to calculated properties and to options that do not exist', async () => {
    const { id } = await create({ email: 'r@b.co' });
    const ro = await apiError(
      contacts().basicApi.update(id, { properties: { notes_last_contacted: '2026-01-01T00:00:00Z' } }),
    );
    expect(String(ro.body.message)).toContain('READ_ONLY_VALUE');
    const option = await apiError(
      contacts().basicApi.update(id, { properties: { hs_lead_status: 'MAYBE' } }),
    );
    expect(String(option.body.message)).toContain('INVALID_OPTION');
    const number = await apiError(contacts().basicApi.update(id, { properties: { numemployees: 'many' } }));
    expect(number.code).toBe(400);
  });

  it('answers a second contact with the same email with 409 CONFLICT naming the existing id', async () => {
    const { id } = await create({ email: 'dup@b.co' });
    const err = await apiError(create({ email: 'DUP@b.co' }));
    expect(err.code).toBe(409);
    expectHubSpotError(err.body, 'CONFLICT');
    expect(err.body.message).toBe(`Contact already exists. Existing ID: ${id}`);
  });

  it('validates owners and stamps the owner assigned date when the owner changes', async () => {
    const rep = h.setup.portal.createOwner({ email: 'rep@b.co' });
    const { id } = await create({ email: 'o@b.co' });
    const wrong = await apiError(contacts().basicApi.update(id, { properties: { hubspot_owner_id: '1' } }));
    expect(String(wrong.body.message)).toContain('INVALID_OWNER_ID');
    h.clock.advance(5_000);
    const owned = await contacts().basicApi.update(id, { properties: { hubspot_owner_id: rep.id } });
    const read = await contacts().basicApi.getById(owned.id, ['hubspot_owner_assigneddate']);
    expect(read.properties.hubspot_owner_assigneddate).toBe(iso(h.clock.now()));
  });
});

describe('contacts: the modification stamp never goes back', () => {
  it('keeps lastmodifieddate when a simulated write is dated in the past, while the property history takes the date', () => {
    const portal = h.setup.portal;
    const rep = portal.createOwner({ email: 'late@b.co' });
    const { id } = portal.createContact({ email: 'past@b.co' }, { source: 'FORM' });
    const stamped = portal.contact(id)?.properties['lastmodifieddate'];
    portal.setProperties(id, { hubspot_owner_id: rep.id }, { at: h.clock.now() - 3_600_000 });
    const after = portal.contact(id)?.properties;
    expect(after?.['lastmodifieddate']).toBe(stamped);
    expect(after?.['hubspot_owner_assigneddate']).toBe(iso(h.clock.now() - 3_600_000));
  });
});

describe('contacts: lifecycle stage only moves forward', () => {
  it('keeps the later stage when an API write goes backward, and takes it after a clear', async () => {
    const { id } = await create({ email: 'l@b.co', lifecyclestage: 'salesqualifiedlead' });
    const backward = await contacts().basicApi.update(id, { properties: { lifecyclestage: 'lead' } });
    expect(backward.properties.lifecyclestage).toBe('salesqualifiedlead');
    const forward = await contacts().basicApi.update(id, { properties: { lifecyclestage: 'opportunity' } });
    expect(forward.properties.lifecyclestage).toBe('opportunity');
    await contacts().basicApi.update(id, { properties: { lifecyclestage: '' } });
    const reset = await contacts().basicApi.update(id, { properties: { lifecyclestage: 'lead' } });
    expect(reset.properties.lifecyclestage).toBe('lead');
    // A user in the CRM may move it back directly.
    h.setup.portal.setProperties(id, { lifecyclestage: 'subscriber' });
    expect(h.setup.portal.contact(id)?.properties.lifecyclestage).toBe('subscriber');
  });

  it('answers 400 instead when configured to reject', async () => {
    await h.close();
    h = await startHarness({ rateLimits: false, lifecycleBackward: 'reject' });
    const { id } = await create({ email: 'l@b.co', lifecyclestage: 'customer' });
    const err = await apiError(contacts().basicApi.update(id, { properties: { lifecyclestage: 'lead' } }));
    expect(err.code).toBe(400);
    expectHubSpotError(err.body, 'VALIDATION_ERROR');
  });
});

describe('contacts: tenants', () => {
  it('a token of one portal can neither read, change nor find another portal’s contacts', async () => {
    const { id } = await create({ email: 'secret@a.co' });
    const other = h.sandbox.state.createPortal({ name: 'Other' });
    const otherToken = h.sandbox.state.installApp(other.id, h.setup.app.appId).accessToken;
    const api = h.client(otherToken).crm.contacts;
    expect((await apiError(api.basicApi.getById(id))).code).toBe(404);
    expect((await apiError(api.basicApi.update(id, { properties: { jobtitle: 'x' } }))).code).toBe(404);
    const found = await api.searchApi.doSearch({
      filterGroups: [
        { filters: [{ propertyName: 'email', operator: FilterOperatorEnum.Eq, value: 'secret@a.co' }] },
      ],
    });
    expect(found.total).toBe(0);
    // Same email in another portal is a different contact, not a conflict.
    await api.basicApi.create({ properties: { email: 'secret@a.co' }, associations: [] });
  });
});

describe('contacts: merge and GDPR delete', () => {
  it('merges: the secondary id resolves to the primary, which takes missing values and lists', async () => {
    const a = await create({ email: 'a@m.co', firstname: 'Ada' });
    const b = await create({ email: 'b@m.co', jobtitle: 'CTO' });
    const list = h.setup.portal.createList('Nurture');
    h.setup.portal.changeListMembers(list.listId, [b.id], []);
    const merged = await contacts().basicApi.merge({ primaryObjectId: a.id, objectIdToMerge: b.id });
    expect(merged.id).toBe(a.id);
    const viaOld = await contacts().basicApi.getById(b.id, ['jobtitle', 'hs_merged_object_ids']);
    expect(viaOld.id).toBe(a.id);
    expect(viaOld.properties).toMatchObject({ jobtitle: 'CTO', hs_merged_object_ids: b.id });
    expect(h.setup.portal.listMembers(list.listId)).toEqual([a.id]);
  });

  it('GDPR-deletes a contact for good', async () => {
    const { id } = await create({ email: 'forget@me.co' });
    await contacts().basicApi.purge({ objectId: 'forget@me.co', idProperty: 'email' });
    expect(
      (await apiError(contacts().basicApi.getById(id, undefined, undefined, undefined, true))).code,
    ).toBe(404);
  });
});
