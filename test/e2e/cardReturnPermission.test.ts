// Who may return a lead through the card (hubspot.fetch, signed v3 as HubSpot signs it): the attack replayed — one
// rep returning another rep's lead — and a user id of another portal, refused with words the card shows; the
// owner, the owner's manager (the policy's escalation map) and a Baton admin of the portal, accepted. The ledger
// keeps who acted next to whose lead it was.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { funnelReport } from '../../src/domain/funnel/funnelReport.ts';
import { ledgerForPeriod } from '../../src/store/ledger.ts';
import { savePolicy } from '../../src/store/tenants.ts';
import { bootstrapPortal } from '../../sandbox/hubspot/bootstrap.ts';
import { startBaton, type BatonHarness } from '../support/batonHarness.ts';
import { returnLead as sendReturn } from '../support/cardRequest.ts';

let h: BatonHarness;
type Person = { ownerId: string; userId: number; name: string };
let maya: Person; // the leads' owner
let omar: Person; // another rep of the same portal
let lena: Person; // Maya's manager in the policy's escalation map
let admin: Person; // installed Baton: a Baton admin of the portal
let outsiderUserId: number; // a user of another HubSpot portal
const leads: Record<'attacked' | 'outsider' | 'owner' | 'manager' | 'admin', string> = {
  attacked: '',
  outsider: '',
  owner: '',
  manager: '',
  admin: '',
};

/** The card's signed return, with a note where the reason needs one. */
const returnLead = (leadId: string, userId: number, reason: string, requestId: string) =>
  sendReturn(h, leadId, userId, {
    reason,
    requestId,
    ...(reason === 'competitor' && { note: 'Works for a rival' }),
  });

function person(email: string): Person {
  const o = h.portal.owners.all().find((candidate) => candidate.email === email);
  if (!o) throw new Error(`no owner ${email}`);
  return { ownerId: o.id, userId: o.userId, name: `${o.firstName ?? ''} ${o.lastName ?? ''}`.trim() };
}

beforeAll(async () => {
  h = await startBaton({ at: new Date('2026-11-23T14:00:00Z') });
  maya = person('maya.reed@acme.example');
  omar = person('omar.haddad@acme.example');
  lena = person('lena.kraus@acme.example');
  const first = h.portal.owners.all()[0];
  admin = { ownerId: first?.id ?? '', userId: first?.userId ?? 0, name: 'admin' };
  const other = bootstrapPortal(h.running.sandbox?.sandbox.state ?? fail(), {
    owners: [{ email: 'eve@elsewhere.example', firstName: 'Eve' }],
  });
  outsiderUserId = other.portal.owners.all().find((o) => o.email === 'eve@elsewhere.example')?.userId ?? 0;
  const t = await h.tenant();
  const saved = await savePolicy(h.running.database.db, t.id, {
    ...t.policy,
    escalation: { managers: { [maya.ownerId]: lena.ownerId }, fallbackManagerId: null },
  });
  expect(saved.ok).toBe(true);
  expect(t.policy.admins).toEqual([String(admin.userId)]);
  for (const key of Object.keys(leads) as Array<keyof typeof leads>) {
    const c = h.portal.createContact({
      email: `${key}@fabrikam.example`,
      jobtitle: 'Head of Revenue Operations',
      numemployees: '600',
      industry: 'software',
      country: 'United States',
    });
    h.portal.submitForm(c.id, { name: 'Contact sales', at: h.now().getTime() });
    leads[key] = c.id;
  }
  await h.settle();
  for (const id of Object.values(leads))
    h.portal.setProperties(id, { hubspot_owner_id: maya.ownerId }, { source: 'CRM_UI' });
  await h.settle();
  for (const id of Object.values(leads))
    expect((await h.lead(id))?.state).toMatchObject({ stage: 'assigned' });
  h.advance(3_600_000);
});
afterAll(() => h.close());

function fail(): never {
  throw new Error('expected sandbox mode');
}

describe('who may return a lead from the card', () => {
  it("the attack: rep B's signed request to disqualify rep A's lead is a 403 that names the owner, and nothing changes", async () => {
    const before = await h.ledger(leads.attacked);
    const res = await returnLead(leads.attacked, omar.userId, 'competitor', 'attack-0001');
    expect(res.status).toBe(403);
    expect(res.json).toEqual({
      error: {
        code: 'forbidden',
        message: `Only ${maya.name}, their manager or a Baton admin of this portal can return this lead`,
      },
    });
    expect((await h.lead(leads.attacked))?.state).toMatchObject({ stage: 'assigned', ownerId: maya.ownerId });
    expect(await h.ledger(leads.attacked)).toHaveLength(before.length);
    expect(await h.pending()).toEqual([]);
  });

  it('a user id of another portal is a 403, even for a lead that exists here', async () => {
    const res = await returnLead(leads.outsider, outsiderUserId, 'not_ready', 'outsider-0001');
    expect(res.status).toBe(403);
    expect(res.json['error']).toMatchObject({
      code: 'forbidden',
      message: expect.stringContaining('not a user'),
    });
    expect((await h.lead(leads.outsider))?.state.stage).toBe('assigned');
  });

  it('a user id nobody has is a 403', async () => {
    const res = await returnLead(leads.outsider, 987654321, 'not_ready', 'nobody-00001');
    expect(res.status).toBe(403);
    expect((await h.lead(leads.outsider))?.state.stage).toBe('assigned');
  });

  it('the owner returns their lead (200); the ledger names them as actor and owner', async () => {
    const res = await returnLead(leads.owner, maya.userId, 'not_ready', 'owner-000001');
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ stage: 'recycled', duplicate: false });
    const row = (await h.ledger(leads.owner)).find((r) => r.cause === 'rep_returned' && r.to === 'returned');
    expect(row).toMatchObject({
      ownerId: maya.ownerId,
      actor: { kind: 'user', userId: String(maya.userId), ownerId: maya.ownerId },
    });
  });

  it("the owner's manager returns it (200); the ledger keeps the manager as actor, the rep as owner", async () => {
    const res = await returnLead(leads.manager, lena.userId, 'not_ready', 'manager-0001');
    expect(res.status).toBe(200);
    expect(res.json['stage']).toBe('recycled');
    const row = (await h.ledger(leads.manager)).find(
      (r) => r.cause === 'rep_returned' && r.to === 'returned',
    );
    expect(row).toMatchObject({
      ownerId: maya.ownerId,
      actor: { kind: 'user', userId: String(lena.userId), ownerId: lena.ownerId },
    });
  });

  it('a Baton admin of the portal returns it (200)', async () => {
    const res = await returnLead(leads.admin, admin.userId, 'not_ready', 'admin-000001');
    expect(res.status).toBe(200);
    expect(res.json['stage']).toBe('recycled');
    const row = (await h.ledger(leads.admin)).find((r) => r.cause === 'rep_returned' && r.to === 'returned');
    expect(row).toMatchObject({ ownerId: maya.ownerId, actor: { userId: String(admin.userId) } });
  });

  it('the owner can still return the lead the attack aimed at; a double click is one return', async () => {
    // Both clicks arrive together: the second is the first one's duplicate, not "the lead changed hands".
    const clicks = await Promise.all([
      returnLead(leads.attacked, maya.userId, 'not_ready', 'owner-000002'),
      returnLead(leads.attacked, maya.userId, 'not_ready', 'owner-000002'),
    ]);
    expect(
      clicks.map((c) => c.status),
      JSON.stringify(clicks),
    ).toEqual([200, 200]);
    expect(clicks.map((c) => c.json['duplicate']).sort()).toEqual([false, true]);
    const rows = (await h.ledger(leads.attacked)).filter((r) => r.cause === 'rep_returned');
    expect(rows.filter((r) => r.to === 'returned')).toHaveLength(1);
  });

  it('reject analytics: the returns count against Maya (by rep); who clicked is shown apart (by actor)', async () => {
    const t = await h.tenant();
    const from = new Date('2026-11-01T00:00:00Z');
    const to = new Date('2026-12-01T00:00:00Z');
    const rows = await ledgerForPeriod(h.running.database.db, t.id, from, to);
    const rr = funnelReport(rows, { period: { from, to }, policy: t.policy, bucket: 'week' }).rejectRate;
    expect(rr.returns).toBe(4);
    expect(rr.byRep.map((r) => r.key)).toEqual([maya.ownerId]);
    const actors = new Map(rr.byActor.map((a) => [a.key, a]));
    expect(actors.get(maya.ownerId)).toMatchObject({ returns: 2, ofOthersLeads: 0 });
    expect(actors.get(lena.ownerId)).toMatchObject({ returns: 1, ofOthersLeads: 1 });
    expect(actors.get(admin.ownerId)).toMatchObject({ returns: 1, ofOthersLeads: 1 });
    expect(actors.has(omar.ownerId)).toBe(false);
  });
});
