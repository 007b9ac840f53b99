// Faithfulness: the Leads object (0-136) through the API — HubSpot's create rules (a name and an associated contact,
// Leads guide https://developers.hubspot.com/docs/api-reference/crm-leads-v3/guide), pipeline defaults and stage
// validation, stage history, dated paths, and contact ↔ lead associations through the v4 and 2026-03 routes.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Answer } from './testing/answer.ts';
import { startHarness, type Harness } from './testing/harness.ts';

let h: Harness;
beforeEach(async () => {
  h = await startHarness({ rateLimits: false }, { inboundLeadPipeline: true });
});
afterEach(() => h.close());

async function call(method: string, path: string, body?: unknown) {
  const res = await h.client().apiRequest({ method, path, ...(body === undefined ? {} : { body }) });
  return { status: res.status, body: (await res.json().catch(() => null)) as Answer };
}

const assoc = (id: string, typeId = 578) => [
  { to: { id }, types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: typeId }] },
];
const contactId = () => h.setup.portal.createContact({ email: `c${Math.random()}@acme.example` }).id;

describe('creating leads', () => {
  it('needs hs_lead_name and an association to an existing contact; a refused batch creates none', async () => {
    const c = contactId();
    const noName = await call('POST', '/crm/v3/objects/leads', { properties: {}, associations: assoc(c) });
    expect(noName.status).toBe(400);
    expect(noName.body.errors?.[0]).toMatchObject({
      code: 'REQUIRED_PROPERTY',
      context: { propertyName: ['hs_lead_name'] },
    });
    const noContact = await call('POST', '/crm/v3/objects/leads', { properties: { hs_lead_name: 'x' } });
    expect(noContact.body).toMatchObject({ status: 'error', category: 'VALIDATION_ERROR' });
    const ghost = await call('POST', '/crm/v3/objects/leads', {
      properties: { hs_lead_name: 'x' },
      associations: assoc('999999'),
    });
    expect(ghost.status).toBe(400);
    const batch = await call('POST', '/crm/objects/2026-03/leads/batch/create', {
      inputs: [
        { properties: { hs_lead_name: 'ok' }, associations: assoc(c) },
        { properties: { hs_lead_name: 'no contact' } },
      ],
    });
    expect(batch.status).toBe(400);
    expect(h.setup.portal.leads()).toHaveLength(0);
  });

  it('accepts the unlabeled lead → contact type 608 too, and defaults pipeline and first stage', async () => {
    const c = contactId();
    const a = await call('POST', '/crm/v3/objects/leads', {
      properties: { hs_lead_name: 'A' },
      associations: assoc(c, 608),
    });
    expect(a.status).toBe(201);
    const b = await call('POST', '/crm/v3/objects/leads', {
      properties: { hs_lead_name: 'B', hs_pipeline: '1000' },
      associations: assoc(c),
    });
    const read = async (id: string) =>
      (await call('GET', `/crm/v3/objects/leads/${id}?properties=hs_pipeline,hs_pipeline_stage`)).body
        .properties;
    expect(await read(a.body.id ?? '')).toMatchObject({
      hs_pipeline: 'lead-pipeline-id',
      hs_pipeline_stage: 'new-stage-id',
    });
    expect(await read(b.body.id ?? '')).toMatchObject({ hs_pipeline: '1000', hs_pipeline_stage: '1001' });
  });
});

describe('pipeline stages', () => {
  it('refuses a stage of another pipeline, an unknown stage and an invalid disqualification reason', async () => {
    const c = contactId();
    const wrong = await call('POST', '/crm/v3/objects/leads', {
      properties: { hs_lead_name: 'x', hs_pipeline_stage: '1002' },
      associations: assoc(c),
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.errors?.[0]).toMatchObject({
      code: 'INVALID_OPTION',
      context: { propertyName: ['hs_pipeline_stage'] },
    });
    const lead = h.setup.portal.createLead(c, undefined);
    for (const properties of [
      { hs_pipeline_stage: 'nope' },
      { hs_pipeline: '1000' }, // the stage new-stage-id is not one of pipeline 1000's
      { hs_lead_disqualification_reason: 'Bad Timing' }, // the label, not the internal value
    ]) {
      const res = await call('PATCH', `/crm/v3/objects/leads/${lead.id}`, { properties });
      expect(res.status, JSON.stringify(properties)).toBe(400);
      expect(res.body.category).toBe('VALIDATION_ERROR');
    }
    const moved = await call('PATCH', `/crm/v3/objects/leads/${lead.id}`, {
      properties: {
        hs_pipeline: '1000',
        hs_pipeline_stage: '1005',
        hs_lead_disqualification_reason: 'BAD_TIMING',
      },
    });
    expect(moved.status).toBe(200);
  });

  it('propertiesWithHistory of hs_pipeline_stage has every stage entered, newest first, with its time', async () => {
    const { portal } = h.setup;
    const t0 = h.clock.now();
    const lead = portal.createLead(contactId(), undefined);
    h.clock.advance(60_000);
    portal.moveLeadStage(lead.id, 'attempting-stage-id');
    h.clock.advance(60_000);
    await call('PATCH', `/crm/v3/objects/leads/${lead.id}`, {
      properties: { hs_pipeline_stage: 'connected-stage-id' },
    });
    const res = await call('GET', `/crm/v3/objects/leads/${lead.id}?propertiesWithHistory=hs_pipeline_stage`);
    const history = res.body.propertiesWithHistory?.hs_pipeline_stage ?? [];
    expect(history.map((v) => [v.value, v.timestamp, v.sourceType])).toEqual([
      ['connected-stage-id', new Date(t0 + 120_000).toISOString(), 'INTEGRATION'],
      ['attempting-stage-id', new Date(t0 + 60_000).toISOString(), 'CRM_UI'],
      ['new-stage-id', new Date(t0).toISOString(), 'CRM_UI'],
    ]);
  });
});

describe('reads', () => {
  it('dated paths answer as v3 for records, properties and pipelines', async () => {
    const lead = h.setup.portal.createLead(contactId(), undefined, { name: 'Dated' });
    const pairs: Array<[string, string]> = [
      [
        `/crm/v3/objects/leads/${lead.id}?properties=hs_lead_name`,
        `/crm/objects/2026-03/leads/${lead.id}?properties=hs_lead_name`,
      ],
      [
        '/crm/v3/properties/leads/hs_lead_disqualification_reason',
        '/crm/properties/2026-03/leads/hs_lead_disqualification_reason',
      ],
      [
        '/crm/v3/pipelines/leads/lead-pipeline-id/stages',
        '/crm/pipelines/2026-03/leads/lead-pipeline-id/stages',
      ],
    ];
    for (const [v3, dated] of pairs) {
      const before = await call('GET', v3);
      expect(before.status, v3).toBe(200);
      expect(await call('GET', dated), dated).toEqual(before);
    }
  });

  it('contact ↔ lead associations read through v4 and 2026-03 batch reads, both ways', async () => {
    const c = contactId();
    const lead = h.setup.portal.createLead(c, undefined);
    const fromContact = await call('POST', '/crm/associations/2026-03/contacts/leads/batch/read', {
      inputs: [{ id: c }],
    });
    expect(fromContact.body.results).toEqual([
      {
        from: { id: c },
        to: [
          {
            toObjectId: lead.id,
            associationTypes: [{ category: 'HUBSPOT_DEFINED', typeId: 579, label: null }],
          },
        ],
      },
    ]);
    const fromLead = await call('POST', '/crm/v4/associations/0-136/0-1/batch/read', {
      inputs: [{ id: lead.id }],
    });
    expect(fromLead.body.results?.[0]?.to).toEqual([
      { toObjectId: c, associationTypes: [{ category: 'HUBSPOT_DEFINED', typeId: 578, label: null }] },
    ]);
    const list = await call('GET', `/crm/v4/objects/contacts/${c}/associations/leads`);
    expect(list.body.results?.map((r) => r.toObjectId)).toEqual([lead.id]);
  });

  it('search finds leads by stage and owner', async () => {
    const { portal } = h.setup;
    const owner = portal.createOwner({ email: 'rep@acme.example' });
    const mine = portal.createLead(contactId(), owner.id);
    portal.createLead(contactId(), undefined);
    const res = await call('POST', '/crm/v3/objects/leads/search', {
      filterGroups: [
        {
          filters: [
            { propertyName: 'hubspot_owner_id', operator: 'EQ', value: owner.id },
            { propertyName: 'hs_pipeline_stage', operator: 'EQ', value: 'new-stage-id' },
          ],
        },
      ],
      properties: ['hubspot_owner_assigneddate'],
      after: '0',
    });
    expect(res.body.total).toBe(1);
    expect(res.body.results?.[0]).toMatchObject({
      id: mine.id,
      properties: { hubspot_owner_assigneddate: new Date(h.clock.now()).toISOString() },
    });
  });
});
