// Faithfulness: CRM search — operators, sorts, paging, the filter and page-size limits, and the
// 10,000-results cap (paging past it is a 400).
import type { Client } from '@hubspot/api-client';
import {
  FilterOperatorEnum as Op,
  type Filter,
} from '@hubspot/api-client/lib/codegen/crm/contacts/models/Filter.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiError, startHarness, type Harness } from './testing/harness.ts';

type SearchRequest = Parameters<Client['crm']['contacts']['searchApi']['doSearch']>[0];

let h: Harness;
const ids: Record<string, string> = {};
beforeAll(async () => {
  h = await startHarness({ rateLimits: false });
  const people: Array<Record<string, string>> = [
    {
      email: 'ada@acme.io',
      firstname: 'Ada',
      numemployees: '10',
      lifecyclestage: 'lead',
      createdate: '2026-01-01T00:00:00Z',
    },
    {
      email: 'bob@acme.io',
      firstname: 'Bob',
      numemployees: '250',
      lifecyclestage: 'marketingqualifiedlead',
      createdate: '2026-02-01T00:00:00Z',
    },
    { email: 'cy@other.org', firstname: 'Cy', numemployees: '5000', createdate: '2026-03-01T00:00:00Z' },
    {
      email: 'di@other.org',
      firstname: 'Di',
      lifecyclestage: 'customer',
      createdate: '2026-04-01T00:00:00Z',
    },
  ];
  for (const p of people) ids[p.firstname ?? ''] = h.setup.portal.createContact(p).id;
});
afterAll(() => h.close());

const search = (body: Partial<SearchRequest>) =>
  h.client().crm.contacts.searchApi.doSearch({ filterGroups: [], ...body } as SearchRequest);
const names = async (filters: Filter[]) =>
  (
    await search({ filterGroups: [{ filters }], properties: ['firstname'], sorts: ['firstname'] })
  ).results.map((r) => r.properties.firstname);

describe('search: operators', () => {
  it.each([
    [
      'EQ (case-insensitive text)',
      [{ propertyName: 'email', operator: Op.Eq, value: 'ADA@acme.io' }],
      ['Ada'],
    ],
    [
      'NEQ (includes records without the value)',
      [{ propertyName: 'lifecyclestage', operator: Op.Neq, value: 'lead' }],
      ['Bob', 'Cy', 'Di'],
    ],
    ['LT on numbers', [{ propertyName: 'numemployees', operator: Op.Lt, value: '250' }], ['Ada']],
    ['LTE', [{ propertyName: 'numemployees', operator: Op.Lte, value: '250' }], ['Ada', 'Bob']],
    ['GT', [{ propertyName: 'numemployees', operator: Op.Gt, value: '250' }], ['Cy']],
    ['GTE', [{ propertyName: 'numemployees', operator: Op.Gte, value: '250' }], ['Bob', 'Cy']],
    [
      'BETWEEN datetimes in epoch ms',
      [
        {
          propertyName: 'createdate',
          operator: Op.Between,
          value: String(Date.parse('2026-01-15T00:00:00Z')),
          highValue: String(Date.parse('2026-03-01T00:00:00Z')),
        },
      ],
      ['Bob', 'Cy'],
    ],
    [
      'GTE datetime as ISO',
      [{ propertyName: 'createdate', operator: Op.Gte, value: '2026-03-01T00:00:00Z' }],
      ['Cy', 'Di'],
    ],
    [
      'IN',
      [{ propertyName: 'lifecyclestage', operator: Op.In, values: ['lead', 'customer'] }],
      ['Ada', 'Di'],
    ],
    [
      'NOT_IN',
      [{ propertyName: 'lifecyclestage', operator: Op.NotIn, values: ['lead', 'customer'] }],
      ['Bob', 'Cy'],
    ],
    ['HAS_PROPERTY', [{ propertyName: 'numemployees', operator: Op.HasProperty }], ['Ada', 'Bob', 'Cy']],
    ['NOT_HAS_PROPERTY', [{ propertyName: 'lifecyclestage', operator: Op.NotHasProperty }], ['Cy']],
    [
      'AND within a group',
      [
        { propertyName: 'email', operator: Op.ContainsToken, value: '*acme.io' },
        { propertyName: 'numemployees', operator: Op.Gt, value: '100' },
      ],
      ['Bob'],
    ],
  ] satisfies Array<[string, Filter[], string[]]>)('%s', async (_name, filters, expected) => {
    expect(await names(filters)).toEqual(expected);
  });

  it('ORs filter groups, sorts descending and pages with after', async () => {
    const body = {
      filterGroups: [
        { filters: [{ propertyName: 'firstname', operator: Op.Eq, value: 'Ada' }] },
        { filters: [{ propertyName: 'firstname', operator: Op.Eq, value: 'Di' }] },
        { filters: [{ propertyName: 'firstname', operator: Op.Eq, value: 'Cy' }] },
      ],
      sorts: [{ propertyName: 'createdate', direction: 'DESCENDING' }],
      properties: ['firstname'],
      limit: 2,
    } as unknown as SearchRequest;
    const first = await search(body);
    expect(first.total).toBe(3);
    expect(first.results.map((r) => r.properties.firstname)).toEqual(['Di', 'Cy']);
    expect(first.results[0]?.properties).toEqual({
      createdate: '2026-04-01T00:00:00.000Z',
      firstname: 'Di',
      hs_object_id: ids.Di,
      lastmodifieddate: expect.any(String),
    });
    const next = await search({ ...body, after: first.paging?.next?.after ?? '' });
    expect(next.results.map((r) => r.properties.firstname)).toEqual(['Ada']);
    expect(next.paging).toBeUndefined();
  });

  it('finds by free-text query', async () => {
    expect((await search({ query: 'other.org' })).total).toBe(2);
  });
});

describe('search: limits', () => {
  const f = { propertyName: 'firstname', operator: Op.HasProperty };
  it.each([
    ['6 filter groups', { filterGroups: Array.from({ length: 6 }, () => ({ filters: [f] })) }],
    ['7 filters in a group', { filterGroups: [{ filters: Array.from({ length: 7 }, () => f) }] }],
    [
      '19 filters in all',
      {
        filterGroups: [
          ...Array.from({ length: 3 }, () => ({ filters: Array.from({ length: 6 }, () => f) })),
          { filters: [f] },
        ],
      },
    ],
    ['a page of 201', { limit: 201 }],
    [
      'an unknown property',
      { filterGroups: [{ filters: [{ propertyName: 'nope', operator: Op.Eq, value: 'x' }] }] },
    ],
  ] as Array<[string, Partial<SearchRequest>]>)(
    'refuses %s with 400 VALIDATION_ERROR',
    async (_name, body) => {
      const err = await apiError(search(body));
      expect(err.code).toBe(400);
      expect(err.body).toMatchObject({ status: 'error', category: 'VALIDATION_ERROR' });
    },
  );

  it('allows the limits themselves: 5 groups × 3 + 3 filters = 18, a page of 200', async () => {
    const groups = [
      ...Array.from({ length: 4 }, () => ({ filters: Array.from({ length: 4 }, () => f) })),
      { filters: [f, f] },
    ];
    expect((await search({ filterGroups: groups, limit: 200 })).total).toBe(4);
  });
});

describe('search: the 10,000 results cap', () => {
  it('pages up to 10,000 results and answers 400 beyond', async () => {
    await h.close();
    h = await startHarness({ rateLimits: false });
    h.setup.portal.seedContacts(10_050, (i) => ({ email: `c${i}@bulk.io`, hs_lead_status: 'NEW' }));
    const body = {
      filterGroups: [{ filters: [{ propertyName: 'hs_lead_status', operator: Op.Eq, value: 'NEW' }] }],
      limit: 10,
    } as unknown as SearchRequest;
    const near = await search({ ...body, after: '9990' });
    expect(near.total).toBe(10_050);
    expect(near.results).toHaveLength(10);
    expect(near.paging?.next?.after).toBe('10000');
    const beyond = await apiError(search({ ...body, after: '10000' }));
    expect(beyond.code).toBe(400);
    expect(beyond.body).toMatchObject({ status: 'error', category: 'VALIDATION_ERROR' });
  });
});
