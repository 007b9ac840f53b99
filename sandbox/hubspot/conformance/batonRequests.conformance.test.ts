// Conformance of Baton's own HubSpot adapter against the sandbox: every search request it sends matches the
// spec's `PublicObjectSearchRequest` (so `after` is there, "0" on a window's first page), and the list
// membership answers it reads match `MembershipsUpdateResponse`. Requests are read off the fetch api-client uses.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { HubSpotConnection } from '../../../src/crm/hubspot/hubspotConnection.ts';
import { HubSpotCrm } from '../../../src/crm/hubspot/hubspotCrm.ts';
import { HUBSPOT_LIMITS } from '../../../src/crm/hubspot/limits.ts';
import { LimiterRegistry } from '../../../src/crm/rateLimits.ts';
import { startHarness, type Harness } from '../testing/harness.ts';
import { conforms } from './conforms.ts';
import { membershipsUpdateResponse } from './schemas/listSchemas.ts';
import { publicObjectSearchRequest } from './schemas/searchSchemas.ts';

interface Sent {
  path: string;
  body: unknown;
}

let h: Harness;
let sent: Sent[];
let answers: Array<{ path: string; body: unknown }>;
let crm: HubSpotCrm;

beforeEach(async () => {
  h = await startHarness({ rateLimits: false });
  sent = [];
  answers = [];
  const realFetch = globalThis.fetch;
  vi.spyOn(globalThis, 'fetch').mockImplementation(async (input, init) => {
    const path = new URL(input instanceof Request ? input.url : String(input)).pathname;
    const body = typeof init?.body === 'string' ? (JSON.parse(init.body) as unknown) : undefined;
    sent.push({ path, body });
    const res = await realFetch(input, init);
    if (res.headers.get('content-type')?.includes('json'))
      answers.push({ path, body: (await res.clone().json()) as unknown });
    return res;
  });
  crm = new HubSpotCrm(
    new HubSpotConnection({
      tenantId: 'conformance',
      basePath: h.baseUrl,
      tokens: { accessToken: async () => h.setup.privateAppToken },
      limiters: new LimiterRegistry(HUBSPOT_LIMITS),
      log: () => undefined,
      retry: { random: () => 0.5 },
    }),
  );
});
afterEach(async () => {
  vi.restoreAllMocks();
  await h.close();
});

describe("Baton's requests", () => {
  it('search: every page a PublicObjectSearchRequest, the first with after "0"', async () => {
    for (let i = 0; i < 205; i++) h.setup.portal.createContact({ email: `m${i}@b.co` });
    const seen: string[] = [];
    for await (const page of crm.leadsModifiedBetween(new Date(0), new Date(h.clock.now() + 1)))
      seen.push(...page.map((l) => l.id));
    expect(seen).toHaveLength(205);
    const searches = sent.filter((s) => s.path.endsWith('/search'));
    expect(searches).toHaveLength(2);
    const bodies = searches.map((s, i) => conforms(publicObjectSearchRequest, s.body, `search ${i}`));
    expect(bodies.map((b) => b.after)).toEqual(['0', expect.stringMatching(/^\d+$/)]);
    expect(await crm.countLeadsModifiedBetween(new Date(0), new Date(h.clock.now() + 1))).toBe(205);
    conforms(publicObjectSearchRequest, sent.at(-1)?.body, 'count request');
  });

  it('list membership: add and remove answers are MembershipsUpdateResponse', async () => {
    const [a, b] = h.setup.portal.seedContacts(2, (i) => ({ email: `l${i}@b.co` }));
    const { list } = await h
      .client()
      .crm.lists.listsApi.create({ name: 'Nurture', objectTypeId: '0-1', processingType: 'MANUAL' });
    const added = await crm.addToList(list.listId, [a?.id ?? '', '999999']);
    expect(added.map((r) => r.ok)).toEqual([true, false]);
    const removed = await crm.removeFromList(list.listId, [a?.id ?? '', b?.id ?? '']);
    expect(removed.every((r) => r.ok)).toBe(true);
    const membership = answers.filter((x) => /\/memberships\/(add|remove)$/.test(x.path));
    expect(membership).toHaveLength(2);
    for (const m of membership) conforms(membershipsUpdateResponse, m.body, m.path);
  });
});
