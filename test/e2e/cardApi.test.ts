// The card API as HubSpot calls it (hubspot.fetch, signed v3): passport, reasons, settings, return — and what is
// refused: unsigned or wrongly signed requests, unknown portals, another portal's lead.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signV3 } from '../../src/crm/hubspot/requestSignature.ts';
import { connectTenant } from '../../src/store/tenants.ts';
import { startBaton, type BatonHarness } from '../support/batonHarness.ts';

let h: BatonHarness;
let leadId: string;
let repUserId: number;
let repName: string;
let adminUserId: number;

async function card(
  method: 'GET' | 'POST' | 'PUT',
  path: string,
  opts: { body?: unknown; portalId?: string; userId?: number | null; secret?: string; sign?: boolean } = {},
) {
  const t = await h.tenant();
  const base = h.running.config.publicUrl;
  const sep = path.includes('?') ? '&' : '?';
  const user = opts.userId === null ? '' : `&userId=${opts.userId ?? repUserId}`;
  const url = `${path}${sep}portalId=${opts.portalId ?? t.externalId}${user}`;
  const raw = opts.body === undefined ? '' : JSON.stringify(opts.body);
  const timestamp = h.now().getTime();
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (opts.sign !== false) {
    headers['x-hubspot-request-timestamp'] = String(timestamp);
    headers['x-hubspot-signature-v3'] = signV3({
      secret: opts.secret ?? h.running.sandbox?.app.clientSecret ?? '',
      method,
      uri: `${base}${url}`,
      body: raw,
      timestamp,
    });
  }
  const res = await fetch(`${base}${url}`, { method, headers, ...(raw && { body: raw }) });
  return { status: res.status, json: (await res.json()) as Record<string, unknown> };
}

beforeAll(async () => {
  h = await startBaton({ at: new Date('2026-11-23T14:00:00Z') });
  const rep = h.portal.owners.all().find((o) => o.email.endsWith('@acme.example'));
  repUserId = rep?.userId ?? 0;
  repName = `${rep?.firstName ?? ''} ${rep?.lastName ?? ''}`;
  // The portal's admin user installed Baton (sandbox mode walks the OAuth flow as them).
  adminUserId = h.portal.owners.all()[0]?.userId ?? 0;
  const c = h.portal.createContact({
    email: 'dana@fabrikam.example',
    jobtitle: 'Head of Revenue Operations',
    numemployees: '600',
    industry: 'software',
    country: 'United States',
  });
  h.portal.submitForm(c.id, { name: 'Contact sales', at: h.now().getTime() });
  leadId = c.id;
  await h.settle();
  h.portal.setProperties(leadId, { hubspot_owner_id: rep?.id ?? '' }, { source: 'CRM_UI' });
  await h.settle();
  h.advance(2 * 3_600_000);
  await connectTenant(h.running.database.db, { crm: 'hubspot', externalId: '555', name: 'Another portal' });
});
afterAll(() => h.close());

describe('card API', () => {
  it('the passport: stage on the success path, SLA countdown in business time, scores with reasons', async () => {
    const res = await card('GET', `/api/hubspot/leads/${leadId}/passport`);
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({
      tracked: true,
      stage: 'assigned',
      ownerName: repName,
      currentStep: 2,
      returnable: true,
      notReturnableWhy: null,
      sla: { status: 'on_time', businessMinutesLeft: 22 * 60 },
      scores: {
        grade: expect.stringMatching(/^[AB]/),
        fitReasons: expect.arrayContaining([expect.stringContaining('Director')]),
      },
    });
  });

  it('reasons a rep can pick, grouped by bucket, with their rules', async () => {
    const res = await card('GET', '/api/hubspot/reasons');
    const buckets = res.json['buckets'] as Array<{
      bucket: string;
      reasons: Array<{ code: string; noteRequired: boolean }>;
    }>;
    expect(buckets.map((b) => b.bucket)).toEqual(['reject', 'disqualify', 'recycle']);
    const codes = buckets.flatMap((b) => b.reasons.map((r) => r.code));
    expect(codes).toContain('not_ready');
    expect(codes).not.toContain('untouched'); // Baton's own rule, not a rep's choice
    expect(buckets[0]?.reasons.find((r) => r.code === 'bad_data')?.noteRequired).toBe(true);
  });

  it('settings: only the portal’s Baton admins may change them', async () => {
    const read = await card('GET', '/api/hubspot/settings');
    const res = await card('PUT', '/api/hubspot/settings', { body: { policy: read.json['policy'] } });
    expect(res.status).toBe(403);
    expect(res.json['error']).toMatchObject({
      code: 'forbidden',
      message: expect.stringContaining('admins'),
    });
  });

  it('settings: read, refuse an invalid save with the field named, save a valid one (as the installing admin)', async () => {
    const read = await card('GET', '/api/hubspot/settings', { userId: adminUserId });
    const policy = read.json['policy'] as { sla: Record<string, unknown> };
    expect(policy.sla['firstTouchHours']).toBe(24);
    const bad = await card('PUT', '/api/hubspot/settings', {
      userId: adminUserId,
      body: { policy: { ...policy, sla: { ...policy.sla, autoRecycleHours: 4 } } },
    });
    expect(bad.status).toBe(400);
    expect(bad.json).toEqual({
      error: {
        code: 'invalid_input',
        message: 'Some settings are not valid',
        problems: [
          { field: 'sla.autoRecycleHours', message: expect.stringContaining('first-touch deadline') },
        ],
      },
    });
    const good = await card('PUT', '/api/hubspot/settings', {
      userId: adminUserId,
      body: { policy: { ...policy, sla: { ...policy.sla, firstTouchHours: 8 } } },
    });
    expect(good.status).toBe(200);
    expect((await h.tenant()).policy.sla.firstTouchHours).toBe(8);
  });

  it('returns a lead: the answer says where it went', async () => {
    const res = await card('POST', `/api/hubspot/leads/${leadId}/return`, {
      body: { reason: 'wrong_owner', requestId: 'req-card-0001' },
    });
    expect(res.json).toMatchObject({
      stage: 'returned',
      lastReason: 'wrong_owner',
      duplicate: false,
      passport: expect.objectContaining({ stage: 'returned', returnable: false }),
    });
    await h.settle();
    expect(h.portal.listMembers(await h.listId('ops_review'))).toEqual([leadId]);
    const passport = await card('GET', `/api/hubspot/leads/${leadId}/passport`);
    expect(passport.json).toMatchObject({
      returnable: false,
      notReturnableWhy: expect.stringContaining('already returned'),
      returns: [
        expect.objectContaining({
          reason: 'wrong_owner',
          reasonLabel: 'Wrong owner or territory',
          byUserId: String(repUserId),
          // Named through HubSpot's owners API (the user id maps to the owner).
          byName: repName,
          outcome: null,
        }),
      ],
    });
  });

  it('a contact Baton never saw says why', async () => {
    const res = await card('GET', '/api/hubspot/leads/424242/passport');
    expect(res.json).toMatchObject({
      tracked: false,
      why: expect.stringContaining('has not seen this contact'),
    });
  });

  describe('refused', () => {
    it.each([
      ['unsigned', { sign: false }, 401],
      ['signed with another secret', { secret: 'not-the-app-secret' }, 401],
      ['for a portal Baton is not installed in', { portalId: '999' }, 403],
      ['without a user', { userId: null }, 400],
    ])('%s', async (_label, opts, status) => {
      const res = await card('GET', `/api/hubspot/leads/${leadId}/passport`, opts as Record<string, unknown>);
      expect(res.status).toBe(status);
      expect(res.json['error']).toMatchObject({ code: expect.any(String), message: expect.any(String) });
    });

    it("a request signed for one portal cannot see or touch another portal's lead", async () => {
      const passport = await card('GET', `/api/hubspot/leads/${leadId}/passport`, { portalId: '555' });
      expect(passport.json).toMatchObject({ tracked: false });
      expect(JSON.stringify(passport.json)).not.toContain('wrong_owner');
      const ret = await card('POST', `/api/hubspot/leads/${leadId}/return`, {
        portalId: '555',
        body: { reason: 'not_ready', requestId: 'req-card-0002' },
      });
      expect(ret.status).toBe(404);
      expect((await h.lead(leadId))?.state.stage).toBe('returned');
    });

    it.each([
      ['an unknown field', { reason: 'not_ready', requestId: 'req-card-0003', extra: 1 }],
      ['no requestId', { reason: 'not_ready' }],
      ['a date that is not a date', { reason: 'not_ready', requestId: 'req-card-0004', reengageAt: 'soon' }],
    ])('a return body with %s is a 400', async (_label, body) => {
      const res = await card('POST', `/api/hubspot/leads/${leadId}/return`, { body });
      expect(res.status).toBe(400);
      expect(res.json['error']).toMatchObject({ code: 'invalid_input', problems: expect.any(Array) });
    });
  });
});
