// The Salesforce adapter (jsforce 3 on undici) against Salesforce's real REST shapes (nock): API version in the
// path, Baton's client name on every call and assignment rules off on Lead writes, SOQL reads with touches from
// Task/Event rows, writes through sObject Collections (≤ 200, per-record results), the marketing queue as owner,
// campaign members (an existing member is success), REQUEST_LIMIT_EXCEEDED not retried, 5xx retried, a 401
// refreshed once through the token manager with the rotated refresh token saved, the API budget from
// Sforce-Limit-Info, and provisioning that reports what is missing instead of throwing.
import '../../../test/support/nockFirst.ts';
import nock from 'nock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultPolicy, type Policy } from '../../domain/policy/schema.ts';
import { AccessTokens, type TokenVault } from '../accessTokens.ts';
import type { CallLogEntry } from '../callRunner.ts';
import { CrmError, type RecordResult } from '../port.ts';
import { LimiterRegistry } from '../rateLimits.ts';
import type { TokenSet } from '../tokenSet.ts';
import { SF_FIELD_SPECS } from './batonFields.ts';
import { LEAD_FIELDS } from './leadMapping.ts';
import { refreshTokens, type SalesforceApp } from './oauth.ts';
import { SalesforceConnection, type ApiBudget } from './salesforceConnection.ts';
import { SalesforceCrm } from './salesforceCrm.ts';

const INSTANCE = 'https://acme.my.salesforce.com';
const LOGIN = 'https://login.salesforce.com';
const DATA = '/services/data/v62.0';
const NOW = new Date('2026-11-22T12:00:00Z');
const TENANT = 'sf-00Dxx0000001gPLEAY';
const QUEUE_ID = '00Gxx000000MktQEAS';
const REP = '005xx000001SwiUAAS';
const app: SalesforceApp = {
  clientId: '3MVG9-baton',
  clientSecret: 'secret',
  loginUrl: LOGIN,
  pubSubUrl: 'https://api.pubsub.salesforce.com:7443',
};
const FAST = { general: { perWindow: 100_000, windowMs: 1000, maxConcurrent: 4 } };

// ---- Salesforce's shapes -------------------------------------------------------------------------------------

const leadId = (n: number) => `00Qxx${String(n).padStart(10, '0')}EAA`;

/** A Lead row as SOQL returns it: attributes first, every selected field present (null when empty). */
const lead = (Id: string, extra: Record<string, unknown> = {}) => ({
  attributes: { type: 'Lead', url: `${DATA}/sobjects/Lead/${Id}` },
  Id,
  Email: `${Id.toLowerCase()}@acme.io`,
  Title: 'VP Sales',
  Company: 'Acme GmbH',
  Industry: 'Technology',
  NumberOfEmployees: 250,
  Country: 'Germany',
  LeadSource: 'Web',
  Status: 'Open - Not Contacted',
  OwnerId: REP,
  IsConverted: false,
  CreatedDate: '2026-11-02T09:15:00.000+0000',
  LastModifiedDate: '2026-11-20T10:00:00.000+0000',
  SystemModstamp: '2026-11-20T10:00:01.000+0000',
  LastModifiedById: REP,
  Baton_Return_Reason__c: null,
  Baton_Return_Note__c: null,
  Baton_Reengage_At__c: null,
  Baton_Return_Requested_At__c: null,
  ...extra,
});
const row = (type: string, fields: Record<string, unknown>) => ({
  attributes: { type, url: `${DATA}/sobjects/${type}/${String(fields['Id'] ?? '00Xxx0000000000AAA')}` },
  ...fields,
});
const queryResult = (records: unknown[], extra: Record<string, unknown> = {}) => ({
  totalSize: records.length,
  done: true,
  records,
  ...extra,
});
const saved = (id: string) => ({ id, success: true, errors: [] });
const refused = (statusCode: string, message: string, fields: string[] = []) => ({
  success: false,
  errors: [{ statusCode, message, fields }],
});
const limitExceeded = [{ message: 'TotalRequests Limit exceeded.', errorCode: 'REQUEST_LIMIT_EXCEEDED' }];
const sessionExpired = [{ message: 'Session expired or invalid', errorCode: 'INVALID_SESSION_ID' }];
const unknownException = [
  {
    message:
      'An unexpected error occurred. Please include this ErrorId if you contact support: 1897234-55 (-1129)',
    errorCode: 'UNKNOWN_EXCEPTION',
  },
];

// ---- What the fake org saw -----------------------------------------------------------------------------------

interface Seen {
  method: string;
  path: string;
  soql: string | null;
  headers: Headers;
  body: unknown;
}
let seen: Seen[];

let lastBody: unknown;
/** Body matcher that keeps the request body (nock hands it parsed) for `note`; the reply must not await it. */
const body = (b: unknown) => {
  lastBody = b;
  return true;
};

function note(req: unknown): Seen {
  const r = req as Request;
  const url = new URL(r.url);
  const s: Seen = {
    method: r.method,
    path: `${url.pathname}${url.pathname.endsWith('/query') ? '' : url.search}`,
    soql: url.searchParams.get('q'),
    headers: r.headers,
    body: r.method === 'GET' || r.method === 'DELETE' ? undefined : lastBody,
  };
  lastBody = undefined;
  seen.push(s);
  return s;
}

type Reply = readonly [number, unknown] | readonly [number, unknown, Record<string, string>];

/**
 * An answer with Content-Type and Content-Length, as Salesforce sends it. Without a length undici reads the body
 * to the end of the (mocked) socket and then resets it, which nock 15's socket turns into an uncaught error.
 */
function answer([status, payload, headers = {}]: Reply) {
  const text = typeof payload === 'string' ? payload : JSON.stringify(payload);
  const type = typeof payload === 'string' ? 'text/html' : 'application/json;charset=UTF-8';
  return [
    status,
    text,
    { 'Content-Type': type, 'Content-Length': String(Buffer.byteLength(text)), ...headers },
  ] as const;
}
/** A reply function that records the request, then answers. */
const noted = (handler: (s: Seen) => Reply) => (req: unknown) => answer(handler(note(req)));
/** The org's API host; static replies get their Content-Length from nock. */
const sf = () => nock(INSTANCE).replyContentLength();

/** Every SOQL query goes to one handler (by the query text); an unexpected query is a 400 MALFORMED_QUERY. */
function onQueries(route: (soql: string) => Reply | null) {
  return sf()
    .persist()
    .get(`${DATA}/query`)
    .query(true)
    .reply(
      noted(
        (s) =>
          route(s.soql ?? '') ?? [
            400,
            [{ message: `unexpected query: ${s.soql}`, errorCode: 'MALFORMED_QUERY' }],
          ],
      ),
    );
}
const queries = () => seen.filter((s) => s.soql !== null).map((s) => s.soql ?? '');

/** The org's Change Data Capture selections, as the Tooling API lists PlatformEventChannelMember rows. */
function onSelections(entities: readonly string[], custom: readonly string[] = []) {
  const member = (name: string, entity: string) =>
    row('PlatformEventChannelMember', { DeveloperName: name, SelectedEntity: entity });
  return sf()
    .get(`${DATA}/tooling/query`)
    .query(true)
    .reply(200, {
      ...queryResult([
        ...entities.map((e) => member(`ChangeEvents_${e}`, e)),
        // A custom channel's member selects the entity for that channel only, not for the standard one.
        ...custom.map((e) => member(`Baton_chn_${e}`, e)),
      ]),
      entityTypeName: 'PlatformEventChannelMember',
    });
}
const ALL_SELECTED = ['LeadChangeEvent', 'TaskChangeEvent', 'EventChangeEvent'];

/** The ids inside `Id IN (...)` / `WhoId IN (...)` / `LeadId IN (...)`. */
const idsIn = (soql: string) =>
  [...(/IN \(([^)]*)\)/.exec(soql)?.[1] ?? '').matchAll(/'([^']+)'/g)].map((m) => m[1] ?? '');

// ---- The adapter under test ----------------------------------------------------------------------------------

function memoryVault(initial: TokenSet) {
  const state = { tokens: initial, saves: [] as TokenSet[], status: 'connected', leaseHeld: false };
  const vault: TokenVault = {
    read: async () => state.tokens,
    tryLease: async () => !state.leaseHeld && (state.leaseHeld = true),
    saveAndRelease: async (_t, tokens) => {
      state.tokens = tokens;
      state.saves.push(tokens);
      state.leaseHeld = false;
    },
    release: async () => {
      state.leaseHeld = false;
    },
    markDisconnected: async (_t, why) => {
      state.status = `disconnected: ${why}`;
    },
    markRefreshFailing: async (_t, why) => {
      state.status = `refresh_failing: ${why}`;
    },
    markConnected: async () => {
      state.status = 'connected';
    },
  };
  return { vault, state };
}

let log: CallLogEntry[];
let waits: number[];
let budgets: ApiBudget[];
let vaultState: ReturnType<typeof memoryVault>['state'];
let limiters: LimiterRegistry;
let crm: SalesforceCrm;

beforeEach(() => {
  seen = [];
  log = [];
  waits = [];
  budgets = [];
  const { vault, state } = memoryVault({
    accessToken: 'at-1',
    refreshToken: 'rt-1',
    expiresAt: new Date(NOW.getTime() + 3_600_000),
    instanceUrl: INSTANCE,
  });
  vaultState = state;
  const tokens = new AccessTokens({
    tenantId: TENANT,
    vault,
    now: () => NOW,
    refresh: (current) => refreshTokens(app, current, NOW),
    sleep: async () => {},
  });
  limiters = new LimiterRegistry(FAST);
  crm = new SalesforceCrm(
    new SalesforceConnection({
      tenantId: TENANT,
      instanceUrl: INSTANCE,
      tokens,
      limiters,
      log: (e) => {
        log.push(e);
      },
      onBudget: (b) => budgets.push(b),
      retry: { random: () => 0, baseDelayMs: 10, maxDelayMs: 80 },
      timeoutMs: 2000,
      sleep: async (ms) => {
        waits.push(ms);
      },
    }),
    () => NOW,
  );
});
afterEach(async () => {
  nock.cleanAll();
  await limiters.stop();
});

const failed = (r: RecordResult | undefined) => (r && !r.ok ? r.error : null);

// nock 15 intercepts undici at the socket (@mswjs/interceptors): a new connection whose first bytes land after a
// setImmediate is taken for a non-HTTP client and passed through to the real host (ENOTFOUND: no network here).
// On a loaded machine that race is lost now and then; a retry absorbs it, a real regression fails every attempt.
describe('Salesforce adapter (nock)', { retry: 2 }, () => {
  it('reads leads with SOQL on v62.0, sending Baton as the client, and maps them', async () => {
    const a = leadId(1);
    const b = leadId(2);
    onQueries((soql) => {
      if (soql.includes('FROM Lead'))
        return [
          200,
          queryResult([
            lead(a, {
              LeadSource: 'Demo Request',
              Email: '',
              Baton_Return_Reason__c: 'Bad_Timing',
              Baton_Return_Note__c: 'Budget frozen until Q2',
              Baton_Reengage_At__c: '2027-03-01',
              Baton_Return_Requested_At__c: '2026-11-21T16:45:00.000+0000',
              LastModifiedById: '005xx000002RepBAAS',
            }),
            lead(b, { IsConverted: true, Status: 'Closed - Converted', NumberOfEmployees: null }),
          ]),
        ];
      if (soql.startsWith('SELECT WhoId, CompletedDateTime')) return [200, queryResult([])];
      if (soql.startsWith('SELECT WhoId, StartDateTime')) return [200, queryResult([])];
      return null;
    });
    const leads = await crm.readLeads([a, b, a]);
    expect(seen.every((s) => s.path === `${DATA}/query`)).toBe(true);
    expect(seen.every((s) => s.headers.get('sforce-call-options') === 'client=Baton')).toBe(true);
    expect(seen.every((s) => s.headers.get('authorization') === 'Bearer at-1')).toBe(true);
    const [leadQuery] = queries();
    expect(leadQuery).toMatch(/^SELECT Id, Email, .*Baton_Return_Requested_At__c FROM Lead WHERE Id IN /);
    // The same id twice is read once.
    expect(idsIn(leadQuery ?? '')).toEqual([a, b]);
    expect(leads).toHaveLength(2);
    expect(leads[0]).toEqual({
      id: a,
      profile: {
        email: null,
        title: 'VP Sales',
        employees: 250,
        industry: 'Technology',
        country: 'Germany',
        source: 'Demo Request',
        campaign: null,
      },
      ownerId: REP,
      ownerAssignedAt: null,
      lifecycle: 'lead',
      createdAt: new Date('2026-11-02T09:15:00Z'),
      modifiedAt: new Date('2026-11-20T10:00:01Z'),
      lastTouchAt: null,
      engagement: [{ type: 'demo_request', at: new Date('2026-11-02T09:15:00Z'), detail: 'Demo Request' }],
      returnRequest: {
        reason: 'Bad_Timing',
        note: 'Budget frozen until Q2',
        reengageOn: '2027-03-01',
        requestedAt: new Date('2026-11-21T16:45:00Z'),
        byUserId: '005xx000002RepBAAS',
      },
    });
    // A converted lead is an opportunity as far as Baton is concerned; no request pending.
    expect(leads[1]).toMatchObject({ id: b, lifecycle: 'opportunity', returnRequest: null });
    expect(leads[1]?.profile.employees).toBeNull();
  });

  it('takes the last touch from completed Tasks and past Events (WhoId), not from LastActivityDate', async () => {
    const a = leadId(1);
    const b = leadId(2);
    const c = leadId(3);
    onQueries((soql) => {
      if (soql.includes('FROM Lead'))
        return [
          200,
          queryResult([
            // LastActivityDate is a date without time and ignores who logged what; Baton must not use it.
            lead(a, { LastActivityDate: '2026-11-21' }),
            lead(b, { LastActivityDate: '2026-11-21' }),
            lead(c, { LastActivityDate: '2026-11-21' }),
          ]),
        ];
      if (soql.includes('FROM Task'))
        return [
          200,
          queryResult([
            row('Task', {
              WhoId: a,
              CompletedDateTime: '2026-11-18T08:00:00.000+0000',
              CreatedDate: '2026-11-18T07:00:00.000+0000',
            }),
            row('Task', {
              WhoId: a,
              CompletedDateTime: '2026-11-19T14:30:00.000+0000',
              CreatedDate: '2026-11-19T14:00:00.000+0000',
            }),
            // Logged as completed without a completion time: when it was logged.
            row('Task', { WhoId: b, CompletedDateTime: null, CreatedDate: '2026-11-17T11:00:00.000+0000' }),
          ]),
        ];
      if (soql.includes('FROM Event'))
        return [
          200,
          queryResult([
            row('Event', { WhoId: a, StartDateTime: '2026-11-19T10:00:00.000+0000' }),
            row('Event', { WhoId: b, StartDateTime: '2026-11-20T09:00:00.000+0000' }),
          ]),
        ];
      return null;
    });
    const leads = await crm.readLeads([a, b, c]);
    const touch = Object.fromEntries(leads.map((l) => [l.id, l.lastTouchAt?.toISOString() ?? null]));
    expect(touch).toEqual({
      [a]: '2026-11-19T14:30:00.000Z',
      [b]: '2026-11-20T09:00:00.000Z',
      [c]: null,
    });
    const [, taskQuery, eventQuery] = queries();
    // Closed tasks, whatever the org calls its closed statuses.
    expect(taskQuery).toMatch(/FROM Task WHERE WhoId IN \(.*\) AND IsClosed = true$/);
    expect(idsIn(taskQuery ?? '')).toEqual([a, b, c]);
    // Only events that already started count; the cut-off is Baton's now (its clock, not the machine's).
    expect(eventQuery).toMatch(/FROM Event WHERE WhoId IN \(.*\) AND StartDateTime <= 2026-11-22T12:00:00Z$/);
  });

  it('names users and queues by id with one query each', async () => {
    onQueries((soql) => {
      if (soql.startsWith('SELECT Id, Name FROM User WHERE Id IN'))
        return [200, queryResult([row('User', { Id: REP, Name: 'Priya Natarajan' })])];
      if (soql.startsWith('SELECT Id, Name FROM Group WHERE Id IN'))
        return [200, queryResult([row('Group', { Id: QUEUE_ID, Name: 'Baton Marketing' })])];
      return null;
    });
    const names = await crm.userNames([REP, QUEUE_ID, '005xx000001Unkn0AAA']);
    expect(Object.fromEntries(names)).toEqual({ [REP]: 'Priya Natarajan', [QUEUE_ID]: 'Baton Marketing' });
    expect(queries()).toHaveLength(2);
  });

  it('a user of the org owns records under their own id; an unknown id or a queue is not a user', async () => {
    onQueries((soql) =>
      soql.startsWith('SELECT Id, Name FROM User WHERE Id IN')
        ? [200, queryResult(soql.includes(REP) ? [row('User', { Id: REP, Name: 'Priya Natarajan' })] : [])]
        : null,
    );
    expect(await crm.portalUser(REP)).toEqual({ userId: REP, ownerId: REP, name: 'Priya Natarajan' });
    expect(await crm.portalUser('005xx000001Unkn0AAA')).toBeNull();
    expect(await crm.portalUser(QUEUE_ID)).toBeNull();
  });

  it('leaves converted leads alone: a write to one seen converted (or refused as converted) makes no call', async () => {
    const [a, b] = [leadId(1), leadId(2)];
    onQueries((soql) =>
      soql.includes('FROM Lead WHERE Id IN')
        ? [200, queryResult([lead(a, { IsConverted: true, Status: 'Closed - Converted' })])]
        : [200, queryResult([])],
    );
    await crm.readLeads([a]);
    sf()
      .patch(`${DATA}/composite/sobjects`, body)
      .reply(
        noted(() => [
          200,
          [
            {
              success: false,
              errors: [
                {
                  statusCode: 'CANNOT_UPDATE_CONVERTED_LEAD',
                  message: 'cannot reference converted lead',
                  fields: [],
                },
              ],
            },
          ],
        ]),
      );
    const first = await crm.writeFields([
      { leadId: a, fields: { fit: 10 } },
      { leadId: b, fields: { fit: 20 } },
    ]);
    // Done, and said why nothing went out (ops and the demo's counts tell these apart from real writes).
    const leftAlone = expect.stringMatching(/^converted in Salesforce/);
    expect(first).toEqual(
      expect.arrayContaining([
        { id: a, ok: true, leftAlone },
        { id: b, ok: true, leftAlone },
      ]),
    );
    const patches = () => seen.filter((x) => x.method === 'PATCH');
    // a was never sent; b was, and Salesforce said it is converted now.
    expect(patches()).toHaveLength(1);
    expect((patches()[0]?.body as { records: Array<{ id: string }> }).records.map((r) => r.id)).toEqual([b]);
    expect(await crm.writeFields([{ leadId: b, fields: { fit: 21 } }])).toEqual([
      { id: b, ok: true, leftAlone },
    ]);
    expect(patches()).toHaveLength(1);
  });

  it('reads many leads in chunks of at most 200 ids', async () => {
    const ids = Array.from({ length: 250 }, (_, i) => leadId(i));
    onQueries((soql) => {
      const inIds = idsIn(soql);
      if (soql.includes('FROM Lead')) return [200, queryResult(inIds.map((id) => lead(id)))];
      return [200, queryResult([])];
    });
    const leads = await crm.readLeads(ids);
    expect(leads.map((l) => l.id)).toEqual(ids);
    const leadQueries = queries().filter((q) => q.includes('FROM Lead'));
    expect(leadQueries.map((q) => idsIn(q).length)).toEqual([200, 50]);
    expect(
      queries()
        .filter((q) => q.includes('FROM Task'))
        .map((q) => idsIn(q).length),
    ).toEqual([200, 50]);
  });

  it('quotes ids in SOQL so a crafted id cannot change the query', async () => {
    onQueries(() => [200, queryResult([])]);
    await crm.readLeads(["00Q' OR Name != '"]);
    expect(queries()[0]).toContain("WHERE Id IN ('00Q\\' OR Name != \\'')");
  });

  it('reads the leads modified in a window, following query pages, then the leads whose activities changed', async () => {
    const from = new Date('2026-11-22T10:00:00.123Z');
    const to = new Date('2026-11-22T11:00:00Z');
    const [a, b, c, d] = [leadId(1), leadId(2), leadId(3), leadId(4)];
    const locator = '01gxx0000006ZzQAAU-2000';
    sf()
      .get(`${DATA}/query/${locator}`)
      .reply(noted(() => [200, queryResult([lead(b)], { totalSize: 2 })]));
    onQueries((soql) => {
      if (soql.includes('FROM Lead WHERE SystemModstamp'))
        return [
          200,
          { totalSize: 2, done: false, nextRecordsUrl: `${DATA}/query/${locator}`, records: [lead(a)] },
        ];
      if (soql.startsWith('SELECT WhoId FROM Task'))
        // a was read already; c had a call logged (twice); a task on a contact (003…) is no lead's touch.
        return [
          200,
          queryResult([
            row('Task', { WhoId: a }),
            row('Task', { WhoId: c }),
            row('Task', { WhoId: c }),
            row('Task', { WhoId: '003xx000004TmiQAAS' }),
          ]),
        ];
      if (soql.startsWith('SELECT WhoId FROM Event'))
        return [200, queryResult([row('Event', { WhoId: d }), row('Event', { WhoId: null })])];
      if (soql.includes('FROM Lead WHERE Id IN'))
        return [200, queryResult(idsIn(soql).map((id) => lead(id)))];
      if (soql.includes('CompletedDateTime') || soql.includes('StartDateTime')) return [200, queryResult([])];
      return null;
    });
    const pages: string[][] = [];
    for await (const page of crm.leadsModifiedBetween(from, to)) pages.push(page.map((l) => l.id));
    // One batch per result page as it arrives (not the whole window in memory), then the touched leads.
    expect(pages).toEqual([[a], [b], [c, d]]);
    const q = queries();
    expect(q[0]).toBe(
      `SELECT ${LEAD_FIELDS.join(', ')} FROM Lead WHERE SystemModstamp >= 2026-11-22T10:00:00Z AND SystemModstamp < 2026-11-22T11:00:00Z ORDER BY SystemModstamp ASC`,
    );
    expect(seen.filter((s) => s.path === `${DATA}/query/${locator}`)).toHaveLength(1);
    for (const entity of ['Task', 'Event'])
      expect(
        q.some((s) =>
          s.startsWith(
            `SELECT WhoId FROM ${entity} WHERE SystemModstamp >= 2026-11-22T10:00:00Z AND SystemModstamp < 2026-11-22T11:00:00Z`,
          ),
        ),
        entity,
      ).toBe(true);
    const reread = q.filter((s) => s.includes('FROM Lead WHERE Id IN'));
    expect(reread.map(idsIn)).toEqual([[c, d]]);
  });

  it('counts the leads modified in a window', async () => {
    // One COUNT() call, not every id.
    onQueries((soql) =>
      soql ===
      'SELECT COUNT() FROM Lead WHERE SystemModstamp >= 2026-11-01T00:00:00Z AND SystemModstamp < 2026-11-02T00:00:00Z'
        ? [200, { totalSize: 3, done: true, records: [] }]
        : null,
    );
    expect(
      await crm.countLeadsModifiedBetween(new Date('2026-11-01T00:00:00Z'), new Date('2026-11-02T00:00:00Z')),
    ).toBe(3);
  });

  it('writes fields through sObject Collections, at most 200 per call, with assignment rules off', async () => {
    const scope = sf()
      .patch(`${DATA}/composite/sobjects`, body)
      .times(2)
      .reply(
        noted((s) => {
          const records = (s.body as { records: Array<{ id: string }> }).records;
          return [200, records.map((r) => saved(r.id))];
        }),
      );
    const updates = Array.from({ length: 250 }, (_, i) => ({
      leadId: leadId(i),
      fields: {
        stage: 'recycled' as const,
        fit: 72,
        slaDueAt: new Date('2026-11-25T20:00:00Z'),
        slaStatus: null,
        lastNote: null,
      },
    }));
    // The same lead twice is one record; a lifecycle alone has no Salesforce field and needs no call.
    updates.push({ leadId: leadId(0), fields: { grade: 'B2' } as never });
    updates.push({ leadId: leadId(999), fields: { lifecycle: 'lead' } as never });
    const results = await crm.writeFields(updates);
    scope.done();
    expect(seen.map((s) => s.method)).toEqual(['PATCH', 'PATCH']);
    for (const s of seen) {
      expect(s.headers.get('sforce-auto-assign')).toBe('FALSE');
      expect(s.headers.get('sforce-call-options')).toBe('client=Baton');
      expect(s.headers.get('authorization')).toBe('Bearer at-1');
    }
    const bodies = seen.map((s) => s.body as { allOrNone: boolean; records: Array<Record<string, unknown>> });
    expect(bodies.map((b) => [b.allOrNone, b.records.length])).toEqual([
      [false, 200],
      [false, 50],
    ]);
    expect(bodies[0]?.records[0]).toEqual({
      id: leadId(0),
      attributes: { type: 'Lead' },
      Baton_Stage__c: 'recycled',
      Baton_Fit__c: 72,
      Baton_SLA_Due__c: '2026-11-25T20:00:00.000Z',
      Baton_SLA_Status__c: null,
      Baton_Last_Note__c: null,
      Baton_Grade__c: 'B2',
    });
    expect(results).toHaveLength(251);
    expect(results.every((r) => r.ok)).toBe(true);
    expect(results.at(-1)).toEqual({ id: leadId(999), ok: true });
    expect(log.map((l) => [l.operation, l.status, l.recordIds.length])).toEqual([
      ['leads.update', 'ok', 200],
      ['leads.update', 'ok', 50],
    ]);
  });

  it('acknowledges a handled return in the write that carries it: the quick action’s request fields are cleared', async () => {
    sf()
      .patch(`${DATA}/composite/sobjects`, body)
      .reply(
        noted((s) => [200, (s.body as { records: Array<{ id: string }> }).records.map((r) => saved(r.id))]),
      );
    await crm.writeFields([
      {
        leadId: leadId(1),
        fields: { stage: 'recycled', returnedAt: new Date('2026-11-24T16:00:00Z'), lastReason: 'no_budget' },
      },
      { leadId: leadId(2), fields: { stage: 'assigned', fit: 40 } },
    ]);
    const [returned, other] = (seen[0]?.body as { records: Array<Record<string, unknown>> }).records;
    expect(returned).toEqual({
      id: leadId(1),
      attributes: { type: 'Lead' },
      Baton_Stage__c: 'recycled',
      Baton_Returned_At__c: '2026-11-24T16:00:00.000Z',
      Baton_Last_Reason__c: 'no_budget',
      Baton_Return_Reason__c: null,
      Baton_Return_Note__c: null,
      Baton_Reengage_At__c: null,
      Baton_Return_Requested_At__c: null,
      Baton_Return_Refusal__c: null,
    });
    // Any other write leaves a rep's request alone: it may be one Baton has not read yet.
    expect(
      Object.keys(other ?? {}).filter((k) => k.startsWith('Baton_Return') || k.startsWith('Baton_Reengage')),
    ).toEqual([]);
  });

  it('an org without a newer package field: the refused records go again without it, and later writes leave it out', async () => {
    sf()
      .patch(`${DATA}/composite/sobjects`, body)
      .times(3)
      .reply(
        noted((s) => {
          const records = (s.body as { records: Array<Record<string, unknown>> }).records;
          return [
            200,
            records.map((r) =>
              'Baton_Return_Refusal__c' in r
                ? refused(
                    'INVALID_FIELD',
                    "No such column 'Baton_Return_Refusal__c' on sobject of type Lead",
                    ['Baton_Return_Refusal__c'],
                  )
                : saved(String(r['id'])),
            ),
          ];
        }),
      );
    const returned = { stage: 'recycled' as const, returnedAt: new Date('2026-11-24T16:00:00Z') };
    expect(
      await crm.writeFields([
        { leadId: leadId(1), fields: returned },
        { leadId: leadId(2), fields: { fit: 30 } },
      ]),
    ).toEqual([
      { id: leadId(1), ok: true },
      { id: leadId(2), ok: true },
    ]);
    expect(await crm.writeFields([{ leadId: leadId(3), fields: returned }])).toEqual([
      { id: leadId(3), ok: true },
    ]);
    const sent = seen.map((x) =>
      (x.body as { records: Array<Record<string, unknown>> }).records.map((r) => r['id']),
    );
    // The first write, the one record again without the field, then the next write without it from the start.
    expect(sent).toEqual([[leadId(1), leadId(2)], [leadId(1)], [leadId(3)]]);
  });

  it('a partial failure fails only the refused records, with the right kind', async () => {
    sf()
      .patch(`${DATA}/composite/sobjects`)
      .reply(200, [
        saved(leadId(1)),
        refused('FIELD_CUSTOM_VALIDATION_EXCEPTION', 'Fit must be between 0 and 100', ['Baton_Fit__c']),
        refused('ENTITY_IS_DELETED', 'entity is deleted'),
        saved(leadId(4)),
        refused('UNABLE_TO_LOCK_ROW', 'unable to obtain exclusive access to this record or 1 records'),
      ]);
    const results = await crm.writeFields(
      [1, 2, 3, 4, 5].map((n) => ({ leadId: leadId(n), fields: { fit: n } })),
    );
    expect(results.map((r) => [r.id, r.ok])).toEqual([
      [leadId(1), true],
      [leadId(2), false],
      [leadId(3), false],
      [leadId(4), true],
      [leadId(5), false],
    ]);
    // A row another transaction holds is free again later: the write stays pending, it is not dead-lettered.
    expect(failed(results[4])?.kind).toBe('retryable');
    expect(failed(results[1])).toMatchObject({
      kind: 'permanent',
      message: 'FIELD_CUSTOM_VALIDATION_EXCEPTION: Fit must be between 0 and 100',
    });
    expect(failed(results[2])?.kind).toBe('not_found');
  });

  it('gives leads back to marketing by setting the marketing queue as owner (looked up once)', async () => {
    onQueries((soql) =>
      soql === "SELECT Id FROM Group WHERE Type = 'Queue' AND DeveloperName = 'Baton_Marketing'"
        ? [200, queryResult([row('Group', { Id: QUEUE_ID })])]
        : null,
    );
    sf()
      .patch(`${DATA}/composite/sobjects`, body)
      .times(2)
      .reply(
        noted((s) => [200, (s.body as { records: Array<{ id: string }> }).records.map((r) => saved(r.id))]),
      );
    const first = await crm.setOwners([
      { leadId: leadId(1), ownerId: null },
      { leadId: leadId(2), ownerId: '005xx000003OtherAAA' },
    ]);
    await crm.setOwners([{ leadId: leadId(3), ownerId: null }]);
    expect(first).toEqual([
      { id: leadId(1), ok: true },
      { id: leadId(2), ok: true },
    ]);
    const writes = seen.filter((s) => s.method === 'PATCH');
    expect(writes.map((w) => (w.body as { records: unknown[] }).records)).toEqual([
      [
        { id: leadId(1), attributes: { type: 'Lead' }, OwnerId: QUEUE_ID },
        { id: leadId(2), attributes: { type: 'Lead' }, OwnerId: '005xx000003OtherAAA' },
      ],
      [{ id: leadId(3), attributes: { type: 'Lead' }, OwnerId: QUEUE_ID }],
    ]);
    expect(writes.every((w) => w.headers.get('sforce-auto-assign') === 'FALSE')).toBe(true);
    expect(queries()).toHaveLength(1);
    expect(await crm.marketingQueue()).toBe(QUEUE_ID);
  });

  it('does not look up the queue when every lead gets a named owner', async () => {
    sf()
      .patch(`${DATA}/composite/sobjects`)
      .reply(200, [saved(leadId(1))]);
    expect(await crm.setOwners([{ leadId: leadId(1), ownerId: REP }])).toEqual([{ id: leadId(1), ok: true }]);
  });

  it('a missing marketing queue is a permanent error that says how to fix it', async () => {
    onQueries((soql) => (soql.includes('FROM Group') ? [200, queryResult([])] : null));
    const error = await crm.setOwners([{ leadId: leadId(1), ownerId: null }]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CrmError);
    expect(error).toMatchObject({
      kind: 'permanent',
      message: expect.stringMatching(/Baton_Marketing is missing/),
    });
  });

  it('never adds a converted lead to a campaign: refused as converted once, left alone from then on', async () => {
    const campaign = '701xx000000NurtAAA';
    const scope = sf()
      .post(`${DATA}/composite/sobjects`, body)
      .reply(
        noted(() => [
          200,
          [
            saved('00vxx0000001AAAAA1'),
            refused('CANNOT_UPDATE_CONVERTED_LEAD', 'cannot reference converted lead'),
          ],
        ]),
      );
    const first = await crm.addToList(campaign, [leadId(1), leadId(2)]);
    scope.done();
    expect(first).toEqual([
      { id: leadId(1), ok: true },
      { id: leadId(2), ok: true, leftAlone: 'converted in Salesforce: the lead belongs to sales now' },
    ]);
    // Known converted now: another campaign add for it makes no call at all.
    const again = await crm.addToList('701xx000000OtherAAA', [leadId(2)]);
    expect(again).toEqual([
      { id: leadId(2), ok: true, leftAlone: 'converted in Salesforce: the lead belongs to sales now' },
    ]);
    expect(seen).toHaveLength(1);
  });

  it('adds leads to a campaign as members; "already a member" is success', async () => {
    const campaign = '701xx000000NurtAAA';
    const scope = sf()
      .post(`${DATA}/composite/sobjects`, body)
      .reply(
        noted(() => [
          200,
          [
            saved('00vxx0000001AAAAA1'),
            refused('DUPLICATE_VALUE', 'Already a campaign member.'),
            refused('INVALID_CROSS_REFERENCE_KEY', 'invalid cross reference id', ['LeadId']),
          ],
        ]),
      );
    const results = await crm.addToList(campaign, [leadId(1), leadId(2), leadId(3), leadId(2)]);
    scope.done();
    expect(seen[0]?.body).toEqual({
      allOrNone: false,
      records: [1, 2, 3].map((n) => ({
        attributes: { type: 'CampaignMember' },
        CampaignId: campaign,
        LeadId: leadId(n),
      })),
    });
    expect(seen[0]?.headers.get('sforce-call-options')).toBe('client=Baton');
    expect(results.map((r) => [r.id, r.ok])).toEqual([
      [leadId(1), true],
      [leadId(2), true],
      [leadId(3), false],
    ]);
    expect(failed(results[2])?.kind).toBe('not_found');
  });

  it('removes leads from a campaign by deleting their members; a lead that is no member is success', async () => {
    const campaign = '701xx000000NurtAAA';
    onQueries((soql) =>
      soql.startsWith(`SELECT Id, LeadId FROM CampaignMember WHERE CampaignId = '${campaign}' AND LeadId IN`)
        ? [200, queryResult([row('CampaignMember', { Id: '00vxx0000001AAAAA1', LeadId: leadId(1) })])]
        : null,
    );
    const del = sf()
      .delete(`${DATA}/composite/sobjects`)
      .query({ ids: '00vxx0000001AAAAA1' })
      .reply(noted(() => [200, [saved('00vxx0000001AAAAA1')]]));
    const results = await crm.removeFromList(campaign, [leadId(1), leadId(2)]);
    del.done();
    expect(idsIn(queries()[0] ?? '')).toEqual([leadId(1), leadId(2)]);
    expect(results).toEqual([
      { id: leadId(1), ok: true },
      { id: leadId(2), ok: true },
    ]);
  });

  it('removing leads that are not members makes no delete call', async () => {
    onQueries(() => [200, queryResult([])]);
    expect(await crm.removeFromList('701xx000000NurtAAA', [leadId(1)])).toEqual([
      { id: leadId(1), ok: true },
    ]);
    expect(seen.map((s) => s.method)).toEqual(['GET']);
  });

  it('creates reminder tasks on the lead for its owner', async () => {
    const scope = sf()
      .post(`${DATA}/composite/sobjects`, body)
      .reply(noted(() => [200, [saved('00Txx0000009TskAAA')]]));
    const results = await crm.createTasks([
      {
        leadId: leadId(1),
        ownerId: REP,
        subject: 'Call Ann',
        body: 'SLA due soon',
        dueAt: new Date('2026-11-25T20:00:00Z'),
      },
    ]);
    scope.done();
    expect(results).toEqual([{ id: leadId(1), ok: true }]);
    expect(seen[0]?.body).toEqual({
      allOrNone: false,
      records: [
        {
          attributes: { type: 'Task' },
          WhoId: leadId(1),
          OwnerId: REP,
          Subject: 'Call Ann',
          Description: 'SLA due soon',
          ActivityDate: '2026-11-25',
          Status: 'Not Started',
          Priority: 'High',
        },
      ],
    });
  });

  it('REQUEST_LIMIT_EXCEEDED (403) is rate limited and not retried: the day is over', async () => {
    const scope = sf()
      .patch(`${DATA}/composite/sobjects`, body)
      .reply(noted(() => [403, limitExceeded]));
    const results = await crm.writeFields([
      { leadId: leadId(1), fields: { fit: 1 } },
      { leadId: leadId(2), fields: { fit: 2 } },
    ]);
    scope.done();
    expect(seen).toHaveLength(1);
    expect(waits).toEqual([]);
    expect(results.map((r) => failed(r)?.kind)).toEqual(['rate_limited', 'rate_limited']);
    expect(log).toMatchObject([{ status: 'error', attempt: 1, errorKind: 'rate_limited' }]);
  });

  it('a read refused with REQUEST_LIMIT_EXCEEDED fails at once as rate limited', async () => {
    onQueries(() => [403, limitExceeded]);
    const error = await crm.readLeads([leadId(1)]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CrmError);
    expect(error).toMatchObject({ kind: 'rate_limited' });
    expect(seen).toHaveLength(1);
    expect(waits).toEqual([]);
  });

  it('retries a 5xx with backoff, then succeeds; every attempt is logged', async () => {
    sf()
      .patch(`${DATA}/composite/sobjects`)
      .reply(500, unknownException)
      .patch(`${DATA}/composite/sobjects`)
      .reply(502, '<html><body><h1>502 Bad Gateway</h1></body></html>', { 'Content-Type': 'text/html' })
      .patch(`${DATA}/composite/sobjects`)
      .reply(200, [saved(leadId(1))]);
    const results = await crm.writeFields([{ leadId: leadId(1), fields: { fit: 1 } }]);
    expect(results).toEqual([{ id: leadId(1), ok: true }]);
    expect(waits).toEqual([5, 10]);
    expect(log.map((l) => [l.status, l.httpStatus, l.attempt, l.errorKind])).toEqual([
      ['retrying', 503, 1, 'retryable'],
      ['retrying', 502, 2, 'retryable'],
      ['ok', 200, 3, null],
    ]);
  });

  it('gives up on a 5xx after the last attempt: the records fail as retryable', async () => {
    const scope = sf().patch(`${DATA}/composite/sobjects`).times(5).reply(500, unknownException);
    const [result] = await crm.writeFields([{ leadId: leadId(1), fields: { fit: 1 } }]);
    scope.done();
    expect(failed(result)?.kind).toBe('retryable');
    expect(waits).toEqual([5, 10, 20, 40]);
    expect(log.at(-1)).toMatchObject({ status: 'error', attempt: 5 });
  });

  it('on INVALID_SESSION_ID refreshes once, keeps the rotated refresh token, and replays the call', async () => {
    const tokenForms: URLSearchParams[] = [];
    const token = nock(LOGIN)
      .replyContentLength()
      .post('/services/oauth2/token', (form: Record<string, string>) => {
        tokenForms.push(new URLSearchParams(form));
        return true;
      })
      .reply(() =>
        answer([
          200,
          {
            access_token: 'at-2',
            refresh_token: 'rt-2-rotated',
            instance_url: INSTANCE,
            id: `${LOGIN}/id/00Dxx0000001gPLEAY/${REP}`,
            token_type: 'Bearer',
            issued_at: '1795435200000',
            signature: 'sig',
            scope: 'refresh_token api',
          },
        ]),
      );
    sf()
      .patch(`${DATA}/composite/sobjects`, body)
      .times(2)
      .reply(
        noted((s) =>
          s.headers.get('authorization') === 'Bearer at-2'
            ? [200, [saved(leadId(1))]]
            : [401, sessionExpired],
        ),
      );
    const results = await crm.writeFields([{ leadId: leadId(1), fields: { fit: 1 } }]);
    token.done();
    expect(results).toEqual([{ id: leadId(1), ok: true }]);
    expect(seen.map((s) => s.headers.get('authorization'))).toEqual(['Bearer at-1', 'Bearer at-2']);
    // The replay is the same write, still without assignment rules.
    expect(seen[1]?.body).toEqual(seen[0]?.body);
    expect(seen[1]?.headers.get('sforce-auto-assign')).toBe('FALSE');
    expect(tokenForms.map((f) => [f.get('grant_type'), f.get('refresh_token')])).toEqual([
      ['refresh_token', 'rt-1'],
    ]);
    expect(vaultState.saves).toHaveLength(1);
    expect(vaultState.saves[0]).toMatchObject({
      accessToken: 'at-2',
      refreshToken: 'rt-2-rotated',
      instanceUrl: INSTANCE,
    });
    expect(vaultState.tokens.refreshToken).toBe('rt-2-rotated');
    // The next call uses the new token without another refresh.
    sf()
      .patch(`${DATA}/composite/sobjects`, body)
      .reply(noted(() => [200, [saved(leadId(2))]]));
    await crm.writeFields([{ leadId: leadId(2), fields: { fit: 2 } }]);
    expect(seen.at(-1)?.headers.get('authorization')).toBe('Bearer at-2');
    expect(tokenForms).toHaveLength(1);
  });

  it('a revoked refresh token during a 401 is an auth failure and marks the org disconnected', async () => {
    nock(LOGIN)
      .replyContentLength()
      .post('/services/oauth2/token')
      .reply(400, { error: 'invalid_grant', error_description: 'expired access/refresh token' });
    sf().patch(`${DATA}/composite/sobjects`).reply(401, sessionExpired);
    const [result] = await crm.writeFields([{ leadId: leadId(1), fields: { fit: 1 } }]);
    expect(failed(result)?.kind).toBe('auth_invalid');
    expect(vaultState.status).toMatch(/^disconnected: .*invalid_grant/);
  });

  it('a session refused right after it was issued is an auth failure after one refresh, not a refresh loop', async () => {
    let refreshes = 0;
    nock(LOGIN)
      .replyContentLength()
      .post('/services/oauth2/token')
      .times(3)
      .reply(() => {
        refreshes += 1;
        return answer([
          200,
          {
            access_token: 'at-2',
            instance_url: INSTANCE,
            id: `${LOGIN}/id/00Dxx0000001gPLEAY/${REP}`,
            token_type: 'Bearer',
            issued_at: '1795435200000',
            signature: 'sig',
          },
        ]);
      });
    sf().patch(`${DATA}/composite/sobjects`).times(5).reply(401, sessionExpired);
    const [result] = await crm.writeFields([{ leadId: leadId(1), fields: { fit: 1 } }]);
    expect(failed(result)?.kind).toBe('auth_invalid');
    expect(failed(result)?.message).toMatch(/just issued/);
    // One refresh: the second 401 was for the token just issued.
    expect(refreshes).toBe(1);
    nock.cleanAll();
  });

  it('reads the API budget from Sforce-Limit-Info after each call', async () => {
    onQueries((soql) =>
      soql.includes('FROM Group')
        ? [
            200,
            queryResult([row('Group', { Id: QUEUE_ID })]),
            { 'Sforce-Limit-Info': 'api-usage=14250/15000' },
          ]
        : null,
    );
    await crm.marketingQueue();
    expect(budgets).toEqual([{ used: 14250, max: 15000 }]);
  });

  it('a queue lookup refused by the daily limit fails provisioning (to retry), it does not report a missing queue', async () => {
    sf()
      .get(`${DATA}/sobjects/Lead/describe`)
      .reply(
        noted(() => [
          200,
          {
            name: 'Lead',
            fields: SF_FIELD_SPECS.map((f) => ({ name: f.name, type: 'string', label: f.name })),
          },
        ]),
      );
    onQueries((soql) => (soql.includes('FROM Group') ? [403, limitExceeded] : null));
    await expect(crm.provision(defaultPolicy())).rejects.toMatchObject({ kind: 'rate_limited' });
  });

  it('reports missing Lead fields and a missing queue precisely, without throwing, and finds or creates campaigns', async () => {
    const missing = ['Baton_Grade__c', 'Baton_Return_Requested_At__c'];
    const present = SF_FIELD_SPECS.map((s) => s.name).filter((n) => !missing.includes(n));
    sf()
      .get(`${DATA}/sobjects/Lead/describe`)
      .reply(
        noted(() => [
          200,
          {
            name: 'Lead',
            label: 'Lead',
            custom: false,
            fields: ['Id', 'Email', 'OwnerId', ...present].map((name) => ({
              name,
              type: 'string',
              label: name,
            })),
            urls: { describe: `${DATA}/sobjects/Lead/describe` },
          },
        ]),
      );
    const policy: Policy = {
      ...defaultPolicy(),
      nurtureLists: [
        { key: 'general', name: 'Baton – General nurture' },
        { key: 'obrien', name: "O'Brien re-engage" },
      ],
    };
    onQueries((soql) => {
      if (soql.includes('FROM Group')) return [200, queryResult([])];
      if (soql === "SELECT Id FROM Campaign WHERE Name = 'Baton – General nurture'")
        return [200, queryResult([row('Campaign', { Id: '701xx000000GenAAA' })])];
      if (soql === "SELECT Id FROM Campaign WHERE Name = 'O\\'Brien re-engage'")
        return [200, queryResult([])];
      return null;
    });
    onSelections(ALL_SELECTED);
    sf()
      .post(`${DATA}/sobjects/Campaign`, body)
      .reply(noted(() => [201, saved('701xx000000ObrAAA')]));
    const report = await crm.provision(policy);
    expect(report.problems).toEqual([
      {
        what: 'Lead field Baton_Grade__c is missing.',
        fix: "Install Baton's package (extensions/salesforce) in the org and assign the Baton permission set.",
      },
      {
        what: 'Lead field Baton_Return_Requested_At__c is missing.',
        fix: "Install Baton's package (extensions/salesforce) in the org and assign the Baton permission set.",
      },
      {
        what: 'Queue Baton_Marketing for leads is missing.',
        fix: "Create a queue named Baton_Marketing with Lead as a supported object, or install Baton's package.",
      },
    ]);
    expect(report.unchanged).toEqual([
      ...present.map((n) => `field ${n}`),
      ...ALL_SELECTED.map((e) => `change events ${e}`),
      'campaign Baton – General nurture',
    ]);
    expect(report.created).toEqual(["campaign O'Brien re-engage"]);
    expect(report.lists).toEqual({ general: '701xx000000GenAAA', obrien: '701xx000000ObrAAA' });
    expect(seen.find((s) => s.path === `${DATA}/sobjects/Campaign`)?.body).toEqual({
      Name: "O'Brien re-engage",
      IsActive: true,
      Type: 'Other',
    });
  });

  it('reports a campaign it may not create instead of failing the whole provisioning', async () => {
    sf()
      .get(`${DATA}/sobjects/Lead/describe`)
      .reply(200, { name: 'Lead', fields: SF_FIELD_SPECS.map((s) => ({ name: s.name })) });
    onQueries((soql) => {
      if (soql.includes('FROM Group')) return [200, queryResult([row('Group', { Id: QUEUE_ID })])];
      if (soql.includes('FROM Campaign')) return [200, queryResult([])];
      return null;
    });
    onSelections(ALL_SELECTED);
    sf()
      .post(`${DATA}/sobjects/Campaign`)
      .reply(400, [
        {
          message: 'insufficient access rights on object id',
          errorCode: 'INSUFFICIENT_ACCESS_OR_READONLY',
          fields: [],
        },
      ]);
    const policy: Policy = {
      ...defaultPolicy(),
      nurtureLists: [{ key: 'general', name: 'General nurture' }],
    };
    const report = await crm.provision(policy);
    expect(report.lists).toEqual({});
    expect(report.created).toEqual([]);
    expect(report.problems).toHaveLength(1);
    expect(report.problems[0]?.what).toMatch(
      /^Campaign "General nurture" could not be created: .*insufficient access/,
    );
    expect(report.problems[0]?.fix).toMatch(/Marketing User/);
  });

  describe('Change Data Capture selections', () => {
    const provisionWith = async (selections: () => void) => {
      sf()
        .get(`${DATA}/sobjects/Lead/describe`)
        .reply(200, { name: 'Lead', fields: SF_FIELD_SPECS.map((s) => ({ name: s.name })) });
      onQueries((soql) =>
        soql.includes('FROM Group') ? [200, queryResult([row('Group', { Id: QUEUE_ID })])] : null,
      );
      selections();
      return crm.provision({ ...defaultPolicy(), nurtureLists: [] });
    };

    it('reports each object missing from the standard channel, with why it matters and the fix', async () => {
      // Task is selected only on a custom channel: Baton subscribes to the standard one.
      const report = await provisionWith(() => onSelections(['LeadChangeEvent'], ['TaskChangeEvent']));
      expect(report.unchanged).toContain('change events LeadChangeEvent');
      expect(report.problems.map((p) => p.what)).toEqual([
        'Task is not selected for Change Data Capture: calls and emails logged on leads reach Baton only through its five-minute poll.',
        'Event is not selected for Change Data Capture: meetings logged on leads reach Baton only through its five-minute poll.',
      ]);
      expect(report.problems[0]?.fix).toMatch(/Setup → Change Data Capture → add Task to Selected Entities/);
    });

    it('says it could not check when the user may not read the selections, and carries on', async () => {
      const report = await provisionWith(() =>
        sf()
          .get(`${DATA}/tooling/query`)
          .query(true)
          .reply(403, [{ message: 'Insufficient privileges', errorCode: 'INSUFFICIENT_ACCESS' }]),
      );
      expect(report.problems).toHaveLength(1);
      expect(report.problems[0]?.what).toMatch(
        /^Baton could not read the org's Change Data Capture selections: .*Insufficient privileges/,
      );
      expect(report.problems[0]?.fix).toMatch(/View Setup and Configuration/);
      expect(report.unchanged).toContain('queue Baton_Marketing');
    });

    it('fails provisioning (to be retried) when the selections call fails for a passing reason', async () => {
      await expect(
        provisionWith(() =>
          sf().get(`${DATA}/tooling/query`).query(true).times(99).reply(503, 'Service Unavailable'),
        ),
      ).rejects.toMatchObject({ kind: 'retryable' });
    });

    it('refuses an answer that is not a list of channel members', async () => {
      await expect(
        provisionWith(() =>
          sf()
            .get(`${DATA}/tooling/query`)
            .query(true)
            .reply(200, { records: [{ DeveloperName: 7 }] }),
        ),
      ).rejects.toThrow();
    });
  });
});
