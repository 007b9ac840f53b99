// Conformance: the objects API's single-record answers and pages — create, read (with associations), update,
// page through — against `SimplePublicObject`, `SimplePublicObjectWithAssociations` and
// `CollectionResponseSimplePublicObjectWithAssociationsForwardPaging`.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../testing/harness.ts';
import { conforms } from './conforms.ts';
import {
  collectionResponseSimplePublicObjectWithAssociationsForwardPaging as objectPage,
  simplePublicObject,
  simplePublicObjectWithAssociations,
} from './schemas/crmObjectSchemas.ts';
import { viaClient } from './wire.ts';

let h: Harness;
beforeEach(async () => {
  h = await startHarness({ rateLimits: false });
});
afterEach(() => h.close());

const call = (method: 'GET' | 'POST' | 'PATCH', path: string, body?: unknown) =>
  viaClient(h.client(), method, path, body);

describe('one record', () => {
  it('create 201, read 200 (a requested empty property is null), update 200', async () => {
    const created = await call('POST', '/crm/v3/objects/contacts', { properties: { email: 'one@b.co' } });
    expect(created.status).toBe(201);
    const { id } = conforms(simplePublicObject, created.body, 'create');
    const read = await call('GET', `/crm/v3/objects/contacts/${id}?properties=email,jobtitle`);
    const record = conforms(simplePublicObjectWithAssociations, read.body, 'read');
    expect(record.properties).toMatchObject({ email: 'one@b.co', jobtitle: null });
    const updated = await call('PATCH', `/crm/v3/objects/contacts/${id}`, { properties: { jobtitle: 'VP' } });
    expect(updated.status).toBe(200);
    expect(conforms(simplePublicObject, updated.body, 'update').properties.jobtitle).toBe('VP');
  });

  it('read with associations: each a CollectionResponseAssociatedId', async () => {
    const contact = h.setup.portal.createContact({ email: 'a@b.co' });
    const note = await call('POST', '/crm/v3/objects/notes', {
      properties: { hs_timestamp: new Date(h.clock.now()).toISOString(), hs_note_body: 'hi' },
      associations: [
        {
          to: { id: contact.id },
          types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: 202 }],
        },
      ],
    });
    expect(note.status).toBe(201);
    const read = await call('GET', `/crm/v3/objects/contacts/${contact.id}?associations=notes`);
    const record = conforms(simplePublicObjectWithAssociations, read.body, 'read with associations');
    expect(record.associations?.notes?.results).toHaveLength(1);
  });
});

describe('pages', () => {
  it('page through: paging.next.after and link until the last page', async () => {
    h.setup.portal.seedContacts(5, (i) => ({ email: `p${i}@b.co` }));
    const first = conforms(
      objectPage,
      (await call('GET', '/crm/v3/objects/contacts?limit=3')).body,
      'page 1',
    );
    const after = first.paging?.next?.after;
    expect(after).toEqual(expect.any(String));
    const second = conforms(
      objectPage,
      (await call('GET', `/crm/v3/objects/contacts?limit=3&after=${after ?? ''}`)).body,
      'page 2',
    );
    expect(second.results).toHaveLength(2);
    expect(second.paging).toBeUndefined();
  });
});
