// Conformance: CRM search — requests written to the spec's `PublicObjectSearchRequest` (with `after: "0"` on
// the first page, as HubSpot's docs say), answers checked against `CollectionResponseWithTotalSimplePublicObject`
// (total, results, paging.next.after) page by page, over the wire and through api-client's doSearch.
import { FilterOperatorEnum } from '@hubspot/api-client/lib/codegen/crm/contacts/models/Filter.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../testing/harness.ts';
import { conforms } from './conforms.ts';
import {
  collectionResponseWithTotalSimplePublicObject as searchPage,
  publicObjectSearchRequest,
} from './schemas/searchSchemas.ts';
import { viaClient } from './wire.ts';

let h: Harness;
beforeEach(async () => {
  h = await startHarness({ rateLimits: false });
  h.setup.portal.seedContacts(5, (i) => ({ email: `s${i}@b.co`, jobtitle: i < 4 ? 'VP' : 'Analyst' }));
});
afterEach(() => h.close());

/** A spec-conforming request for VPs, `limit` a page, from cursor `after`. */
const vps = (after: string, limit = 3) =>
  conforms(
    publicObjectSearchRequest,
    {
      filterGroups: [{ filters: [{ propertyName: 'jobtitle', operator: 'EQ', value: 'VP' }] }],
      sorts: ['email'],
      properties: ['email', 'jobtitle'],
      limit,
      after,
    },
    'search request',
  );

const search = (body: unknown) => viaClient(h.client(), 'POST', '/crm/v3/objects/contacts/search', body);

describe('search answers', () => {
  it('pages with total, results and paging.next.after until the last page', async () => {
    const first = await search(vps('0'));
    expect(first.status).toBe(200);
    const page1 = conforms(searchPage, first.body, 'page 1');
    expect(page1.total).toBe(4);
    expect(page1.results.map((r) => r.properties.email)).toEqual(['s0@b.co', 's1@b.co', 's2@b.co']);
    const after = page1.paging?.next?.after;
    expect(after).toEqual(expect.any(String));
    const page2 = conforms(searchPage, (await search(vps(after ?? ''))).body, 'page 2');
    expect(page2).toMatchObject({ total: 4 });
    expect(page2.results.map((r) => r.properties.email)).toEqual(['s3@b.co']);
    expect(page2.paging).toBeUndefined();
  });

  it('no match: total 0, results empty, no paging', async () => {
    const body = { ...vps('0'), query: 'nobody-matches-this' };
    const page = conforms(searchPage, (await search(body)).body, 'empty search');
    expect(page).toEqual({ total: 0, results: [] });
  });

  it('through api-client: doSearch with after "0" reads the same answer', async () => {
    const page = await h.client().crm.contacts.searchApi.doSearch({
      filterGroups: [
        { filters: [{ propertyName: 'jobtitle', operator: FilterOperatorEnum.Eq, value: 'VP' }] },
      ],
      sorts: ['email'],
      properties: ['email'],
      limit: 2,
      after: '0',
    });
    expect(page.total).toBe(4);
    expect(page.results).toHaveLength(2);
    expect(page.paging?.next?.after).toEqual(expect.any(String));
  });
});
