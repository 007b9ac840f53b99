// Faithfulness: owners — paging, lookup by id, userId and email.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bootstrapPortal } from './bootstrap.ts';
import { apiError, startHarness, type Harness } from './testing/harness.ts';

let h: Harness;
beforeEach(async () => {
  h = await startHarness(
    { rateLimits: false },
    {
      owners: [
        { email: 'ann@acme.io', firstName: 'Ann', lastName: 'Lee' },
        { email: 'ben@acme.io', firstName: 'Ben', lastName: 'Ng' },
        { email: 'cat@acme.io', firstName: 'Cat', lastName: 'Oh' },
        { email: 'dan@acme.io', firstName: 'Dan', lastName: 'Po' },
      ],
    },
  );
});
afterEach(() => h.close());

describe('owners', () => {
  it('pages through owners (the admin user first) and finds one by id, userId or email', async () => {
    const owners = h.client().crm.owners.ownersApi;
    const first = await owners.getPage(undefined, undefined, 2);
    expect(first.results.map((o) => o.email)).toEqual(['admin@sandbox-portal.example.com', 'ann@acme.io']);
    const rest = await owners.getPage(undefined, first.paging?.next?.after, 10);
    expect(rest.results.map((o) => o.email)).toEqual(['ben@acme.io', 'cat@acme.io', 'dan@acme.io']);
    expect(rest.paging).toBeUndefined();
    const ann = first.results[1];
    expect(ann).toMatchObject({
      firstName: 'Ann',
      lastName: 'Lee',
      type: 'PERSON',
      teams: [],
      archived: false,
    });
    expect((await owners.getById(Number(ann?.id))).email).toBe('ann@acme.io');
    expect((await owners.getById(ann?.userId ?? 0, 'userId')).id).toBe(ann?.id);
    expect((await owners.getPage('cat@acme.io')).results.map((o) => o.firstName)).toEqual(['Cat']);
    expect((await apiError(owners.getById(1))).code).toBe(404);
  });

  it("a user of another portal is not an owner here, by userId (the card's signed user is checked this way)", async () => {
    const other = bootstrapPortal(h.sandbox.state, { owners: [{ email: 'eve@other.io', firstName: 'Eve' }] });
    const eve = (await h.client(other.accessToken).crm.owners.ownersApi.getPage('eve@other.io')).results[0];
    expect(eve?.userId).toBeTypeOf('number');
    const here = h.client().crm.owners.ownersApi;
    expect((await apiError(here.getById(eve?.userId ?? 0, 'userId'))).code).toBe(404);
    const there = await h.client(other.accessToken).crm.owners.ownersApi.getById(eve?.userId ?? 0, 'userId');
    expect(there.id).toBe(eve?.id);
  });
});
