// Conformance: the Leads object (0-136) and its pipelines — lead records against `SimplePublicObject`, lead property
// definitions against `Property`, pipelines and stages against the pipelines spec, on v3 and 2026-03 paths alike.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../testing/harness.ts';
import { conforms } from './conforms.ts';
import { batchResponseSimplePublicObject } from './schemas/batchSchemas.ts';
import { simplePublicObject, simplePublicObjectWithAssociations } from './schemas/crmObjectSchemas.ts';
import { hubspotError } from './schemas/errorSchemas.ts';
import {
  collectionResponsePipelineNoPaging,
  collectionResponsePipelineStageNoPaging,
  pipeline,
  pipelineStage,
} from './schemas/leadSchemas.ts';
import { collectionResponsePropertyNoPaging, property } from './schemas/propertySchemas.ts';
import { viaClient } from './wire.ts';

let h: Harness;
beforeEach(async () => {
  h = await startHarness({ rateLimits: false }, { inboundLeadPipeline: true });
});
afterEach(() => h.close());

const call = (method: 'GET' | 'POST' | 'PATCH', path: string, body?: unknown) =>
  viaClient(h.client(), method, path, body);

const toContact = (id: string) => [
  { to: { id }, types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: 578 }] },
];

describe('lead records', () => {
  it('create 201, read 200 with its contact, batch create 201', async () => {
    const contact = h.setup.portal.createContact({ email: 'lead@acme.example' });
    const created = await call('POST', '/crm/objects/2026-03/leads', {
      properties: { hs_lead_name: 'Acme' },
      associations: toContact(contact.id),
    });
    expect(created.status).toBe(201);
    const { id } = conforms(simplePublicObject, created.body, 'create');
    const read = await call(
      'GET',
      `/crm/v3/objects/leads/${id}?properties=hs_pipeline_stage&associations=contacts`,
    );
    const record = conforms(simplePublicObjectWithAssociations, read.body, 'read');
    expect(record.properties.hs_pipeline_stage).toBe('new-stage-id');
    expect(record.associations?.contacts?.results.map((r) => r.id)).toEqual([contact.id]);
    const batch = await call('POST', '/crm/v3/objects/0-136/batch/create', {
      inputs: [{ properties: { hs_lead_name: 'Two' }, associations: toContact(contact.id) }],
    });
    expect(batch.status).toBe(201);
    conforms(batchResponseSimplePublicObject, batch.body, 'batch create');
  });

  it('a refused create is a HubSpot error body', async () => {
    const res = await call('POST', '/crm/v3/objects/leads', { properties: { hs_lead_name: 'x' } });
    expect(res.status).toBe(400);
    expect(conforms(hubspotError, res.body, 'no association').category).toBe('VALIDATION_ERROR');
  });
});

describe('lead properties', () => {
  it('the list and one definition conform, on v3 and 2026-03', async () => {
    for (const base of ['/crm/v3/properties/leads', '/crm/properties/2026-03/leads']) {
      const all = conforms(collectionResponsePropertyNoPaging, (await call('GET', base)).body, base);
      expect(all.results.map((p) => p.name)).toEqual(
        expect.arrayContaining([
          'hs_lead_name',
          'hs_pipeline',
          'hs_pipeline_stage',
          'hs_lead_disqualification_reason',
        ]),
      );
      const one = conforms(property, (await call('GET', `${base}/hs_pipeline_stage`)).body, 'one');
      expect(one.options.map((o) => o.value)).toEqual(expect.arrayContaining(['new-stage-id', '1001']));
    }
  });
});

describe('pipelines', () => {
  it('list, one pipeline, its stages and one stage conform on v3 and 2026-03', async () => {
    for (const base of ['/crm/v3/pipelines/leads', '/crm/pipelines/2026-03/0-136']) {
      const list = conforms(collectionResponsePipelineNoPaging, (await call('GET', base)).body, base);
      expect(list.results.map((p) => p.id)).toEqual(['lead-pipeline-id', '1000']);
      const one = conforms(pipeline, (await call('GET', `${base}/lead-pipeline-id`)).body, 'one');
      expect(one.stages.map((s) => [s.id, s.label])).toEqual([
        ['new-stage-id', 'New'],
        ['attempting-stage-id', 'Attempting'],
        ['connected-stage-id', 'Connected'],
        ['qualified-stage-id', 'Qualified'],
        ['unqualified-stage-id', 'Disqualified'],
      ]);
      expect(one.createdAt).toBe(new Date(0).toISOString()); // "default pipelines will have createdAt = 0"
      const stages = conforms(
        collectionResponsePipelineStageNoPaging,
        (await call('GET', `${base}/1000/stages`)).body,
        'stages',
      );
      expect(stages.results.map((s) => s.id)).toEqual(['1001', '1002', '1003', '1004', '1005']);
      conforms(pipelineStage, (await call('GET', `${base}/1000/stages/1005`)).body, 'stage');
    }
  });

  it('an unknown pipeline or stage is a 404 error body', async () => {
    for (const path of [
      '/crm/v3/pipelines/leads/nope',
      '/crm/v3/pipelines/leads/lead-pipeline-id/stages/nope',
    ]) {
      const res = await call('GET', path);
      expect(res.status, path).toBe(404);
      expect(conforms(hubspotError, res.body, path).category).toBe('OBJECT_NOT_FOUND');
    }
  });
});
