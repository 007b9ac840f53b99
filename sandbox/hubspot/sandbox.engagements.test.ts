// Faithfulness: activities as CRM objects — creating a call, email, meeting or note on a contact moves the
// contact's activity roll-ups; tasks do not; associating later counts too; hs_timestamp is required.
import { AssociationSpecAssociationCategoryEnum as Category } from '@hubspot/api-client/lib/codegen/crm/objects/calls/models/AssociationSpec.js';
import { FilterOperatorEnum } from '@hubspot/api-client/lib/codegen/crm/objects/calls/models/Filter.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { apiError, startHarness, type Harness } from './testing/harness.ts';

let h: Harness;
let contactId: string;
let ownerId: string;
beforeEach(async () => {
  h = await startHarness({ rateLimits: false });
  contactId = h.setup.portal.createContact({ email: 'lead@acme.io' }).id;
  ownerId = h.setup.portal.createOwner({ email: 'rep@acme.io' }).id;
});
afterEach(() => h.close());

const ROLLUPS = [
  'notes_last_contacted',
  'notes_last_updated',
  'hs_last_sales_activity_timestamp',
  'num_contacted_notes',
];
const rollups = async () => (await h.client().crm.contacts.basicApi.getById(contactId, ROLLUPS)).properties;
const to = (id: string, typeId: number) => ({
  to: { id },
  types: [{ associationCategory: Category.HubspotDefined, associationTypeId: typeId }],
});
const iso = (ms: number) => new Date(ms).toISOString();

describe('activities', () => {
  it('a logged call moves last contacted, last activity, last engagement and the contact count', async () => {
    const at = h.clock.now() - 60_000;
    const call = await h.client().crm.objects.calls.basicApi.create({
      properties: {
        hs_timestamp: iso(at),
        hubspot_owner_id: ownerId,
        hs_call_status: 'COMPLETED',
        hs_call_title: 'Intro',
      },
      associations: [to(contactId, 194)],
    });
    expect(call.properties).toMatchObject({
      hs_call_title: 'Intro',
      hs_timestamp: iso(at),
      hs_object_id: call.id,
    });
    expect(await rollups()).toMatchObject({
      notes_last_contacted: iso(at),
      notes_last_updated: iso(at),
      hs_last_sales_activity_timestamp: iso(at),
      num_contacted_notes: '1',
    });
    const listed = await h.client().crm.associations.v4.basicApi.getPage('contacts', contactId, 'calls');
    expect(listed.results).toEqual([
      expect.objectContaining({
        toObjectId: call.id, // a string, as the v4 spec types it
        associationTypes: [expect.objectContaining({ typeId: 193 })],
      }),
    ]);
  });

  it('a note is activity but not contact; an earlier activity never moves dates back; tasks change nothing', async () => {
    const t0 = h.clock.now();
    await h.client().crm.objects.notes.basicApi.create({
      properties: { hs_timestamp: String(t0), hs_note_body: 'hi' },
      associations: [to(contactId, 202)],
    });
    expect(await rollups()).toMatchObject({
      notes_last_updated: iso(t0),
      notes_last_contacted: null,
      num_contacted_notes: null,
    });
    await h.client().crm.objects.emails.basicApi.create({
      properties: { hs_timestamp: String(t0 - 3_600_000) },
      associations: [to(contactId, 198)],
    });
    expect(await rollups()).toMatchObject({
      notes_last_updated: iso(t0),
      notes_last_contacted: iso(t0 - 3_600_000),
      num_contacted_notes: '1',
    });
    const before = await rollups();
    await h.client().crm.objects.tasks.basicApi.create({
      properties: {
        hs_timestamp: String(t0 + 86_400_000),
        hs_task_subject: 'Call back',
        hubspot_owner_id: ownerId,
      },
      associations: [to(contactId, 204)],
    });
    expect(await rollups()).toEqual(before);
    expect(h.setup.portal.tasks(contactId)).toHaveLength(1);
  });

  it('associating a meeting afterwards (v4 default association) counts as well', async () => {
    const t = h.clock.now();
    const meeting = await h.client().crm.objects.meetings.basicApi.create({
      properties: { hs_timestamp: String(t), hs_meeting_title: 'Demo' },
      associations: [],
    });
    expect((await rollups()).notes_last_contacted).toBeNull();
    await h
      .client()
      .crm.associations.v4.basicApi.createDefault('meetings', meeting.id, 'contacts', contactId);
    expect(await rollups()).toMatchObject({ notes_last_contacted: iso(t), num_contacted_notes: '1' });
    // Associating again changes nothing.
    await h
      .client()
      .crm.associations.v4.basicApi.createDefault('meetings', meeting.id, 'contacts', contactId);
    expect((await rollups()).num_contacted_notes).toBe('1');
  });

  it('requires hs_timestamp and a valid association type', async () => {
    const missing = await apiError(
      h.client().crm.objects.notes.basicApi.create({ properties: { hs_note_body: 'x' }, associations: [] }),
    );
    expect(missing.code).toBe(400);
    const wrongType = await apiError(
      h.client().crm.objects.calls.basicApi.create({
        properties: { hs_timestamp: String(h.clock.now()) },
        associations: [to(contactId, 202)],
      }),
    );
    expect(wrongType.code).toBe(400);
  });

  it('the simulation helpers log activities the same way', () => {
    const at = h.clock.now();
    h.setup.portal.logCall(contactId, ownerId, at);
    h.setup.portal.logMeeting(contactId, ownerId, at + 1);
    expect(h.setup.portal.contact(contactId)?.properties).toMatchObject({
      num_contacted_notes: '2',
      hs_latest_meeting_activity: iso(at + 1),
    });
  });

  it('searches activities', async () => {
    h.setup.portal.logCall(contactId, ownerId, h.clock.now(), { hs_call_title: 'First' });
    const res = await h.client().crm.objects.calls.searchApi.doSearch({
      filterGroups: [
        { filters: [{ propertyName: 'hubspot_owner_id', operator: FilterOperatorEnum.Eq, value: ownerId }] },
      ],
      properties: ['hs_call_title'],
    });
    expect(res.results.map((r) => r.properties.hs_call_title)).toEqual(['First']);
  });
});
