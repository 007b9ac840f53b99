// Per-org Salesforce connections: the spacing between calls as the day's API allocation runs out, no connection
// without a stored instance URL, one adapter per org (a new one when the org moves instance), and the budget
// from Sforce-Limit-Info slowing the org's limiter and reported (app/apiUsage.ts keeps it for ops).
import '../../../test/support/nockFirst.ts';
import nock from 'nock';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { TokenVault } from '../accessTokens.ts';
import type { CallLogEntry } from '../callRunner.ts';
import { CrmError } from '../port.ts';
import type { TokenSet } from '../tokenSet.ts';
import { spacingFor, type ApiBudget } from './limits.ts';
import { SalesforceOrgs } from './orgs.ts';

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

const APP = {
  clientId: 'c',
  clientSecret: 's',
  loginUrl: 'https://login.salesforce.com',
  pubSubUrl: 'https://api.pubsub.salesforce.com:7443',
};

function orgs(
  tokens: TokenSet | null,
  seen: { calls: CallLogEntry[]; usage: ApiBudget[] } = { calls: [], usage: [] },
) {
  return new SalesforceOrgs(APP, {
    vault: vaultWith(tokens),
    now: () => NOW,
    onCall: (e) => void seen.calls.push(e),
    onApiUsage: (_tenantId, usage) => void seen.usage.push(usage),
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
      new SalesforceOrgs(APP, {
        vault: { ...vaultWith(null), read: async () => tokens },
        now: () => NOW,
        onCall: () => undefined,
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

  it('slows the org down from the Sforce-Limit-Info budget and reports the usage', async () => {
    const seen = { calls: [] as CallLogEntry[], usage: [] as ApiBudget[] };
    const o = track(orgs(stored(INSTANCE), seen));
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
    expect(seen.usage).toEqual([{ used: 14800, max: 15000 }]);
    // Every attempt also went to the call log.
    expect(seen.calls).toMatchObject([{ tenantId: TENANT, status: 'ok' }]);
  });
});
