// Conformance: list memberships — add, remove, add-and-remove answers (`MembershipsUpdateResponse`, all three
// arrays every time), member pages and a record's lists — against PublicApiSpecs/CRM/Lists/Rollouts/144891/v3/lists.json.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../testing/harness.ts';
import { conforms } from './conforms.ts';
import { hubspotError } from './schemas/errorSchemas.ts';
import {
  apiCollectionResponseJoinTimeAndRecordId as memberPage,
  apiCollectionResponseRecordListMembership as recordLists,
  membershipsUpdateResponse,
} from './schemas/listSchemas.ts';
import { viaClient } from './wire.ts';

let h: Harness;
let ids: string[];
let listId: string;
beforeEach(async () => {
  h = await startHarness({ rateLimits: false });
  ids = h.setup.portal.seedContacts(4, (i) => ({ email: `l${i}@b.co` })).map((c) => c.id);
  const { list } = await h
    .client()
    .crm.lists.listsApi.create({ name: 'Nurture', objectTypeId: '0-1', processingType: 'MANUAL' });
  listId = list.listId;
});
afterEach(() => h.close());

const put = (path: string, body: unknown) =>
  viaClient(h.client(), 'PUT', `/crm/v3/lists/${listId}${path}`, body);
const get = (path: string) => viaClient(h.client(), 'GET', path);
const id = (i: number) => ids[i] ?? '';

describe('membership changes answer all three arrays', () => {
  it('add: what was added and what is missing, nothing removed', async () => {
    const answer = await put('/memberships/add', [id(0), id(1), '999999']);
    expect(answer.status).toBe(200);
    expect(conforms(membershipsUpdateResponse, answer.body, 'add')).toEqual({
      recordsIdsAdded: [id(0), id(1)],
      recordIdsRemoved: [],
      recordIdsMissing: ['999999'],
    });
  });

  it('remove: what was removed, nothing added', async () => {
    await put('/memberships/add', [id(0), id(1)]);
    const answer = await put('/memberships/remove', [id(1), id(2)]);
    expect(conforms(membershipsUpdateResponse, answer.body, 'remove')).toEqual({
      recordsIdsAdded: [],
      recordIdsRemoved: [id(1)],
      recordIdsMissing: [],
    });
  });

  it('add-and-remove', async () => {
    await put('/memberships/add', [id(0)]);
    const answer = await put('/memberships/add-and-remove', {
      recordIdsToAdd: [id(2)],
      recordIdsToRemove: [id(0)],
    });
    expect(conforms(membershipsUpdateResponse, answer.body, 'add-and-remove')).toEqual({
      recordsIdsAdded: [id(2)],
      recordIdsRemoved: [id(0)],
      recordIdsMissing: [],
    });
  });

  it('through api-client: remove() hands back recordsIdsAdded too', async () => {
    const removed = await h.client().crm.lists.membershipsApi.remove(listId, [id(3)]);
    expect(removed).toMatchObject({ recordsIdsAdded: [], recordIdsRemoved: [], recordIdsMissing: [] });
  });

  it('a list that does not exist: 404 `Error`', async () => {
    const answer = await viaClient(h.client(), 'PUT', '/crm/v3/lists/999999/memberships/remove', [id(0)]);
    expect(answer.status).toBe(404);
    conforms(hubspotError, answer.body, '404');
  });
});

describe('reading memberships', () => {
  it('member pages (by record id and join order) with paging.next.after', async () => {
    await put('/memberships/add', ids);
    for (const path of ['memberships', 'memberships/join-order']) {
      const first = conforms(memberPage, (await get(`/crm/v3/lists/${listId}/${path}?limit=3`)).body, path);
      expect(first.results).toHaveLength(3);
      const after = first.paging?.next?.after ?? '';
      const rest = conforms(
        memberPage,
        (await get(`/crm/v3/lists/${listId}/${path}?limit=3&after=${after}`)).body,
        `${path} page 2`,
      );
      expect(rest.results.map((r) => r.recordId)).toHaveLength(1);
    }
  });

  it("a record's lists: RecordListMembership with a string listId", async () => {
    await put('/memberships/add', [id(0)]);
    const answer = await get(`/crm/v3/lists/records/0-1/${id(0)}/memberships`);
    const body = conforms(recordLists, answer.body, "record's lists");
    expect(body.results.map((r) => r.listId)).toEqual([listId]);
  });
});
