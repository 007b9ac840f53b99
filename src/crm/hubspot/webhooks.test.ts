// HubSpot webhook events into inbox changes: contacts as before, and the Lead object's generic `object.*` events
// (objectTypeId 0-136) as changes of a related record; other objects' generic events and Baton's own writes ignored.
import { describe, expect, it } from 'vitest';
import { HUBSPOT_WEBHOOK_EVENTS, hubspotEventSchema, toInboundChange } from './webhooks.ts';

const at = Date.UTC(2026, 11, 1, 10);
const event = (over: Record<string, unknown>) =>
  hubspotEventSchema.parse({ eventId: 1, portalId: 1001, occurredAt: at, objectId: 42, ...over });

describe('HubSpot webhook events', () => {
  it('reads a lead record’s stage change as a change of a related record, whose contact the drain finds', () => {
    const change = toInboundChange(
      event({
        subscriptionType: 'object.propertyChange',
        objectTypeId: '0-136',
        propertyName: 'hs_pipeline_stage',
        propertyValue: 'unqualified-stage-id',
        changeSource: 'CRM_UI',
        sourceId: 'userId:77',
      }),
      '555',
    );
    expect(change).toEqual({
      kind: 'related',
      objectType: 'lead_record',
      leadId: '42',
      occurredAt: new Date(at),
      deleted: false,
    });
  });

  it('reads a lead record’s creation and deletion', () => {
    expect(
      toInboundChange(event({ subscriptionType: 'object.creation', objectTypeId: '0-136' }), null),
    ).toMatchObject({
      kind: 'related',
      deleted: false,
    });
    expect(
      toInboundChange(event({ subscriptionType: 'object.deletion', objectTypeId: '0-136' }), null),
    ).toMatchObject({
      kind: 'related',
      deleted: true,
    });
  });

  it('a lead record’s owner change is news even though contacts’ owner property has the same name', () => {
    const change = toInboundChange(
      event({
        subscriptionType: 'object.propertyChange',
        objectTypeId: '0-136',
        propertyName: 'hubspot_owner_id',
      }),
      null,
    );
    expect(change?.kind).toBe('related');
  });

  it('ignores Baton’s own writes to lead records, generic events of other objects, and lead merges it does not use', () => {
    const own = event({
      subscriptionType: 'object.propertyChange',
      objectTypeId: '0-136',
      propertyName: 'hs_pipeline_stage',
      changeSource: 'INTEGRATION',
      sourceId: '555',
    });
    expect(toInboundChange(own, '555')).toBeNull();
    expect(
      toInboundChange(
        event({ subscriptionType: 'object.propertyChange', objectTypeId: '0-3', propertyName: 'dealstage' }),
        null,
      ),
    ).toBeNull();
    expect(
      toInboundChange(event({ subscriptionType: 'object.merge', objectTypeId: '0-136' }), null),
    ).toBeNull();
  });

  it('still reads a contact’s generic event (0-1) as a contact change', () => {
    const change = toInboundChange(
      event({
        subscriptionType: 'object.propertyChange',
        objectTypeId: '0-1',
        propertyName: 'hubspot_owner_id',
      }),
      null,
    );
    expect(change).toMatchObject({ kind: 'changed', leadId: '42', properties: ['hubspot_owner_id'] });
  });

  it('refuses an objectTypeId that is not one', () => {
    expect(() => event({ subscriptionType: 'object.creation', objectTypeId: '0-136; drop table' })).toThrow();
  });

  it('subscribes to the lead events that start, touch or end a hand-off', () => {
    const leads = HUBSPOT_WEBHOOK_EVENTS.filter((e) => e.objectTypeId === '0-136');
    expect(leads.map((e) => `${e.subscriptionType}${e.propertyName ? `:${e.propertyName}` : ''}`)).toEqual([
      'object.creation',
      'object.deletion',
      'object.propertyChange:hs_pipeline_stage',
      'object.propertyChange:hs_lead_disqualification_reason',
      'object.propertyChange:hs_lead_disqualification_note',
      'object.propertyChange:hubspot_owner_id',
      'object.propertyChange:hs_lead_first_outreach_date',
    ]);
  });
});
