// Faithfulness: leads as reps work them in HubSpot — the Portal methods simulations call write through the same
// paths as the API (CRM_UI by the acting user), generic webhooks (object.*, objectTypeId 0-136; changelog "Public
// Beta: Generic Webhook Subscriptions", leads supported from 2024-08-06) fire for them, and HubSpot's automatic stage
// moves on the owner's outreach (knowledge.hubspot.com/prospecting/set-up-leads; only partly documented).
import { afterEach, describe, expect, it } from 'vitest';
import type { BootstrapInput } from './bootstrap.ts';
import { startHarness, type Harness } from './testing/harness.ts';
import { startWebhookReceiver, type WebhookReceiver } from './testing/webhookReceiver.ts';

let h: Harness | undefined;
let receiver: WebhookReceiver | undefined;
afterEach(async () => {
  await h?.close();
  await receiver?.close();
});

async function start(bootstrap: BootstrapInput = {}) {
  receiver = await startWebhookReceiver();
  h = await startHarness(
    { rateLimits: false, webhooks: { batchWindowMs: 10_000 } },
    { webhookTargetUrl: receiver.url, ...bootstrap },
  );
  const { portal } = h.setup;
  const rep = portal.createOwner({ email: 'rep@acme.example', firstName: 'Rita', lastName: 'Rep' });
  const contact = portal.createContact({ email: 'lee@buyer.example', firstname: 'Lee', lastname: 'Buyer' });
  return { h, r: receiver, portal, rep, contact };
}

describe('portal lead methods', () => {
  it('create, move, disqualify, reopen, reassign, delete — with the owner as the acting user', async () => {
    const { portal, rep, contact } = await start({ inboundLeadPipeline: true });
    const lead = portal.createLead(contact.id, rep.id);
    expect(lead.properties).toMatchObject({
      hs_lead_name: 'Lee Buyer',
      hs_pipeline: 'lead-pipeline-id',
      hs_pipeline_stage: 'new-stage-id',
      hubspot_owner_id: rep.id,
      hubspot_owner_assigneddate: expect.any(String),
    });
    expect(lead.history.hs_pipeline_stage?.[0]).toMatchObject({
      sourceType: 'CRM_UI',
      sourceId: `userId:${rep.userId}`,
    });
    expect(portal.leadsOfContact(contact.id).map((l) => l.id)).toEqual([lead.id]);
    expect(() => portal.moveLeadStage(lead.id, '1002')).toThrow();
    portal.moveLeadStage(lead.id, 'attempting-stage-id');
    portal.disqualifyLead(lead.id, 'NO_RESPONSE', 'Five tries, no answer');
    expect(lead.properties).toMatchObject({
      hs_pipeline_stage: 'unqualified-stage-id',
      hs_lead_disqualification_reason: 'NO_RESPONSE',
      hs_lead_disqualification_note: 'Five tries, no answer',
    });
    portal.reopenLead(lead.id);
    expect(lead.properties.hs_pipeline_stage).toBe('connected-stage-id');
    const other = portal.createOwner({ email: 'other@acme.example' });
    portal.setLeadOwner(lead.id, other.id);
    expect(lead.properties.hubspot_owner_id).toBe(other.id);
    expect(portal.deleteLead(lead.id)).toBe(true);
    expect(portal.leadsOfContact(contact.id)).toEqual([]);
  });

  it('a contact merge moves its leads to the surviving contact', async () => {
    const { portal, contact } = await start();
    const other = portal.createContact({ email: 'dup@buyer.example' });
    const lead = portal.createLead(other.id, undefined);
    portal.mergeContacts(contact.id, other.id);
    expect(portal.leadsOfContact(contact.id).map((l) => l.id)).toEqual([lead.id]);
  });

  it('knows which stages are closed, per pipeline, and disqualifies in a numeric pipeline', async () => {
    const { portal, contact } = await start({ inboundLeadPipeline: true });
    expect(portal.closedLeadStages('lead-pipeline-id')).toEqual([
      'qualified-stage-id',
      'unqualified-stage-id',
    ]);
    expect(portal.closedLeadStages()).toEqual(['qualified-stage-id', 'unqualified-stage-id', '1004', '1005']);
    const lead = portal.createLead(contact.id, undefined, { pipelineId: '1000', name: 'Inbound' });
    expect(portal.disqualifyLead(lead.id, null, null).properties.hs_pipeline_stage).toBe('1005');
  });
});

describe('outreach automation', () => {
  it("the owner's call moves a New lead to Attempting and sets the first outreach date; a meeting connects it", async () => {
    const { h, portal, rep, contact } = await start();
    const lead = portal.createLead(contact.id, rep.id);
    const first = h.clock.now();
    portal.addNote(contact.id, rep.id, first);
    portal.logCall(contact.id, undefined, first); // not the owner's
    expect(lead.properties.hs_pipeline_stage).toBe('new-stage-id');
    portal.logCall(contact.id, rep.id, first);
    expect(lead.properties).toMatchObject({
      hs_pipeline_stage: 'attempting-stage-id',
      hs_lead_first_outreach_date: new Date(first).toISOString(),
    });
    expect(lead.history.hs_pipeline_stage?.at(-1)?.sourceType).toBe('CALCULATED');
    h.clock.advance(3_600_000);
    portal.logEmail(contact.id, rep.id, h.clock.now());
    expect(lead.properties.hs_lead_first_outreach_date).toBe(new Date(first).toISOString());
    portal.logMeeting(contact.id, rep.id, h.clock.now());
    expect(lead.properties.hs_pipeline_stage).toBe('connected-stage-id');
  });

  it('leaves closed leads alone', async () => {
    const { h, portal, rep, contact } = await start();
    const lead = portal.createLead(contact.id, rep.id);
    portal.disqualifyLead(lead.id, 'WRONG_DATA', null);
    portal.logCall(contact.id, rep.id, h.clock.now());
    expect(lead.properties.hs_pipeline_stage).toBe('unqualified-stage-id');
    expect(lead.properties.hs_lead_first_outreach_date).toBeUndefined();
  });
});

describe('generic webhooks for leads', () => {
  it('object.creation, object.propertyChange and object.deletion carry objectTypeId 0-136 and the acting user', async () => {
    const { h, r, portal, rep, contact } = await start({
      subscriptions: [
        { subscriptionType: 'object.creation', objectTypeId: '0-136' },
        {
          subscriptionType: 'object.propertyChange',
          objectTypeId: '0-136',
          propertyName: 'hs_pipeline_stage',
        },
        { subscriptionType: 'object.deletion', objectTypeId: '0-136' },
        { subscriptionType: 'object.creation', objectTypeId: '0-1' },
      ],
    });
    const lead = portal.createLead(contact.id, rep.id);
    portal.logCall(contact.id, rep.id, h.clock.now());
    portal.deleteLead(lead.id);
    await h.sandbox.flushWebhooks();
    const events = r.received.flatMap((req) => req.events).filter((e) => e.objectTypeId === '0-136');
    const common = { objectId: Number(lead.id), objectTypeId: '0-136', isSensitive: false };
    expect(events).toEqual([
      expect.objectContaining({
        ...common,
        subscriptionType: 'object.creation',
        changeFlag: 'NEW',
        changeSource: 'CRM_UI',
        sourceId: `userId:${rep.userId}`,
      }),
      expect.objectContaining({
        ...common,
        subscriptionType: 'object.propertyChange',
        propertyName: 'hs_pipeline_stage',
        propertyValue: 'new-stage-id',
      }),
      expect.objectContaining({
        ...common,
        subscriptionType: 'object.propertyChange',
        propertyValue: 'attempting-stage-id',
        changeSource: 'CALCULATED',
      }),
      expect.objectContaining({
        ...common,
        subscriptionType: 'object.deletion',
        changeFlag: 'DELETED',
        sourceId: `userId:${rep.userId}`,
      }),
    ]);
  });

  it('an API create fires them as INTEGRATION with the app id', async () => {
    const { h, r, contact } = await start({
      subscriptions: [{ subscriptionType: 'object.creation', objectTypeId: '0-136' }],
    });
    await h.client().apiRequest({
      method: 'POST',
      path: '/crm/v3/objects/leads',
      body: {
        properties: { hs_lead_name: 'API' },
        associations: [
          {
            to: { id: contact.id },
            types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: 578 }],
          },
        ],
      },
    });
    await h.sandbox.flushWebhooks();
    expect(r.received.flatMap((req) => req.events)).toEqual([
      expect.objectContaining({
        objectTypeId: '0-136',
        changeSource: 'INTEGRATION',
        sourceId: String(h.setup.app.appId),
      }),
    ]);
  });
});
