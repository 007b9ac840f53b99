// Conformance: owners pages and single owners — against PublicApiSpecs/CRM/Crm Owners/Rollouts/146888/v3/crmOwners.json.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../testing/harness.ts';
import { conforms } from './conforms.ts';
import { hubspotError } from './schemas/errorSchemas.ts';
import {
  collectionResponsePublicOwnerForwardPaging as ownerPage,
  publicOwner,
} from './schemas/ownerSchemas.ts';
import { viaClient } from './wire.ts';

let h: Harness;
beforeEach(async () => {
  h = await startHarness(
    { rateLimits: false },
    { owners: [{ email: 'ann@acme.io', firstName: 'Ann', lastName: 'Lee' }, { email: 'ben@acme.io' }] },
  );
});
afterEach(() => h.close());

const get = (path: string) => viaClient(h.client(), 'GET', `/crm/v3/owners${path}`);

describe('owners', () => {
  it('pages: CollectionResponsePublicOwnerForwardPaging, paging.next.after until the last page', async () => {
    const first = conforms(ownerPage, (await get('?limit=2')).body, 'page 1');
    expect(first.results).toHaveLength(2);
    const after = first.paging?.next?.after ?? '';
    expect(after).not.toBe('');
    const rest = conforms(ownerPage, (await get(`?limit=2&after=${after}`)).body, 'page 2');
    expect(rest.results.map((o) => o.email)).toEqual(['ben@acme.io']);
    expect(rest.paging).toBeUndefined();
  });

  it('by email, by id and by userId: PublicOwner', async () => {
    const [ann] = conforms(ownerPage, (await get('?email=ann@acme.io')).body, 'by email').results;
    expect(ann).toMatchObject({ firstName: 'Ann', type: 'PERSON' });
    expect(conforms(publicOwner, (await get(`/${ann?.id ?? ''}`)).body, 'by id').email).toBe('ann@acme.io');
    const byUser = conforms(
      publicOwner,
      (await get(`/${ann?.userId ?? 0}?idProperty=userId`)).body,
      'by userId',
    );
    expect(byUser.id).toBe(ann?.id);
  });

  it('an owner that does not exist: 404 `Error`', async () => {
    const answer = await get('/999999');
    expect(answer.status).toBe(404);
    expect(conforms(hubspotError, answer.body, '404').category).toBe('OBJECT_NOT_FOUND');
  });
});
