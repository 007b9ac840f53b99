// The adapter reading contacts' Lead records (HubSpot's Leads object) against recorded response shapes: the
// associations read, the batch read with stage history (≤ 50 per request), the open record's owner, outreach as a
// touch, a disqualification in HubSpot's words; a portal without the Leads object; unmapped reasons in provisioning.
import '../../../test/support/nockFirst.ts';
import nock from 'nock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultPolicy } from '../../domain/policy/schema.ts';
import { LimiterRegistry } from '../rateLimits.ts';
import { HubSpotConnection } from './hubspotConnection.ts';
import { HubSpotCrm } from './hubspotCrm.ts';
import { leadObjectProblems } from './leadRecords.ts';

const API = 'https://api.hubapi.com';
const FAST = {
  general: { perWindow: 10_000, windowMs: 1000, maxConcurrent: 4 },
  search: { perWindow: 10_000, windowMs: 1000, maxConcurrent: 2 },
};

const contact = (id: string, props: Record<string, string | null> = {}) => ({
  id,
  properties: {
    createdate: '2026-11-02T09:15:00.000Z',
    lastmodifieddate: '2026-11-20T10:00:00.000Z',
    lifecyclestage: 'marketingqualifiedlead',
    hubspot_owner_id: null,
    ...props,
  },
  createdAt: '2026-11-02T09:15:00.000Z',
  updatedAt: '2026-11-20T10:00:00.000Z',
  archived: false,
});

const history = (entries: Array<[string, string, number?]>) =>
  entries.map(([value, timestamp, user]) => ({
    value,
    timestamp,
    sourceType: 'CRM_UI',
    ...(user !== undefined && { updatedByUserId: user }),
  }));

const leadRecord = (
  id: string,
  props: Record<string, string | null>,
  stages: Array<[string, string, number?]>,
) => ({
  id,
  properties: { hs_pipeline: 'lead-pipeline-id', ...props },
  propertiesWithHistory: { hs_pipeline_stage: history(stages) },
  createdAt: props['hs_createdate'] ?? '2026-11-03T09:00:00.000Z',
  updatedAt: '2026-11-20T10:00:00.000Z',
  archived: false,
});

const PIPELINES = {
  results: [
    {
      id: 'lead-pipeline-id',
      label: 'Lead pipeline',
      displayOrder: 0,
      archived: false,
      stages: ['new', 'attempting', 'connected', 'qualified', 'unqualified'].map((s, i) => ({
        id: `${s}-stage-id`,
        label: s === 'unqualified' ? 'Disqualified' : s,
        displayOrder: i,
        archived: false,
        metadata: {},
      })),
    },
    {
      id: '7001',
      label: 'Inbound leads',
      displayOrder: 1,
      archived: false,
      stages: [
        { id: '9001', label: 'Fresh', displayOrder: 0, archived: false, metadata: {} },
        { id: '9002', label: 'Working', displayOrder: 1, archived: false, metadata: {} },
        { id: '9003', label: 'Not qualified', displayOrder: 2, archived: false, metadata: {} },
      ],
    },
  ],
};
const REASONS = {
  name: 'hs_lead_disqualification_reason',
  type: 'enumeration',
  options: [
    { value: 'BAD_TIMING', label: 'Bad Timing', hidden: false },
    { value: 'NO_RESPONSE', label: 'No Response', hidden: false },
    { value: 'PRIOR_NEGATIVE_EXPERIENCE', label: 'Prior Negative Experience', hidden: false },
  ],
};

const bodyOf = async <T>(req: unknown): Promise<T> => (await (req as Request).json()) as T;

let crm: HubSpotCrm;
beforeEach(() => {
  crm = new HubSpotCrm(
    new HubSpotConnection({
      tenantId: 'hubspot-1001',
      basePath: API,
      tokens: { accessToken: async () => 'pat-test-token' },
      limiters: new LimiterRegistry(FAST),
      log: () => {},
      retry: { random: () => 0 },
      timeoutMs: 2000,
      sleep: async () => {},
    }),
  );
});
afterEach(() => {
  nock.cleanAll();
});

const contactsRead = (ids: string[], props: Record<string, Record<string, string | null>> = {}) =>
  nock(API)
    .post('/crm/v3/objects/contacts/batch/read')
    .reply(200, { status: 'COMPLETE', results: ids.map((id) => contact(id, props[id])) });

const associations = (pairs: Record<string, string[]>) =>
  nock(API)
    .post('/crm/associations/2026-03/contacts/leads/batch/read')
    .reply(200, {
      status: 'COMPLETE',
      results: Object.entries(pairs).map(([from, to]) => ({
        from: { id: from },
        to: to.map((toObjectId) => ({
          toObjectId,
          associationTypes: [{ category: 'HUBSPOT_DEFINED', typeId: 609 }],
        })),
      })),
    });

const setup = () => [
  nock(API).get('/crm/pipelines/2026-03/leads').reply(200, PIPELINES),
  nock(API).get('/crm/properties/2026-03/leads/hs_lead_disqualification_reason').reply(200, REASONS),
];

describe('Lead records on HubSpot (nock)', () => {
  it('adds the open record’s owner and its outreach, and reads the history of its stage in batches of 50', async () => {
    const ids = Array.from({ length: 60 }, (_, i) => String(100 + i));
    contactsRead(ids);
    associations(Object.fromEntries(ids.map((id) => [id, [`L${id}`]])));
    const bodies: Array<{ inputs: Array<{ id: string }>; propertiesWithHistory: string[] }> = [];
    const reads = nock(API)
      .post('/crm/objects/2026-03/leads/batch/read')
      .times(2)
      .reply(async (req: unknown) => {
        const b = await bodyOf<{ inputs: Array<{ id: string }>; propertiesWithHistory: string[] }>(req);
        bodies.push(b);
        const results = b.inputs.map(({ id }) =>
          leadRecord(
            id,
            {
              hubspot_owner_id: '501',
              hubspot_owner_assigneddate: '2026-11-03T09:00:00.000Z',
              hs_pipeline_stage: 'attempting-stage-id',
            },
            [
              ['new-stage-id', '2026-11-03T09:00:00.000Z'],
              ['attempting-stage-id', '2026-11-03T11:30:00.000Z', 77],
            ],
          ),
        );
        return [200, { status: 'COMPLETE', results }];
      });
    setup();
    const leads = await crm.readLeads(ids);
    expect(reads.isDone()).toBe(true);
    expect(bodies.map((b) => b.inputs.length)).toEqual([50, 10]);
    expect(bodies[0]?.propertiesWithHistory).toEqual(['hs_pipeline_stage']);
    const first = leads.find((l) => l.id === '100');
    expect(first?.ownerId).toBe('501');
    expect(first?.ownerAssignedAt?.toISOString()).toBe('2026-11-03T09:00:00.000Z');
    expect(first?.lastTouchAt?.toISOString()).toBe('2026-11-03T11:30:00.000Z');
    expect(first?.crmDisqualification).toBeNull();
    expect(first?.relatedRecords).toEqual([{ objectType: 'lead_record', id: 'L100' }]);
  });

  it('reads a disqualification from the newest record, with its label, note, time and user; its owner still holds the person', async () => {
    contactsRead(['1'], { '1': { hubspot_owner_id: '900' } });
    associations({ '1': ['L-old', 'L-new'] });
    nock(API)
      .post('/crm/objects/2026-03/leads/batch/read')
      .reply(200, {
        status: 'COMPLETE',
        results: [
          leadRecord(
            'L-old',
            {
              hs_createdate: '2026-06-01T09:00:00.000Z',
              hs_pipeline_stage: 'unqualified-stage-id',
              hs_lead_disqualification_reason: 'NO_RESPONSE',
            },
            [['unqualified-stage-id', '2026-06-09T09:00:00.000Z', 12]],
          ),
          leadRecord(
            'L-new',
            {
              hs_createdate: '2026-11-03T09:00:00.000Z',
              hs_pipeline: '7001',
              hs_pipeline_stage: '9003',
              hubspot_owner_id: '501',
              hs_lead_disqualification_reason: 'BAD_TIMING',
              hs_lead_disqualification_note: 'Budget opens in Q3',
            },
            [
              ['9001', '2026-11-03T09:00:00.000Z'],
              ['9003', '2026-11-05T15:00:00.000Z', 77],
            ],
          ),
        ],
      });
    setup();
    const [lead] = await crm.readLeads(['1']);
    expect(lead?.crmDisqualification).toEqual({
      recordId: 'L-new',
      reason: 'BAD_TIMING',
      reasonLabel: 'Bad Timing',
      note: 'Budget opens in Q3',
      at: new Date('2026-11-05T15:00:00.000Z'),
      byUserId: '77',
    });
    // The record's owner still holds the person: only the return Baton decides hands it back.
    expect(lead?.ownerId).toBe('501');
    expect(lead?.relatedRecords?.map((r) => r.id).sort()).toEqual(['L-new', 'L-old']);
  });

  it('a contact handed to a rep after its Lead record was closed is that rep’s: the newer hand-off wins', async () => {
    const contactOwner = (assigned: string) => ({
      hubspot_owner_id: '600',
      hubspot_owner_assigneddate: assigned,
    });
    contactsRead(['1', '2'], {
      '1': contactOwner('2026-12-01T14:00:00.000Z'),
      '2': contactOwner('2026-10-01T14:00:00.000Z'),
    });
    associations({ '1': ['L1'], '2': ['L2'] });
    const disqualified = (id: string) =>
      leadRecord(
        id,
        {
          hs_createdate: '2026-11-03T09:00:00.000Z',
          hs_pipeline_stage: 'unqualified-stage-id',
          hubspot_owner_id: '501',
          hubspot_owner_assigneddate: '2026-11-03T09:00:00.000Z',
          hs_lead_disqualification_reason: 'BAD_TIMING',
        },
        [['unqualified-stage-id', '2026-11-05T15:00:00.000Z', 77]],
      );
    nock(API)
      .post('/crm/objects/2026-03/leads/batch/read')
      .reply(200, { status: 'COMPLETE', results: [disqualified('L1'), disqualified('L2')] });
    setup();
    const leads = await crm.readLeads(['1', '2']);
    const byId = new Map(leads.map((l) => [l.id, l]));
    // Re-MQL'd and given to a rep on Baton's card on 1 Dec: theirs, although the old record names rep 501.
    expect(byId.get('1')).toMatchObject({
      ownerId: '600',
      ownerAssignedAt: new Date('2026-12-01T14:00:00.000Z'),
    });
    // Contact owner older than the record: the record's owner is the one working the lead.
    expect(byId.get('2')).toMatchObject({
      ownerId: '501',
      ownerAssignedAt: new Date('2026-11-03T09:00:00.000Z'),
    });
    expect(byId.get('1')?.crmDisqualification?.recordId).toBe('L1');
  });

  it('a portal without the Leads object (403) reads contacts alone, and is not asked again within the hour', async () => {
    contactsRead(['1']);
    const refused = nock(API).post('/crm/associations/2026-03/contacts/leads/batch/read').reply(403, {
      status: 'error',
      message: "This app hasn't been granted all required scopes to make this call.",
      category: 'MISSING_SCOPES',
      correlationId: 'c0ffee00-0000-4000-8000-000000000002',
    });
    const [lead] = await crm.readLeads(['1']);
    expect(refused.isDone()).toBe(true);
    expect(lead?.relatedRecords).toBeUndefined();
    contactsRead(['1']);
    const [again] = await crm.readLeads(['1']);
    expect(again?.id).toBe('1');
    expect(nock.pendingMocks()).toEqual([]);
  });

  it('a passing failure of the lead read fails the read (the drain tries again), not silently dropped', async () => {
    contactsRead(['1']);
    nock(API)
      .post('/crm/associations/2026-03/contacts/leads/batch/read')
      .times(10)
      .reply(503, { status: 'error', message: 'down' });
    await expect(crm.readLeads(['1'])).rejects.toMatchObject({ kind: 'retryable' });
  });

  it('does not read Lead records when the policy turns them off', async () => {
    crm.followLeadObjects(false);
    contactsRead(['1']);
    const [lead] = await crm.readLeads(['1']);
    expect(lead?.relatedRecords).toBeUndefined();
    expect(nock.pendingMocks()).toEqual([]);
  });

  it('finds the contact of a record Baton has not met through the record’s associations', async () => {
    nock(API)
      .post('/crm/associations/2026-03/leads/contacts/batch/read')
      .reply(200, {
        status: 'COMPLETE',
        results: [{ from: { id: 'L9' }, to: [{ toObjectId: '42', associationTypes: [] }] }],
      });
    expect(await crm.leadsOfRelated('lead_record', ['L9'])).toEqual(new Map([['L9', '42']]));
  });

  it('reports the reason options the policy does not map, with the fix; a portal without leads reports nothing', async () => {
    setup();
    const problems = await leadObjectProblems(crm.leadRecords, defaultPolicy());
    expect(problems).toHaveLength(1);
    expect(problems[0]?.what).toContain('"Prior Negative Experience"');
    expect(problems[0]?.fix).toContain('leadObjects.reasonMap["Prior Negative Experience"]');
    const other = new HubSpotCrm(
      new HubSpotConnection({
        tenantId: 'hubspot-1002',
        basePath: API,
        tokens: { accessToken: async () => 'pat-test-token' },
        limiters: new LimiterRegistry(FAST),
        log: () => {},
        retry: { random: () => 0 },
        timeoutMs: 2000,
        sleep: async () => {},
      }),
    );
    nock(API)
      .get('/crm/pipelines/2026-03/leads')
      .reply(403, { status: 'error', message: 'no', category: 'MISSING_SCOPES' });
    expect(await leadObjectProblems(other.leadRecords, defaultPolicy())).toEqual([]);
  });
});
