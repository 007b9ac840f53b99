// Per-org Salesforce connections: the spacing between calls as the day's API allocation runs out, no connection
// without a stored instance URL, one adapter per org (a new one when the org moves instance), and the budget
// from Sforce-Limit-Info slowing the org's limiter and saved for ops — a failed save crashes nothing.
import {
  DummyDriver,
  Kysely,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type KyselyPlugin,
} from 'kysely';
import nock from 'nock';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { TokenVault } from '../crm/accessTokens.ts';
import { CrmError } from '../crm/port.ts';
import type { TokenSet } from '../crm/tokenSet.ts';
import type { Tables } from '../store/tables.ts';
import { API_BUDGET_CHECKPOINT } from './alerts.ts';
import { SalesforceOrgs, spacingFor } from './salesforceOrgs.ts';

const INSTANCE = 'https://acme.my.salesforce.com';
const NOW = new Date('2026-11-22T12:00:00Z');
const TENANT = 'sf-00Dxx0000001gPLEAY';
/** The marketing queue lookup's answer (a SOQL query result). */
const groupAnswer = {
  totalSize: 1,
  done: true,
  records: [
    {
      attributes: { type: 'Group', url: '/services/data/v62.0/sobjects/Group/00Gxx000000MktQEAS' },
      Id: '00Gxx000000MktQEAS',
    },
  ],
};

/** A database that runs nothing and records every statement. */
function recordingDb() {
  const statements: Array<{ sql: string; parameters: readonly unknown[] }> = [];
  const db = new Kysely<Tables>({
    dialect: {
      createAdapter: () => new PostgresAdapter(),
      createDriver: () => new DummyDriver(),
      createIntrospector: (k) => new PostgresIntrospector(k),
      createQueryCompiler: () => new PostgresQueryCompiler(),
    },
    log: (event) => {
      if (event.level === 'query')
        statements.push({ sql: event.query.sql, parameters: event.query.parameters });
    },
  });
  return { db, statements };
}

function vaultWith(tokens: TokenSet | null): TokenVault {
  return {
    read: async () => tokens,
    tryLease: async () => true,
    saveAndRelease: async () => {},
    release: async () => {},
    markDisconnected: async () => {},
    markRefreshFailing: async () => {},
    markConnected: async () => {},
  };
}
const stored = (instanceUrl?: string): TokenSet => ({
  accessToken: 'at-1',
  refreshToken: 'rt-1',
  expiresAt: new Date(NOW.getTime() + 3_600_000),
  ...(instanceUrl && { instanceUrl }),
});

function orgs(tokens: TokenSet | null, db = recordingDb().db) {
  return new SalesforceOrgs({
    db,
    app: { clientId: 'c', clientSecret: 's', loginUrl: 'https://login.salesforce.com' },
    vault: vaultWith(tokens),
    now: () => NOW,
    retry: { random: () => 0 },
    timeoutMs: 2000,
  });
}

let open: SalesforceOrgs[] = [];
afterEach(async () => {
  nock.cleanAll();
  await Promise.all(open.map((o) => o.stop()));
  open = [];
});
const track = (o: SalesforceOrgs) => (open.push(o), o);

// nock 15 intercepts undici at the socket (@mswjs/interceptors): a new connection whose first bytes land after a
// setImmediate is taken for a non-HTTP client and passed through to the real host (ENOTFOUND: no network here).
// On a loaded machine that race is lost now and then; a retry absorbs it, a real regression fails every attempt.
describe('Salesforce orgs', { retry: 2 }, () => {
  it('spaces calls normally (20/s) until 90 % of the day is used, then carefully, then nearly stops at 98 %', () => {
    const at = (used: number) => spacingFor({ used, max: 15_000 });
    expect(at(0)).toBe(50);
    expect(at(13_499)).toBe(50);
    expect(at(13_500)).toBe(2_000);
    expect(at(14_699)).toBe(2_000);
    expect(at(14_700)).toBe(60_000);
    expect(at(15_000)).toBe(60_000);
    // Salesforce lets an org go a little over its allocation before refusing.
    expect(at(15_400)).toBe(60_000);
  });

  it('refuses an org without stored tokens or without an instance URL: connect it first', async () => {
    for (const tokens of [null, stored()]) {
      const error = await track(orgs(tokens))
        .crm(TENANT)
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(CrmError);
      expect(error).toMatchObject({
        kind: 'auth_invalid',
        message: expect.stringMatching(/connect the org/),
      });
    }
  });

  it('keeps one adapter per org, and makes a new one when the org moved to another instance', async () => {
    let tokens = stored(INSTANCE);
    const o = track(
      new SalesforceOrgs({
        db: recordingDb().db,
        app: { clientId: 'c', clientSecret: 's', loginUrl: 'https://login.salesforce.com' },
        vault: { ...vaultWith(null), read: async () => tokens },
        now: () => NOW,
      }),
    );
    const first = await o.crm(TENANT);
    expect(await o.crm(TENANT)).toBe(first);
    expect(await o.session(TENANT)).toMatchObject({ instanceUrl: INSTANCE });
    tokens = stored('https://acme2.my.salesforce.com');
    const moved = await o.crm(TENANT);
    expect(moved).not.toBe(first);
    expect((await o.session(TENANT)).instanceUrl).toBe('https://acme2.my.salesforce.com');
    o.forget(TENANT);
    expect(await o.crm(TENANT)).not.toBe(moved);
  });

  it('slows the org down from the Sforce-Limit-Info budget and saves the budget for ops', async () => {
    const { db, statements } = recordingDb();
    const o = track(orgs(stored(INSTANCE), db));
    const settings = vi.spyOn(o.limiters.for(TENANT, 'general'), 'updateSettings');
    nock(INSTANCE)
      .replyContentLength()
      .get('/services/data/v62.0/query')
      .query(true)
      .reply(200, groupAnswer, {
        'Content-Type': 'application/json;charset=UTF-8',
        'Sforce-Limit-Info': 'api-usage=14800/15000',
      });
    expect(await (await o.crm(TENANT)).marketingQueue()).toBe('00Gxx000000MktQEAS');
    expect(settings).toHaveBeenCalledWith({ minTime: 60_000 });
    await vi.waitFor(() => {
      expect(statements.some((s) => s.sql.startsWith('insert into "checkpoints"'))).toBe(true);
    });
    const checkpoint = statements.find((s) => s.sql.startsWith('insert into "checkpoints"'));
    expect(checkpoint?.parameters).toContain(API_BUDGET_CHECKPOINT);
    expect(checkpoint?.parameters).toContain(
      JSON.stringify({ used: 14800, max: 15000, at: NOW.toISOString() }),
    );
    // Every attempt also went to the sync log.
    expect(statements.some((s) => s.sql.startsWith('insert into "sync_log"'))).toBe(true);
  });

  it('a budget that cannot be saved (database down) is no unhandled rejection', async () => {
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    try {
      // The sync log is written; only the checkpoint insert fails (the budget save is not awaited by the call).
      const { db, statements } = recordingDb();
      const checkpointsFail: KyselyPlugin = {
        transformQuery: (args) => {
          if (JSON.stringify(args.node).includes('"checkpoints"'))
            throw new Error('Connection terminated unexpectedly');
          return args.node;
        },
        transformResult: async (args) => args.result,
      };
      const o = track(orgs(stored(INSTANCE), db.withPlugin(checkpointsFail)));
      nock(INSTANCE)
        .replyContentLength()
        .get('/services/data/v62.0/query')
        .query(true)
        .reply(200, groupAnswer, {
          'Content-Type': 'application/json;charset=UTF-8',
          'Sforce-Limit-Info': 'api-usage=100/15000',
        });
      expect(await (await o.crm(TENANT)).marketingQueue()).toBe('00Gxx000000MktQEAS');
      await new Promise((r) => setTimeout(r, 20));
      expect(statements.some((s) => s.sql.startsWith('insert into "sync_log"'))).toBe(true);
      expect(unhandled).toEqual([]);
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
  });
});
