// User names for cards and ops: asked of the CRM once, kept ten minutes, unknown ids asked again only after that;
// a CRM that cannot answer leaves the ids unnamed instead of failing the page.
import { describe, expect, it } from 'vitest';
import { CrmError, type CrmPort } from '../crm/port.ts';
import { defaultPolicy } from '../domain/policy/schema.ts';
import type { Tenant } from '../store/tenants.ts';
import { userDirectory } from './userDirectory.ts';

const tenant: Tenant = {
  id: 'hubspot-1',
  crm: 'hubspot',
  externalId: '1',
  name: 'Acme',
  status: 'connected',
  policy: defaultPolicy(),
} as Tenant;

function setup(answer: (ids: readonly string[]) => Promise<Map<string, string>>) {
  const asked: string[][] = [];
  let now = 0;
  const warnings: unknown[] = [];
  const names = userDirectory({
    crmFor: async () =>
      ({
        userNames: async (ids: readonly string[]) => {
          asked.push([...ids]);
          return answer(ids);
        },
      }) as unknown as CrmPort,
    log: { warn: (o: unknown) => void warnings.push(o) },
    nowMs: () => now,
  });
  return { names, asked, warnings, advance: (ms: number) => (now += ms) };
}

describe('userDirectory', () => {
  it('asks the CRM once per id and keeps the answer, known or not, for ten minutes', async () => {
    const d = setup(async () => new Map([['77', 'Maya Reed']]));
    expect(Object.fromEntries(await d.names(tenant, ['77', '88']))).toEqual({ '77': 'Maya Reed' });
    expect(Object.fromEntries(await d.names(tenant, ['77', '88']))).toEqual({ '77': 'Maya Reed' });
    expect(d.asked).toEqual([['77', '88']]);
    d.advance(10 * 60_000);
    await d.names(tenant, ['77']);
    expect(d.asked).toEqual([['77', '88'], ['77']]);
  });

  it('a CRM that cannot answer leaves ids unnamed and is asked again next time', async () => {
    let fail = true;
    const d = setup(async () => {
      if (fail) throw new CrmError('rate_limited', 'HTTP 429');
      return new Map([['77', 'Maya Reed']]);
    });
    expect((await d.names(tenant, ['77'])).size).toBe(0);
    expect(d.warnings).toHaveLength(1);
    fail = false;
    expect(Object.fromEntries(await d.names(tenant, ['77']))).toEqual({ '77': 'Maya Reed' });
  });
});

describe('userDirectory under a slow CRM', () => {
  it('answers without names when the CRM is slow, and has them for the next answer', async () => {
    let release: () => void = () => undefined;
    const answered = new Promise<void>((r) => (release = r));
    const asked: string[][] = [];
    const names = userDirectory({
      crmFor: async () =>
        ({
          userNames: async (ids: readonly string[]) => {
            asked.push([...ids]);
            await answered; // stuck behind the rate limit
            return new Map([['77', 'Maya Reed']]);
          },
        }) as unknown as CrmPort,
      log: { warn: () => undefined },
      answerWithinMs: 20,
    });
    const started = Date.now();
    expect((await names(tenant, ['77'])).size).toBe(0);
    expect(Date.now() - started).toBeLessThan(1_000);
    // A second answer while the lookup is still under way does not ask again.
    expect((await names(tenant, ['77'])).size).toBe(0);
    expect(asked).toEqual([['77']]);
    release();
    await new Promise((r) => setTimeout(r, 0));
    expect(Object.fromEntries(await names(tenant, ['77']))).toEqual({ '77': 'Maya Reed' });
    expect(asked).toEqual([['77']]);
  });
});
