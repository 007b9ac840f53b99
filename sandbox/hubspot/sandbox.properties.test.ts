// Faithfulness: properties and property groups — seeded standard properties, custom ones, 409 on duplicate
// names, and the lifecycle stage order following the property's options.
import {
  PropertyCreateFieldTypeEnum as FieldType,
  PropertyCreateTypeEnum as Type,
} from '@hubspot/api-client/lib/codegen/crm/properties/models/PropertyCreate.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { apiError, startHarness, type Harness } from './testing/harness.ts';

let h: Harness;
beforeEach(async () => {
  h = await startHarness({ rateLimits: false });
});
afterEach(() => h.close());

const properties = () => h.client().crm.properties;
const custom = {
  name: 'baton_stage',
  label: 'Baton stage',
  type: Type.Enumeration,
  fieldType: FieldType.Select,
  groupName: 'baton',
  options: [{ label: 'MQL', value: 'mql', hidden: false, displayOrder: 0 }],
} as const;

describe('properties', () => {
  it('seeds the standard contact properties Baton reads, with HubSpot types', async () => {
    const all = await properties().coreApi.getAll('contacts');
    const byName = new Map(all.results.map((p) => [p.name, p]));
    expect(byName.get('numemployees')).toMatchObject({ type: 'number', hubspotDefined: true });
    expect(byName.get('notes_last_contacted')).toMatchObject({
      type: 'datetime',
      modificationMetadata: { readOnlyValue: true },
    });
    expect(byName.get('lifecyclestage')?.options.map((o) => o.value)).toEqual([
      'subscriber',
      'lead',
      'marketingqualifiedlead',
      'salesqualifiedlead',
      'opportunity',
      'customer',
      'evangelist',
      'other',
    ]);
    for (const name of [
      'hs_analytics_first_touch_converting_campaign',
      'hs_email_hard_bounce_reason',
      'hubspot_owner_assigneddate',
    ]) {
      expect(byName.has(name)).toBe(true);
    }
  });

  it('creates a group and a property, then answers duplicates with 409', async () => {
    const group = await properties().groupsApi.create('contacts', { name: 'baton', label: 'Baton' });
    expect(group).toMatchObject({ name: 'baton', label: 'Baton', archived: false });
    const created = await properties().coreApi.create('contacts', {
      ...custom,
      options: [...custom.options],
    });
    expect(created).toMatchObject({ name: 'baton_stage', hubspotDefined: false, groupName: 'baton' });
    expect((await properties().coreApi.getByName('contacts', 'baton_stage')).label).toBe('Baton stage');
    const dup = await apiError(
      properties().coreApi.create('contacts', { ...custom, options: [...custom.options] }),
    );
    expect(dup.code).toBe(409);
    expect(dup.body).toMatchObject({
      status: 'error',
      category: 'OBJECT_ALREADY_EXISTS',
      message: "Property named 'baton_stage' already exists.",
    });
    expect(
      (await apiError(properties().groupsApi.create('contacts', { name: 'baton', label: 'Again' }))).code,
    ).toBe(409);
    expect((await properties().groupsApi.getAll('contacts')).results.map((g) => g.name)).toContain('baton');
    // The new property is writable at once.
    const contact = await h
      .client()
      .crm.contacts.basicApi.create({ properties: { baton_stage: 'mql' }, associations: [] });
    expect(contact.properties.baton_stage).toBe('mql');
  });

  it('refuses a property in a missing group (404) or with a fieldType its type cannot have (400)', async () => {
    expect(
      (
        await apiError(
          properties().coreApi.create('contacts', { ...custom, options: [], groupName: 'nowhere' }),
        )
      ).code,
    ).toBe(404);
    const bad = await apiError(
      properties().coreApi.create('contacts', {
        ...custom,
        options: [],
        groupName: 'contactinformation',
        type: Type.Number,
        fieldType: FieldType.Select,
      }),
    );
    expect(bad.code).toBe(400);
    expect((await apiError(properties().coreApi.getByName('contacts', 'missing'))).code).toBe(404);
  });

  it('updates a property: reordered lifecycle options reorder the forward-only rule', async () => {
    const stages = [
      'subscriber',
      'lead',
      'marketingqualifiedlead',
      'salesqualifiedlead',
      'opportunity',
      'customer',
      'evangelist',
      'other',
    ];
    const reordered = ['lead', 'subscriber', ...stages.slice(2)];
    const updated = await properties().coreApi.update('contacts', 'lifecyclestage', {
      options: reordered.map((value, displayOrder) => ({ value, label: value, displayOrder, hidden: false })),
    });
    expect(updated.options.map((o) => o.value)).toEqual(reordered);
    const contacts = h.client().crm.contacts.basicApi;
    const { id } = await contacts.create({ properties: { lifecyclestage: 'lead' }, associations: [] });
    expect(
      (await contacts.update(id, { properties: { lifecyclestage: 'subscriber' } })).properties.lifecyclestage,
    ).toBe('subscriber');
  });
});
