// Faithfulness: the Lead model through jsforce — single-record CRUD and field errors, describe with Baton's
// fields (or without them), queue ownership, converted leads, assignment rules and Sforce-Auto-Assign,
// duplicate campaign members, and the UI API edit a rep makes from the quick action.
import { afterEach, describe, expect, it } from 'vitest';
import { SF_FIELDS, SF_RETURN_REQUEST } from '../../src/crm/salesforce/batonFields.ts';
import type { BootstrapOrgInput } from './bootstrap.ts';
import { UI_ORIGIN } from './state/changeOrigins.ts';
import { sfError, startHarness, type Harness } from './testing/harness.ts';

let h: Harness;
afterEach(() => h.close());
const start = async (bootstrap: BootstrapOrgInput = {}): Promise<Harness> => {
  h = await startHarness({}, bootstrap);
  return h;
};
const NO_ASSIGN = { headers: { 'Sforce-Auto-Assign': 'FALSE' } };

describe('lead records', () => {
  it('creates, reads, updates and deletes a lead', async () => {
    const conn = (await start()).connection();
    const created = await conn
      .sobject('Lead')
      .create({ FirstName: 'Ana', LastName: 'Lima', Company: 'Acme', Email: 'ana@acme.io' });
    expect(created).toEqual({ id: expect.stringMatching(/^00Q\w{15}$/), success: true, errors: [] });
    const id = created.id ?? '';
    const lead = await conn.sobject('Lead').retrieve(id);
    expect(lead).toMatchObject({
      attributes: { type: 'Lead', url: `/services/data/v62.0/sobjects/Lead/${id}` },
      Id: id,
      Name: 'Ana Lima',
      Status: 'Open - Not Contacted',
      IsConverted: false,
      LastActivityDate: null,
      CreatedDate: '2026-10-01T09:00:00.000+0000',
      [SF_FIELDS.stage]: null,
    });
    await conn
      .sobject('Lead')
      .update({ Id: id, [SF_FIELDS.fit]: 80, [SF_FIELDS.slaDueAt]: '2026-10-02T09:00:00Z' }, NO_ASSIGN);
    const some = await conn.sobject('Lead').retrieve(id, { fields: [SF_FIELDS.fit, SF_FIELDS.slaDueAt] });
    expect(some).toMatchObject({ [SF_FIELDS.fit]: 80, [SF_FIELDS.slaDueAt]: '2026-10-02T09:00:00.000+0000' });
    await conn.sobject('Lead').destroy(id);
    expect((await sfError(conn.sobject('Lead').retrieve(id))).name).toBe('ENTITY_IS_DELETED');
    expect((await sfError(conn.sobject('Lead').retrieve('00Q5g0000000zzzAAA'))).name).toBe('NOT_FOUND');
  });

  it('refuses unknown, read-only, missing and out-of-range fields as Salesforce does', async () => {
    const conn = (await start()).connection();
    const { id = '' } = await conn.sobject('Lead').create({ LastName: 'X', Company: 'Y' });
    const cases: Array<[Record<string, unknown>, string, string]> = [
      [{ Foo__c: 1 }, 'INVALID_FIELD', "No such column 'Foo__c' on sobject of type Lead"],
      [
        { IsConverted: true },
        'INVALID_FIELD_FOR_INSERT_UPDATE',
        'Unable to create/update fields: IsConverted.',
      ],
      [{ Company: null }, 'REQUIRED_FIELD_MISSING', 'Required fields are missing: [Company]'],
      [
        { [SF_FIELDS.grade]: 'ABC' },
        'STRING_TOO_LONG',
        'Baton grade: data value too large: ABC (max length=2)',
      ],
      [
        { [SF_FIELDS.fit]: 1000 },
        'NUMBER_OUTSIDE_VALID_RANGE',
        'Baton fit score: value outside of valid range on numeric field: 1000',
      ],
      [{ OwnerId: 'bad' }, 'MALFORMED_ID', 'Owner ID: id value of incorrect type: bad'],
    ];
    for (const [fields, code, message] of cases) {
      const e = await sfError(conn.sobject('Lead').update({ Id: id, ...fields }, NO_ASSIGN));
      expect(e.name).toBe(code);
      expect(e.message).toContain(message);
    }
  });

  it('describes Lead with Baton’s fields, or without the ones not installed', async () => {
    const conn = (await start({ batonPackage: { omitFields: [SF_RETURN_REQUEST.reason] } })).connection();
    const d = await conn.describe('Lead');
    const byName = new Map(d.fields.map((f) => [f.name, f]));
    expect(byName.get(SF_FIELDS.fit)).toMatchObject({
      type: 'double',
      precision: 3,
      scale: 0,
      custom: true,
      updateable: true,
    });
    expect(byName.get(SF_FIELDS.scoreReasons)).toMatchObject({ type: 'textarea', length: 2000 });
    expect(byName.get(SF_FIELDS.slaDueAt)).toMatchObject({ type: 'datetime' });
    expect(byName.get(SF_RETURN_REQUEST.reengageAt)).toMatchObject({ type: 'date' });
    expect(byName.get('OwnerId')).toMatchObject({ type: 'reference', referenceTo: ['Group', 'User'] });
    expect(byName.has(SF_RETURN_REQUEST.reason)).toBe(false);
    const e = await sfError(
      conn.sobject('Lead').create({ LastName: 'X', Company: 'Y', [SF_RETURN_REQUEST.reason]: 'timing' }),
    );
    expect(e.name).toBe('INVALID_FIELD');
  });

  it('lets a queue own leads only when it supports Lead, and never an inactive user', async () => {
    await start();
    const conn = h.connection();
    const queue = h.setup.marketingQueue?.id ?? '';
    const caseQueue = h.org.addQueue({ name: 'Support', sobjectTypes: ['Case'] }).id;
    const { id = '' } = await conn
      .sobject('Lead')
      .create({ LastName: 'Q', Company: 'C', OwnerId: queue }, NO_ASSIGN);
    expect(h.org.lead(id)?.values.OwnerId).toBe(queue);
    const wrong = await sfError(conn.sobject('Lead').update({ Id: id, OwnerId: caseQueue }, NO_ASSIGN));
    expect(wrong.name).toBe('FIELD_INTEGRITY_EXCEPTION');
    expect(wrong.message).toBe(`Owner ID: id value of incorrect type: ${caseQueue}`);
    const rep = h.setup.reps[1]?.id ?? '';
    h.org.setUserActive(rep, false);
    const inactive = await sfError(conn.sobject('Lead').update({ Id: id, OwnerId: rep }, NO_ASSIGN));
    expect(inactive.name).toBe('INACTIVE_OWNER_OR_USER');
  });

  it('refuses to update a converted lead', async () => {
    await start();
    const lead = h.org.createLead({ LastName: 'Won', Company: 'Big' });
    h.org.convertLead(lead.id);
    expect(h.org.lead(lead.id)?.values).toMatchObject({
      IsConverted: true,
      Status: 'Closed - Converted',
      ConvertedDate: '2026-10-01',
    });
    const conn = h.connection();
    const single = await sfError(
      conn.sobject('Lead').update({ Id: lead.id, [SF_FIELDS.stage]: 'recycled' }, NO_ASSIGN),
    );
    expect(single.name).toBe('CANNOT_UPDATE_CONVERTED_LEAD');
    expect(single.message).toBe('cannot reference converted lead');
    const [many] = await conn.sobject('Lead').update([{ Id: lead.id, Title: 'x' }], NO_ASSIGN);
    expect(many?.errors).toEqual([
      { statusCode: 'CANNOT_UPDATE_CONVERTED_LEAD', message: 'cannot reference converted lead', fields: [] },
    ]);
  });

  it('runs the active assignment rule unless the request says Sforce-Auto-Assign: FALSE', async () => {
    await start();
    const conn = h.connection();
    const [defaultRep, otherRep] = h.setup.reps.map((r) => r.id);
    const queue = h.setup.marketingQueue?.id ?? '';

    const assigned = await conn.sobject('Lead').create({ LastName: 'A', Company: 'C', OwnerId: otherRep });
    expect(h.org.lead(assigned.id ?? '')?.values.OwnerId).toBe(defaultRep);
    const kept = await conn.sobject('Lead').create({ LastName: 'B', Company: 'C' }, NO_ASSIGN);
    expect(h.org.lead(kept.id ?? '')?.values.OwnerId).toBe(h.setup.admin.id);

    // Returning leads to marketing: without the header the rule takes them straight back to a rep.
    const ids = [assigned.id ?? '', kept.id ?? ''];
    await conn.sobject('Lead').update(
      ids.map((Id) => ({ Id, OwnerId: queue })),
      NO_ASSIGN,
    );
    expect(ids.map((id) => h.org.lead(id)?.values.OwnerId)).toEqual([queue, queue]);
    await conn.sobject('Lead').update(ids.map((Id) => ({ Id, [SF_FIELDS.fit]: 10 })));
    expect(ids.map((id) => h.org.lead(id)?.values.OwnerId)).toEqual([defaultRep, defaultRep]);
    expect(h.sandbox.state.requests.all({ method: 'PATCH' }).map((r) => r.autoAssign ?? 'absent')).toEqual([
      'FALSE',
      'absent',
    ]);
  });

  it('accepts one membership per lead and campaign: a second is DUPLICATE_VALUE', async () => {
    await start({ campaigns: ['Nurture — timing'] });
    const conn = h.connection();
    const campaign = h.setup.campaigns[0]?.id ?? '';
    const lead = h.org.createLead({ LastName: 'N', Company: 'C' });
    const first = await conn.sobject('CampaignMember').create({ CampaignId: campaign, LeadId: lead.id });
    expect(first.success).toBe(true);
    const dup = await sfError(
      conn.sobject('CampaignMember').create({ CampaignId: campaign, LeadId: lead.id }),
    );
    expect(dup.name).toBe('DUPLICATE_VALUE');
    expect(dup.message).toBe('Already a campaign member.');
    const batch = await conn.sobject('CampaignMember').create([{ CampaignId: campaign, LeadId: lead.id }]);
    expect(batch[0]?.errors[0]).toMatchObject({ statusCode: 'DUPLICATE_VALUE' });
    expect(h.org.campaignMembers(campaign)).toHaveLength(1);
    expect(h.org.record('Campaign', campaign)?.values.NumberOfLeads).toBe(1);
    expect(h.org.campaignMembers(campaign)[0]?.values).toMatchObject({ Status: 'Sent', HasResponded: false });
  });

  it('a converted lead can leave a campaign but cannot join one', async () => {
    await start({ campaigns: ['Nurture — timing', 'Nurture — budget'] });
    const conn = h.connection();
    const [timing = '', budget = ''] = h.setup.campaigns.map((c) => c.id);
    const lead = h.org.createLead({ LastName: 'V', Company: 'C' });
    await conn.sobject('CampaignMember').create({ CampaignId: timing, LeadId: lead.id });
    h.org.convertLead(lead.id);
    const joined = await conn.sobject('CampaignMember').create([{ CampaignId: budget, LeadId: lead.id }]);
    expect(joined[0]).toMatchObject({
      success: false,
      errors: [{ statusCode: 'CANNOT_UPDATE_CONVERTED_LEAD', message: 'cannot reference converted lead' }],
    });
    const member = h.org.campaignMembers(timing)[0]?.id ?? '';
    expect((await conn.sobject('CampaignMember').destroy([member]))[0]).toMatchObject({ success: true });
    expect(h.org.campaignMembers(timing)).toHaveLength(0);
    expect(h.org.campaignMembers(budget)).toHaveLength(0);
  });

  it('takes a rep’s edit through the UI API as the rep: UI origin, no assignment, no API allocation', async () => {
    await start();
    const rep = h.setup.reps[1]?.id ?? '';
    const lead = h.org.createLead({ LastName: 'R', Company: 'C', OwnerId: rep });
    const session = h.sandbox.state.userSession(h.org.id, rep);
    const res = await fetch(`${h.baseUrl}/services/data/v62.0/ui-api/records/${lead.id}`, {
      method: 'PATCH',
      headers: { authorization: `Bearer ${session.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        fields: {
          Id: lead.id,
          [SF_RETURN_REQUEST.reason]: 'no_budget',
          [SF_RETURN_REQUEST.requestedAt]: '2026-10-01T09:00:00.000Z',
        },
      }),
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      apiName: 'Lead',
      id: lead.id,
      fields: { [SF_RETURN_REQUEST.reason]: { value: 'no_budget' } },
    });
    expect(res.headers.get('sforce-limit-info')).toBeNull();
    expect(h.org.lead(lead.id)?.values.OwnerId).toBe(rep);
    const header = h.org.changeEvents.events().at(-1)?.message.payload.ChangeEventHeader;
    expect(header).toMatchObject({ changeType: 'UPDATE', changeOrigin: UI_ORIGIN, commitUser: rep });
    expect([...(header?.changedFields ?? [])].sort()).toEqual(
      [
        'LastModifiedById',
        'LastModifiedDate',
        SF_RETURN_REQUEST.reason,
        SF_RETURN_REQUEST.requestedAt,
      ].sort(),
    );

    const converted = h.org.createLead({ LastName: 'C', Company: 'C' });
    h.org.convertLead(converted.id);
    const refused = await fetch(`${h.baseUrl}/services/data/v62.0/ui-api/records/${converted.id}`, {
      method: 'PATCH',
      headers: { authorization: `Bearer ${session.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ fields: { Title: 'x' } }),
    });
    expect(refused.status).toBe(400);
    expect(await refused.json()).toMatchObject({
      errorCode: 'CANNOT_UPDATE_CONVERTED_LEAD',
      output: { errors: [{ message: 'cannot reference converted lead' }] },
    });
  });
});
