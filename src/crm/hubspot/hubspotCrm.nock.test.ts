// The HubSpot adapter against recorded response shapes (nock): batching, retries, 429 policies, partial
// failures, lists, search windows, the two-step lifecycle move, and the call log.
import '../../../test/support/nockFirst.ts';
import nock from 'nock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultPolicy } from '../../domain/policy/schema.ts';
import type { CallLogEntry } from '../callRunner.ts';
import { CrmError } from '../port.ts';
import { LimiterRegistry, type LimitProfile } from '../rateLimits.ts';
import { HUBSPOT_LIMITS } from './limits.ts';
import { HubSpotConnection, type AccessTokenSource } from './hubspotConnection.ts';
import { HubSpotCrm } from './hubspotCrm.ts';

const API = 'https://api.hubapi.com';
const FAST = {
  general: { perWindow: 10_000, windowMs: 1000, maxConcurrent: 4 },
  search: { perWindow: 10_000, windowMs: 1000, maxConcurrent: 2 },
};

const contact = (id: string, props: Record<string, string | null> = {}) => ({
  id,
  properties: {
    createdate: '2026-11-02T09:15:00.000Z',
    email: `lead${id}@acme.io`,
    hs_object_id: id,
    lastmodifieddate: '2026-11-20T10:00:00.000Z',
    ...props,
  },
  createdAt: '2026-11-02T09:15:00.000Z',
  updatedAt: '2026-11-20T10:00:00.000Z',
  archived: false,
});
const batchOk = (ids: string[]) => ({
  status: 'COMPLETE',
  results: ids.map((id) => contact(id)),
  startedAt: '2026-11-22T10:00:00.000Z',
  completedAt: '2026-11-22T10:00:00.120Z',
});
const tenSecondly = {
  status: 'error',
  message: 'You have reached your ten_secondly_rolling limit.',
  errorType: 'RATE_LIMIT',
  correlationId: 'c0ffee00-0000-4000-8000-000000000001',
  policyName: 'TEN_SECONDLY_ROLLING',
};
const rateHeaders = {
  'X-HubSpot-RateLimit-Interval-Milliseconds': '10000',
  'X-HubSpot-RateLimit-Max': '110',
  'X-HubSpot-RateLimit-Remaining': '0',
};

/** nock 15 hands reply functions the fetch Request (one argument); the body is read from it. */
const bodyOf = async <T>(req: unknown): Promise<T> => (await (req as Request).json()) as T;
type Inputs = { inputs: Array<{ id: string; properties: Record<string, string> }> };

/** HubSpot's default lifecycle stages, as the lifecyclestage property lists them. */
const DEFAULT_STAGES = [
  'subscriber',
  'lead',
  'marketingqualifiedlead',
  'salesqualifiedlead',
  'opportunity',
  'customer',
  'evangelist',
  'other',
].map((value, displayOrder) => ({ value, label: value, displayOrder, hidden: false }));
const lifecycleProperty = (options = DEFAULT_STAGES) => ({
  name: 'lifecyclestage',
  type: 'enumeration',
  fieldType: 'radio',
  options,
});
/** A lifecycle write reads the portal's stages first (once per adapter, when provisioning has not run). */
const stagesRead = (options = DEFAULT_STAGES) =>
  nock(API)
    .get('/crm/v3/properties/contacts/lifecyclestage')
    .query(true)
    .reply(200, lifecycleProperty(options));

let log: CallLogEntry[];
let waits: number[];
let crm: HubSpotCrm;

function build(
  limits: LimitProfile = FAST,
  timeoutMs = 2000,
  tokens: AccessTokenSource = { accessToken: async () => 'pat-test-token' },
) {
  const connection = new HubSpotConnection({
    tenantId: 'hubspot-1001',
    basePath: API,
    tokens,
    limiters: new LimiterRegistry(limits),
    log: (e) => {
      log.push(e);
    },
    retry: { random: () => 0 },
    timeoutMs,
    sleep: async (ms) => {
      waits.push(ms);
    },
  });
  const built = new HubSpotCrm(connection);
  // These tests are about contacts; the Lead records have their own (leadRecords.nock.test.ts).
  built.followLeadObjects(false);
  return built;
}

beforeEach(() => {
  log = [];
  waits = [];
  crm = build();
});
afterEach(() => {
  nock.cleanAll();
});

describe('HubSpot adapter (nock)', () => {
  it('reads contacts in batches of at most 100 and maps them', async () => {
    const ids = Array.from({ length: 150 }, (_, i) => String(1000 + i));
    const bodies: Array<{ inputs: Array<{ id: string }>; properties: string[] }> = [];
    const scope = nock(API)
      .post('/crm/v3/objects/contacts/batch/read')
      .times(2)
      .reply(async (req: unknown) => {
        const b = await bodyOf<{ inputs: Array<{ id: string }>; properties: string[] }>(req);
        bodies.push(b);
        return [200, batchOk(b.inputs.map((i) => i.id))];
      });
    const leads = await crm.readLeads(ids);
    scope.done();
    expect(bodies.map((b) => b.inputs.length)).toEqual([100, 50]);
    expect(bodies[0]?.properties).toContain('hs_last_sales_activity_timestamp');
    expect(leads).toHaveLength(150);
    expect(leads[0]).toMatchObject({
      id: '1000',
      profile: { email: 'lead1000@acme.io' },
      lifecycle: 'unknown',
    });
    expect(log.map((l) => [l.operation, l.status, l.recordIds.length])).toEqual([
      ['contacts.batch.read', 'ok', 100],
      ['contacts.batch.read', 'ok', 50],
    ]);
  });

  it('waits out a 429 TEN_SECONDLY_ROLLING as told, then succeeds; every attempt is logged', async () => {
    const scope = nock(API)
      .post('/crm/v3/objects/contacts/batch/update')
      .reply(429, tenSecondly, { ...rateHeaders, 'Retry-After': '2' })
      .post('/crm/v3/objects/contacts/batch/update')
      .reply(200, batchOk(['1']));
    const results = await crm.writeFields([{ leadId: '1', fields: { fit: 80 } }]);
    scope.done();
    expect(results).toEqual([{ id: '1', ok: true }]);
    expect(waits).toEqual([2000]);
    expect(log.map((l) => [l.status, l.httpStatus, l.attempt, l.errorKind])).toEqual([
      ['retrying', 429, 1, 'rate_limited'],
      ['ok', 200, 2, null],
    ]);
  });

  it('does not retry the DAILY limit: the records fail as rate limited', async () => {
    nock(API)
      .post('/crm/v3/objects/contacts/batch/update')
      .reply(429, { ...tenSecondly, message: 'You have reached your daily limit.', policyName: 'DAILY' });
    const [result] = await crm.writeFields([{ leadId: '1', fields: { fit: 80 } }]);
    expect(result).toMatchObject({ id: '1', ok: false });
    expect(result?.ok === false && result.error.kind).toBe('rate_limited');
    expect(waits).toEqual([]);
  });

  it('backs off on 5xx and gives up after the last attempt', async () => {
    nock(API)
      .post('/crm/v3/objects/contacts/batch/update')
      .times(5)
      .reply(502, { status: 'error', message: 'Bad Gateway', correlationId: 'x' });
    const [result] = await crm.writeFields([{ leadId: '1', fields: { fit: 80 } }]);
    expect(result?.ok === false && result.error.kind).toBe('retryable');
    expect(waits).toEqual([250, 500, 1000, 2000]);
    expect(log.at(-1)).toMatchObject({ status: 'error', attempt: 5, httpStatus: 502 });
  });

  it('a call that never answers times out and is retried', async () => {
    crm = build(FAST, 100);
    nock(API)
      .post('/crm/v3/objects/contacts/batch/update')
      .delay(500)
      .reply(200, batchOk(['1']));
    nock(API)
      .post('/crm/v3/objects/contacts/batch/update')
      .reply(200, batchOk(['1']));
    expect(await crm.writeFields([{ leadId: '1', fields: { fit: 80 } }])).toEqual([{ id: '1', ok: true }]);
    expect(log[0]).toMatchObject({ status: 'retrying', httpStatus: null, errorKind: 'retryable' });
    expect(log[0]?.message).toMatch(/no answer within 100 ms/);
  });

  it('writes many leads in batches of 100, one input per lead, with Baton properties', async () => {
    const inputs: Array<Array<{ id: string; properties: Record<string, string> }>> = [];
    nock(API)
      .post('/crm/v3/objects/contacts/batch/update')
      .times(3)
      .reply(async (req: unknown) => {
        const b = await bodyOf<Inputs>(req);
        inputs.push(b.inputs);
        return [200, batchOk(b.inputs.map((i) => i.id))];
      });
    const updates = Array.from({ length: 250 }, (_, i) => ({
      leadId: String(i),
      fields: { fit: 50, slaDueAt: new Date('2026-11-25T20:00:00Z'), lastNote: null },
    }));
    // The same lead twice is merged into one input.
    updates.push({ leadId: '0', fields: { grade: 'B2' } as never });
    const results = await crm.writeFields(updates);
    expect(inputs.map((i) => i.length)).toEqual([100, 100, 50]);
    expect(inputs[0]?.[0]).toEqual({
      id: '0',
      properties: {
        baton_fit_score: '50',
        baton_sla_due_at: '1795636800000',
        baton_last_note: '',
        baton_grade: 'B2',
      },
    });
    expect(results.every((r) => r.ok)).toBe(true);
  });

  it('a 207 with per-record errors fails only those records', async () => {
    nock(API)
      .post('/crm/v3/objects/contacts/batch/update')
      .reply(207, {
        status: 'COMPLETE',
        results: [contact('1')],
        numErrors: 1,
        errors: [
          {
            status: 'error',
            category: 'OBJECT_NOT_FOUND',
            message: 'Could not get some CONTACT objects, they may be deleted or not exist.',
            context: { ids: ['2'] },
          },
        ],
        startedAt: '2026-11-22T10:00:00.000Z',
        completedAt: '2026-11-22T10:00:00.100Z',
      });
    const results = await crm.writeFields([
      { leadId: '1', fields: { fit: 1 } },
      { leadId: '2', fields: { fit: 2 } },
    ]);
    expect(results[0]).toEqual({ id: '1', ok: true });
    expect(results[1]?.ok === false && results[1].error.kind).toBe('not_found');
  });

  it('a batch refused as a whole is split until the bad record stands alone', async () => {
    const bad = '3';
    const validation = {
      status: 'error',
      message: 'Property values were not valid: [{"isValid":false,"message":"50a was not a valid number"}]',
      correlationId: 'v-1',
      category: 'VALIDATION_ERROR',
    };
    nock(API)
      .post('/crm/v3/objects/contacts/batch/update')
      .times(10)
      .reply(async (req: unknown) => {
        const ids = (await bodyOf<Inputs>(req)).inputs.map((i) => i.id);
        return ids.includes(bad) ? [400, validation] : [200, batchOk(ids)];
      });
    const results = await crm.writeFields(
      ['1', '2', '3', '4'].map((leadId) => ({ leadId, fields: { fit: 1 } })),
    );
    expect(results.map((r) => [r.id, r.ok])).toEqual([
      ['1', true],
      ['2', true],
      ['3', false],
      ['4', true],
    ]);
    expect(results[2]?.ok === false && results[2].error.message).toMatch(/not valid/);
  });

  it('moves the lifecycle stage backwards in two requests: clear, then set', async () => {
    const bodies: unknown[] = [];
    stagesRead();
    nock(API)
      .post('/crm/v3/objects/contacts/batch/update')
      .times(2)
      .reply(async (req: unknown) => {
        bodies.push(await bodyOf(req));
        return [200, batchOk(['7'])];
      });
    await crm.writeFields([{ leadId: '7', fields: { stage: 'recycled', lifecycle: 'lead' } }]);
    expect(bodies).toEqual([
      { inputs: [{ id: '7', properties: { baton_stage: 'recycled', lifecyclestage: '' } }] },
      { inputs: [{ id: '7', properties: { lifecyclestage: 'lead' } }] },
    ]);
  });

  it('moves it forward in one request', async () => {
    stagesRead();
    const scope = nock(API)
      .post('/crm/v3/objects/contacts/batch/update', {
        inputs: [{ id: '7', properties: { baton_stage: 'mql', lifecyclestage: 'marketingqualifiedlead' } }],
      })
      .reply(200, batchOk(['7']));
    await crm.writeFields([{ leadId: '7', fields: { stage: 'mql', lifecycle: 'mql' } }]);
    scope.done();
  });

  it('adds to a list in chunks; an existing member is success, a missing record is not found', async () => {
    const scope = nock(API)
      .put('/crm/v3/lists/42/memberships/add', ['1', '2', '3'])
      .reply(200, { recordsIdsAdded: ['1'], recordIdsMissing: ['3'] });
    const results = await crm.addToList('42', ['1', '2', '3', '2']);
    scope.done();
    expect(results.map((r) => [r.id, r.ok])).toEqual([
      ['1', true],
      ['2', true],
      ['3', false],
    ]);
  });

  it('removes from a list', async () => {
    const scope = nock(API)
      .put('/crm/v3/lists/42/memberships/remove', ['9'])
      .reply(200, { recordIdsRemoved: ['9'] });
    expect(await crm.removeFromList('42', ['9'])).toEqual([{ id: '9', ok: true }]);
    scope.done();
  });

  it('splits a search window that would pass the 10,000-result cap', async () => {
    const windows: Array<[string, string]> = [];
    nock(API)
      .post('/crm/v3/objects/contacts/search')
      .times(3)
      .reply(async (req: unknown) => {
        const b = await bodyOf<{ filterGroups: Array<{ filters: Array<{ value: string }> }> }>(req);
        const f = b.filterGroups[0]?.filters ?? [];
        const lo = f[0]?.value ?? '';
        const hi = f[1]?.value ?? '';
        windows.push([lo, hi]);
        const wide = Number(hi) - Number(lo) > 50_000;
        return [
          200,
          { total: wide ? 12_000 : 2, results: wide ? [] : [contact(`c${lo}`), contact(`d${lo}`)] },
        ];
      });
    const from = new Date(0);
    const to = new Date(100_000);
    const pages: string[][] = [];
    for await (const page of crm.leadsModifiedBetween(from, to)) pages.push(page.map((l) => l.id));
    expect(windows).toEqual([
      ['0', '100000'],
      ['0', '50000'],
      ['50000', '100000'],
    ]);
    expect(pages).toEqual([
      ['c0', 'd0'],
      ['c50000', 'd50000'],
    ]);
  });

  it('follows search paging with `after`', async () => {
    nock(API)
      .post('/crm/v3/objects/contacts/search', (b: { after?: string }) => b.after === '0')
      .reply(200, { total: 3, results: [contact('1'), contact('2')], paging: { next: { after: '2' } } })
      .post('/crm/v3/objects/contacts/search', (b: { after?: string }) => b.after === '2')
      .reply(200, { total: 3, results: [contact('3')] });
    const ids: string[] = [];
    for await (const page of crm.leadsModifiedBetween(new Date(0), new Date(1000)))
      ids.push(...page.map((l) => l.id));
    expect(ids).toEqual(['1', '2', '3']);
  });

  it('creates reminder tasks associated with the contact', async () => {
    const scope = nock(API)
      .post(
        '/crm/v3/objects/tasks/batch/create',
        (b: { inputs: Array<{ properties: Record<string, string>; associations: unknown[] }> }) => {
          const t = b.inputs[0];
          return (
            t?.properties['hubspot_owner_id'] === '77' &&
            t.properties['hs_task_subject'] === 'Call Ann' &&
            JSON.stringify(t.associations).includes('"associationTypeId":204')
          );
        },
      )
      .reply(201, { status: 'COMPLETE', results: [{ id: 't1', properties: {} }] });
    const results = await crm.createTasks([
      {
        leadId: '5',
        ownerId: '77',
        subject: 'Call Ann',
        body: 'SLA due soon',
        dueAt: new Date('2026-11-25T20:00:00Z'),
      },
    ]);
    scope.done();
    expect(results).toEqual([{ id: '5', ok: true }]);
  });

  describe('finding tasks (date-versioned associations)', () => {
    const READ = '/crm/associations/2026-03/contacts/tasks/batch/read';
    const at = { startedAt: '2026-11-22T10:00:00.000Z', completedAt: '2026-11-22T10:00:00.050Z' };
    const to = (toObjectId: string) => ({
      toObjectId,
      associationTypes: [{ category: 'HUBSPOT_DEFINED', typeId: 204, label: null }],
    });
    const task = (leadId: string, subject: string) => ({
      leadId,
      ownerId: '77',
      subject,
      body: '',
      dueAt: new Date('2026-11-25T20:00:00Z'),
    });

    it('follows each lead’s paging.next.after, so a task on a later page is found', async () => {
      const reads: unknown[] = [];
      nock(API)
        .post(READ)
        .reply(async (req: unknown) => {
          reads.push(await bodyOf(req));
          return [
            200,
            {
              status: 'COMPLETE',
              results: [
                { from: { id: '5' }, to: [to('901')], paging: { next: { after: 'c-901' } } },
                { from: { id: '6' }, to: [] },
              ],
              ...at,
            },
          ];
        })
        .post(READ, { inputs: [{ id: '5', after: 'c-901' }] })
        .reply(200, { status: 'COMPLETE', results: [{ from: { id: '5' }, to: [to('902')] }], ...at })
        .post(
          '/crm/v3/objects/tasks/batch/read',
          (b: { inputs: Array<{ id: string }> }) => b.inputs.map((i) => i.id).join() === '901,902',
        )
        .reply(200, {
          status: 'COMPLETE',
          results: [
            { id: '901', properties: { hs_task_subject: 'Older', hubspot_owner_id: '77' } },
            { id: '902', properties: { hs_task_subject: 'Call Ann', hubspot_owner_id: '77' } },
          ],
          ...at,
        });
      expect(await crm.findTasks([task('5', 'Call Ann'), task('6', 'Call Ann')])).toEqual([true, false]);
      expect(reads).toEqual([{ inputs: [{ id: '5' }, { id: '6' }] }]);
      expect(log.map((l) => [l.operation, l.status])).toEqual([
        ['contacts.tasks.associations.read', 'ok'],
        ['contacts.tasks.associations.read', 'ok'],
        ['tasks.batch.read', 'ok'],
      ]);
    });

    it('a 429 on the date-versioned read is waited out and retried like any call', async () => {
      nock(API)
        .post(READ)
        .reply(429, tenSecondly, { ...rateHeaders, 'Retry-After': '1' })
        .post(READ)
        .reply(207, {
          status: 'COMPLETE',
          results: [],
          numErrors: 1,
          errors: [
            {
              status: 'error',
              category: 'OBJECT_NOT_FOUND',
              message: 'gone',
              context: { fromObjectId: ['5'] },
            },
          ],
          ...at,
        });
      expect(await crm.findTasks([task('5', 'Call Ann')])).toEqual([false]);
      expect(waits).toEqual([1000]);
      expect(log.map((l) => [l.status, l.httpStatus, l.errorKind])).toEqual([
        ['retrying', 429, 'rate_limited'],
        ['ok', 200, null],
      ]);
    });
  });

  it('clears first a stage the portal orders before its Lead stage (a write there may be a move back)', async () => {
    // A portal that reordered its stages (MQL before Lead) and has no Sales Qualified Lead.
    stagesRead(
      ['subscriber', 'marketingqualifiedlead', 'lead', 'opportunity', 'customer'].map(
        (value, displayOrder) => ({
          value,
          label: value,
          displayOrder,
          hidden: false,
        }),
      ),
    );
    const bodies: unknown[] = [];
    nock(API)
      .post('/crm/v3/objects/contacts/batch/update')
      .times(2)
      .reply(async (req: unknown) => {
        bodies.push(await bodyOf(req));
        return [200, batchOk(['7'])];
      });
    // MQL comes before Lead in this portal: setting it may be a move back, so it is cleared first.
    await crm.writeFields([{ leadId: '7', fields: { lifecycle: 'mql' } }]);
    expect(bodies).toEqual([
      { inputs: [{ id: '7', properties: { lifecyclestage: '' } }] },
      { inputs: [{ id: '7', properties: { lifecyclestage: 'marketingqualifiedlead' } }] },
    ]);
  });

  it('leaves the stage alone where the portal has no stage for the meaning, and still writes the rest', async () => {
    stagesRead(DEFAULT_STAGES.filter((o) => o.value !== 'marketingqualifiedlead'));
    const scope = nock(API)
      .post('/crm/v3/objects/contacts/batch/update', {
        inputs: [{ id: '7', properties: { baton_stage: 'mql' } }],
      })
      .reply(200, batchOk(['7']));
    const results = await crm.writeFields([
      { leadId: '7', fields: { stage: 'mql', lifecycle: 'mql' } },
      { leadId: '8', fields: { lifecycle: 'mql' } },
    ]);
    scope.done();
    expect(results).toEqual([
      { id: '7', ok: true },
      { id: '8', ok: true, leftAlone: 'this portal has no lifecycle stage for it' },
    ]);
    // The stages were read once, for this adapter.
    expect(log.filter((l) => l.operation === 'properties.lifecyclestage.get')).toHaveLength(1);
  });

  it('an expired token (401) is an auth failure, not retried', async () => {
    nock(API).post('/crm/v3/objects/contacts/batch/read').reply(401, {
      status: 'error',
      message: 'The OAuth token used to make this call expired',
      category: 'EXPIRED_AUTHENTICATION',
    });
    await expect(crm.readLeads(['1'])).rejects.toMatchObject({ kind: 'auth_invalid', status: 401 });
    await expect(crm.readLeads(['1'])).rejects.toBeInstanceOf(CrmError);
  });

  it('a token refused before its expiry is refreshed once and the call tried again; refused again, it fails', async () => {
    let refreshes = 0;
    const tokens = {
      current: 'pat-old',
      accessToken: async () => tokens.current,
      refreshNow: async () => {
        refreshes += 1;
        tokens.current = `pat-new-${refreshes}`;
        return tokens.current;
      },
    };
    crm = build(FAST, 2000, tokens);
    const revoked = {
      status: 'error',
      message: 'Authentication credentials not found',
      category: 'INVALID_AUTHENTICATION',
    };
    nock(API)
      .post('/crm/v3/objects/contacts/batch/read')
      .matchHeader('authorization', 'Bearer pat-old')
      .reply(401, revoked)
      .post('/crm/v3/objects/contacts/batch/read')
      .matchHeader('authorization', 'Bearer pat-new-1')
      .reply(200, { status: 'COMPLETE', results: [contact('1')] });
    expect((await crm.readLeads(['1'])).map((l) => l.id)).toEqual(['1']);
    expect(refreshes).toBe(1);

    nock(API).post('/crm/v3/objects/contacts/batch/read').times(2).reply(401, revoked);
    await expect(crm.readLeads(['1'])).rejects.toMatchObject({ kind: 'auth_invalid', status: 401 });
    expect(refreshes).toBe(2);
  });

  it('names people by owner id and by user id from the owners API, following pages until all are found', async () => {
    nock(API)
      .get('/crm/v3/owners/')
      .query({ limit: '500', archived: 'false' })
      .reply(200, {
        results: [
          { id: '77', userId: 9001, email: 'maya@acme.example', firstName: 'Maya', lastName: 'Reed' },
          { id: '78', userId: 9002, email: 'no.name@acme.example', firstName: '', lastName: '' },
        ],
        paging: { next: { after: '78' } },
      })
      .get('/crm/v3/owners/')
      .query({ limit: '500', after: '78', archived: 'false' })
      .reply(200, {
        results: [
          { id: '79', userId: 9003, email: 'omar@acme.example', firstName: 'Omar', lastName: 'Haddad' },
        ],
      });
    const names = await crm.userNames(['77', '9002', '9003', '404']);
    expect(Object.fromEntries(names)).toEqual({
      '77': 'Maya Reed',
      '9002': 'no.name@acme.example',
      '9003': 'Omar Haddad',
    });
  });

  it("resolves a signed card user to an owner of this portal by userId; another portal's user is null", async () => {
    nock(API)
      .get('/crm/v3/owners/9001')
      .query({ idProperty: 'userId', archived: 'false' })
      .reply(200, { id: '77', userId: 9001, email: 'maya@acme.example', firstName: 'Maya', lastName: 'Reed' })
      .get('/crm/v3/owners/5555')
      .query({ idProperty: 'userId', archived: 'false' })
      .reply(404, { status: 'error', message: 'Owner not found', category: 'OBJECT_NOT_FOUND' })
      .get('/crm/v3/owners/9002')
      .query({ idProperty: 'userId', archived: 'false' })
      .reply(200, { id: '9002', userId: 1234, email: 'other@acme.example' });
    expect(await crm.portalUser('9001')).toEqual({ userId: '9001', ownerId: '77', name: 'Maya Reed' });
    expect(await crm.portalUser('5555')).toBeNull();
    // An answer for another user (an owner id that happens to equal the asked number) is not this user.
    expect(await crm.portalUser('9002')).toBeNull();
    // Not a HubSpot user id: nothing is asked.
    expect(await crm.portalUser('9001&idProperty=id')).toBeNull();
    expect(nock.isDone()).toBe(true);
  });

  it('spaces calls to stay under 110 per 10 s for one portal', async () => {
    crm = build(HUBSPOT_LIMITS);
    nock(API).post('/crm/v3/lists/1/memberships/add').times(12).reply(200, { recordsIdsAdded: [] });
    const started = performance.now();
    await Promise.all(Array.from({ length: 12 }, (_, i) => crm.addToList('1', [String(i)])));
    // 12 calls spaced ≥ 10000 / (110 × 0.98) ms apart: at least 11 gaps of 93 ms.
    expect(performance.now() - started).toBeGreaterThanOrEqual(11 * 93 - 5);
  });

  it('provisions the group, properties and lists once, failing no call; a second run changes nothing', async () => {
    const policy = defaultPolicy();
    const properties: Array<{ name: string; type: string; fieldType: string; options?: unknown[] }> = [
      { name: 'email', type: 'string', fieldType: 'text' },
      lifecycleProperty(),
    ];
    const lists = new Map<
      string,
      { listId: string; name: string; objectTypeId: string; processingType: string }
    >();
    const searches: Array<{ query: string; offset: number; count: number }> = [];
    let groupExists = false;
    nock(API)
      .persist()
      .get('/crm/v3/properties/contacts/groups')
      .reply(() => [200, { results: groupExists ? [{ name: 'baton', label: 'Baton' }] : [] }])
      .post('/crm/v3/properties/contacts/groups')
      .reply(() => {
        groupExists = true;
        return [201, { name: 'baton', label: 'Baton', displayOrder: -1, archived: false }];
      })
      .get('/crm/v3/properties/contacts')
      .query(true)
      .reply(() => [200, { results: properties }])
      .post('/crm/v3/properties/contacts')
      .reply(async (req: unknown) => {
        const b = await bodyOf<(typeof properties)[number]>(req);
        properties.push(b);
        return [201, b];
      })
      .post('/crm/v3/lists/search')
      .reply(async (req: unknown) => {
        const b = await bodyOf<{ query: string; offset: number; count: number }>(req);
        searches.push(b);
        const hits = [...lists.values()].filter((l) => l.name.includes(b.query));
        return [200, { lists: hits, offset: hits.length, hasMore: false, total: hits.length }];
      })
      .post('/crm/v3/lists')
      .reply(async (req: unknown) => {
        const name = (await bodyOf<{ name: string }>(req)).name;
        const list = {
          listId: String(100 + lists.size),
          name,
          objectTypeId: '0-1',
          processingType: 'MANUAL',
        };
        lists.set(name, list);
        return [200, { list }];
      });
    const first = await crm.provision(policy);
    expect(first.problems).toEqual([]);
    expect(first.created).toContain('property group baton');
    expect(first.created).toContain('property baton_fit_score');
    expect(Object.keys(first.lists).sort()).toEqual(policy.nurtureLists.map((l) => l.key).sort());
    // A fresh install looks its lists up by a search on their names: no 404 in the sync log.
    expect(log.filter((l) => l.status !== 'ok')).toEqual([]);
    expect(searches[0]).toMatchObject({ query: policy.nurtureLists[0]?.name, offset: 0, count: 500 });
    const second = await crm.provision(policy);
    expect(second.created).toEqual([]);
    expect(second.lists).toEqual(first.lists);
    expect(second.problems).toEqual([]);
  });

  it('follows the list search past a page of lists whose names only contain the one sought', async () => {
    const name = defaultPolicy().nurtureLists[0]?.name ?? '';
    const like = (listId: string, listName: string) => ({
      listId,
      name: listName,
      objectTypeId: '0-1',
      processingType: 'MANUAL',
    });
    nock(API)
      .get('/crm/v3/properties/contacts/groups')
      .reply(200, { results: [{ name: 'baton' }] })
      .get('/crm/v3/properties/contacts')
      .query(true)
      .reply(200, { results: [lifecycleProperty()] })
      .post('/crm/v3/properties/contacts')
      .times(11)
      .reply(201, {})
      .post(
        '/crm/v3/lists/search',
        (b: { query: string; offset: number }) => b.query === name && b.offset === 0,
      )
      .reply(200, { lists: [like('1', `${name} (old)`)], offset: 1, hasMore: true, total: 2 })
      .post(
        '/crm/v3/lists/search',
        (b: { query: string; offset: number }) => b.query === name && b.offset === 1,
      )
      .reply(200, { lists: [like('2', name)], offset: 2, hasMore: false, total: 2 })
      .post('/crm/v3/lists/search')
      .times(5)
      .reply(200, { lists: [], offset: 0, hasMore: false, total: 0 })
      .post('/crm/v3/lists')
      .times(5)
      .reply(200, { list: { listId: '9' } });
    const report = await crm.provision(defaultPolicy());
    expect(report.lists['ops_review']).toBe('2');
    expect(report.unchanged).toContain(`list ${name}`);
  });

  it('reports a property that exists with the wrong type, precisely, without touching it', async () => {
    nock(API)
      .get('/crm/v3/properties/contacts/groups')
      .reply(200, { results: [{ name: 'baton', label: 'Baton' }] })
      .get('/crm/v3/properties/contacts')
      .query(true)
      .reply(200, {
        results: [
          { name: 'baton_fit_score', type: 'string', fieldType: 'text', options: [] },
          lifecycleProperty(),
        ],
      })
      .post('/crm/v3/properties/contacts')
      .times(10)
      .reply(201, {})
      .post('/crm/v3/lists/search')
      .times(6)
      .reply(async (req: unknown) => {
        const { query } = await bodyOf<{ query: string }>(req);
        const list = { listId: '5', name: query, objectTypeId: '0-1', processingType: 'DYNAMIC' };
        return [200, { lists: [list], offset: 1, hasMore: false, total: 1 }];
      });
    const report = await crm.provision(defaultPolicy());
    expect(report.problems[0]).toEqual({
      what: 'Contact property "baton_fit_score" exists as string/text; Baton needs number/number.',
      fix: 'In HubSpot, Settings › Properties › Contact properties: rename or delete "baton_fit_score", then reconnect Baton to create it.',
    });
    expect(report.created).not.toContain('property baton_fit_score');
    expect(report.problems.filter((p) => p.what.includes('dynamic'))).toHaveLength(6);
  });
});
