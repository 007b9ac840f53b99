// Faithfulness: lists v3 — create and find, memberships on MANUAL lists with HubSpot's field names
// (recordsIdsAdded, sic), re-adding is not an error, DYNAMIC lists refuse manual changes, paging.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { apiError, startHarness, type Harness } from './testing/harness.ts';

let h: Harness;
let ids: string[];
beforeEach(async () => {
  h = await startHarness({ rateLimits: false });
  ids = h.setup.portal.seedContacts(5, (i) => ({ email: `l${i}@b.co` })).map((c) => c.id);
});
afterEach(() => h.close());

const lists = () => h.client().crm.lists;
const manual = (name: string) =>
  lists().listsApi.create({ name, objectTypeId: '0-1', processingType: 'MANUAL' });

describe('lists', () => {
  it('creates a MANUAL list and finds it by id, by name and by search', async () => {
    const { list } = await manual('Nurture — not ready');
    expect(list).toMatchObject({
      name: 'Nurture — not ready',
      objectTypeId: '0-1',
      processingType: 'MANUAL',
      listId: expect.stringMatching(/^\d+$/),
    });
    expect((await lists().listsApi.getById(list.listId)).list.name).toBe('Nurture — not ready');
    expect((await lists().listsApi.getByName('Nurture — not ready', '0-1')).list.listId).toBe(list.listId);
    const found = await lists().listsApi.doSearch({ query: 'nurture', processingTypes: ['MANUAL'] });
    expect(found.lists.map((l) => l.listId)).toEqual([list.listId]);
    expect((await apiError(lists().listsApi.getByName('Nope', '0-1'))).code).toBe(404);
    expect((await apiError(manual('Nurture — not ready'))).code).toBe(400);
  });

  it('searches by name as the spec describes: pages with offset and hasMore, filters by object type', async () => {
    for (const n of ['Nurture 1', 'Nurture 2', 'Nurture 3', 'Other']) await manual(n);
    const search = (body: Record<string, unknown>) =>
      h
        .client()
        .apiRequest({ method: 'POST', path: '/crm/v3/lists/search', body })
        .then(
          async (r) =>
            (await r.json()) as {
              lists: Array<{ name: string }>;
              offset: number;
              hasMore: boolean;
              total: number;
            },
        );
    const first = await search({ query: 'nurture', offset: 0, count: 2, additionalProperties: [] });
    expect(first).toMatchObject({ offset: 2, hasMore: true, total: 3 });
    expect(first.lists.map((l) => l.name)).toEqual(['Nurture 1', 'Nurture 2']);
    const second = await search({
      query: 'nurture',
      offset: first.offset,
      count: 2,
      additionalProperties: [],
    });
    expect(second).toMatchObject({ offset: 3, hasMore: false, total: 3 });
    expect(
      (await search({ query: 'nurture', objectTypeId: '0-2', offset: 0, additionalProperties: [] })).total,
    ).toBe(0);
    expect(
      (await search({ query: 'nurture', objectTypeId: '0-1', offset: 0, additionalProperties: [] })).total,
    ).toBe(3);
    // A deleted list is not found by name any more.
    const { lists: hits } = await lists().listsApi.doSearch({ query: 'Other' });
    await lists().listsApi.remove(hits[0]?.listId ?? '');
    expect((await lists().listsApi.doSearch({ query: 'Other' })).total).toBe(0);
  });

  it('adds members, reports missing ids, and does not treat an existing member as an error', async () => {
    const { list } = await manual('Nurture');
    const added = await lists().membershipsApi.add(list.listId, [ids[0] ?? '', ids[1] ?? '', '999999']);
    expect(added.recordsIdsAdded).toEqual([ids[0], ids[1]]);
    expect(added.recordIdsMissing).toEqual(['999999']);
    const again = await lists().membershipsApi.add(list.listId, [ids[0] ?? '', ids[2] ?? '']);
    expect(again.recordsIdsAdded).toEqual([ids[2]]);
    const both = await lists().membershipsApi.addAndRemove(list.listId, {
      recordIdsToAdd: [ids[3] ?? ''],
      recordIdsToRemove: [ids[0] ?? ''],
    });
    expect(both).toMatchObject({
      recordsIdsAdded: [ids[3]],
      recordIdsRemoved: [ids[0]],
      recordIdsMissing: [],
    });
    const removed = await lists().membershipsApi.remove(list.listId, [ids[1] ?? '']);
    expect(removed.recordIdsRemoved).toEqual([ids[1]]);
    expect(h.setup.portal.listMembers(list.listId)).toEqual([ids[2], ids[3]]);
  });

  it('pages through memberships and lists a record’s lists', async () => {
    const { list } = await manual('Big');
    await lists().membershipsApi.add(list.listId, ids);
    const first = await lists().membershipsApi.getPage(list.listId, undefined, undefined, 2);
    expect(first.results.map((r) => r.recordId)).toEqual(ids.slice(0, 2));
    expect(first.total).toBe(5);
    const second = await lists().membershipsApi.getPage(
      list.listId,
      first.paging?.next?.after,
      undefined,
      10,
    );
    expect(second.results.map((r) => r.recordId)).toEqual(ids.slice(2));
    const mine = await lists().membershipsApi.getLists('0-1', ids[0] ?? '');
    expect(mine.results.map((m) => m.listId)).toEqual([list.listId]);
  });

  it('refuses membership changes on a DYNAMIC list', async () => {
    const { list } = await lists().listsApi.create({
      name: 'Engaged',
      objectTypeId: '0-1',
      processingType: 'DYNAMIC',
      filterBranch: { filterBranchType: 'OR', filterBranches: [], filters: [] } as never,
    });
    const err = await apiError(lists().membershipsApi.add(list.listId, [ids[0] ?? '']));
    expect(err.code).toBe(400);
    expect(err.body).toMatchObject({ status: 'error', category: 'VALIDATION_ERROR' });
  });

  it('drops deleted contacts from their lists', async () => {
    const { list } = await manual('Leaving');
    await lists().membershipsApi.add(list.listId, [ids[0] ?? '']);
    await h.client().crm.contacts.basicApi.archive(ids[0] ?? '');
    expect(h.setup.portal.listMembers(list.listId)).toEqual([]);
  });
});
