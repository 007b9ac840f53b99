// Conformance: property definitions and groups — the contact properties Baton reads, a group and a property
// created, batch read — against PublicApiSpecs/CRM/Properties/Rollouts/145899/v3/properties.json.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../testing/harness.ts';
import { conforms } from './conforms.ts';
import {
  batchResponseProperty,
  collectionResponsePropertyGroupNoPaging,
  collectionResponsePropertyNoPaging,
  property,
  propertyGroup,
} from './schemas/propertySchemas.ts';
import { viaClient } from './wire.ts';

let h: Harness;
beforeEach(async () => {
  h = await startHarness({ rateLimits: false });
});
afterEach(() => h.close());

const call = (method: 'GET' | 'POST' | 'PATCH', path: string, body?: unknown) =>
  viaClient(h.client(), method, `/crm/v3/properties/contacts${path}`, body);

describe('contact properties', () => {
  it('all of them: CollectionResponsePropertyNoPaging, each a Property', async () => {
    const answer = await call('GET', '');
    expect(answer.status).toBe(200);
    const body = conforms(collectionResponsePropertyNoPaging, answer.body, 'all properties');
    expect(body.results.map((p) => p.name)).toEqual(
      expect.arrayContaining(['email', 'lifecyclestage', 'hubspot_owner_id', 'hs_lead_status']),
    );
  });

  it('one, with its options (lifecyclestage)', async () => {
    const stage = conforms(property, (await call('GET', '/lifecyclestage')).body, 'lifecyclestage');
    expect(stage).toMatchObject({ type: 'enumeration', hubspotDefined: true });
    expect(stage.options.map((o) => o.value)).toContain('marketingqualifiedlead');
  });

  it('batch read: BatchResponseProperty', async () => {
    const answer = await call('POST', '/batch/read', {
      inputs: [{ name: 'email' }, { name: 'jobtitle' }],
      archived: false,
    });
    expect(answer.status).toBe(200);
    expect(conforms(batchResponseProperty, answer.body, 'batch read').results).toHaveLength(2);
  });
});

describe('groups and custom properties', () => {
  it('group create 201, list, read and update: PropertyGroup', async () => {
    const created = await call('POST', '/groups', { name: 'baton', label: 'Baton' });
    expect(created.status).toBe(201);
    expect(conforms(propertyGroup, created.body, 'group create')).toMatchObject({
      name: 'baton',
      archived: false,
    });
    const all = conforms(
      collectionResponsePropertyGroupNoPaging,
      (await call('GET', '/groups')).body,
      'groups',
    );
    expect(all.results.map((g) => g.name)).toContain('baton');
    conforms(propertyGroup, (await call('GET', '/groups/baton')).body, 'group read');
    const updated = await call('PATCH', '/groups/baton', { label: 'Baton (lead SLA)' });
    expect(conforms(propertyGroup, updated.body, 'group update').label).toBe('Baton (lead SLA)');
  });

  it('property create 201 and update 200: Property', async () => {
    await call('POST', '/groups', { name: 'baton', label: 'Baton' });
    const created = await call('POST', '', {
      name: 'baton_stage',
      label: 'Baton stage',
      type: 'enumeration',
      fieldType: 'select',
      groupName: 'baton',
      options: [{ label: 'MQL', value: 'mql', hidden: false }],
    });
    expect(created.status).toBe(201);
    expect(conforms(property, created.body, 'property create').options).toHaveLength(1);
    const updated = await call('PATCH', '/baton_stage', { label: 'Stage (Baton)' });
    expect(conforms(property, updated.body, 'property update').label).toBe('Stage (Baton)');
  });

  it('batch create: 201 BatchResponseProperty', async () => {
    await call('POST', '/groups', { name: 'baton', label: 'Baton' });
    const answer = await call('POST', '/batch/create', {
      inputs: [
        { name: 'baton_a', label: 'A', type: 'string', fieldType: 'text', groupName: 'baton' },
        { name: 'baton_b', label: 'B', type: 'number', fieldType: 'number', groupName: 'baton' },
      ],
    });
    expect(answer.status).toBe(201);
    expect(conforms(batchResponseProperty, answer.body, 'batch create').results).toHaveLength(2);
  });
});
