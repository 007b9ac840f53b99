// The what-if end to end: leads run through the sandbox loop (hand-raise → assigned → untouched → auto-recycled),
// then the ops API and `npm run whatif` replay that ledger under a proposal, and bad input is refused clearly.
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify, stripVTControlCharacters } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TenantWhatIf } from '../../src/app/whatIf.ts';
import { signV3 } from '../../src/crm/hubspot/requestSignature.ts';
import { startBaton, type BatonHarness } from '../support/batonHarness.ts';

const TOKEN = 'ops-token-for-tests-0123456789';
const run = promisify(execFile);
let h: BatonHarness;
let base: string;
let tenantId: string;
let untouched: number;
const dir = mkdtempSync(join(tmpdir(), 'baton-whatif-'));
/** A looser SLA: 120 business hours to the first touch, 200 to the auto-recycle. */
const LOOSER = { sla: { firstTouchHours: 120, autoRecycleHours: 200 } };
const WINDOW = { from: '2026-11-01', to: '2026-12-10' };

async function whatIfApi(body: unknown) {
  const res = await fetch(`${base}/ops/api/whatif`, {
    method: 'POST',
    headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: res.status, json: (await res.json()) as Record<string, unknown> };
}

/** A request as the settings page sends it (hubspot.fetch, signed v3). */
async function settingsCall(method: 'GET' | 'POST', path: string, userId: number, body?: unknown) {
  const t = await h.tenant();
  const url = `${base}/api/hubspot${path}?portalId=${t.externalId}&userId=${userId}`;
  const raw = body === undefined ? '' : JSON.stringify(body);
  const timestamp = h.now().getTime();
  const secret = h.running.sandbox?.app.clientSecret ?? '';
  const res = await fetch(url, {
    method,
    headers: {
      'content-type': 'application/json',
      'x-hubspot-request-timestamp': String(timestamp),
      'x-hubspot-signature-v3': signV3({ secret, method, uri: url, body: raw, timestamp }),
    },
    ...(raw && { body: raw }),
  });
  return { status: res.status, json: (await res.json()) as Record<string, unknown> };
}

function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

async function script(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, ['scripts/whatif.ts', ...args], {
      env: { ...process.env, BATON_URL: base, BATON_OPS_TOKEN: TOKEN },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    return { code: e.code ?? -1, stdout: e.stdout ?? '', stderr: e.stderr ?? '' };
  }
}

beforeAll(async () => {
  // Monday 23 November 2026, 09:00 in New York (the default policy's time zone).
  h = await startBaton({ at: new Date('2026-11-23T14:00:00Z') });
  base = h.running.config.publicUrl;
  tenantId = (await h.tenant()).id;
  await h.backfill();
  const rep = h.portal.owners.all().find((o) => o.email.endsWith('@acme.example'));
  const ids: string[] = [];
  for (let i = 0; i < 3; i++) {
    const c = h.portal.createContact({
      email: `whatif${i}@fabrikam${i}.example`,
      jobtitle: 'VP Marketing',
      numemployees: '800',
      industry: 'software',
      country: 'United States',
    });
    h.portal.submitForm(c.id, { name: 'Request a demo', at: h.now().getTime() });
    ids.push(c.id);
  }
  await h.settle();
  for (const id of ids) h.portal.setProperties(id, { hubspot_owner_id: rep?.id ?? '' }, { source: 'CRM_UI' });
  await h.settle();
  // Nobody touches them: breached after 24 business hours, auto-recycled after 72 (Thursday 3 December).
  h.set(new Date('2026-11-26T20:00:00Z'));
  await h.sweep();
  await h.settle();
  h.set(new Date('2026-12-04T20:00:00Z'));
  await h.sweep();
  await h.settle();
  untouched = (await Promise.all(ids.map((id) => h.ledger(id))))
    .flat()
    .filter((r) => r.cause === 'sla_untouched').length;
}, 120_000);
afterAll(() => h.close());

describe('what-if over the ops API', () => {
  it('replays the window: the policy in force as it happened, a looser SLA without the auto-recycles', async () => {
    const { status, json } = await whatIfApi({ tenantId, ...WINDOW, policy: LOOSER });
    expect(status).toBe(200);
    const report = json as unknown as TenantWhatIf;
    expect(untouched).toBe(3);
    expect(report.baseline).toMatchObject({ autoRecycles: untouched, breaches: untouched, handedOver: 3 });
    expect(report.proposed).toMatchObject({ autoRecycles: 0, breaches: 0, handedOver: 3 });
    expect(report.changed.count).toBe(3);
    expect(report.limits.length).toBeGreaterThan(0);
  });

  it('is deterministic: the same request gives the same report', async () => {
    const body = { tenantId, ...WINDOW, policy: LOOSER };
    expect((await whatIfApi(body)).json).toEqual((await whatIfApi(body)).json);
  });

  // Bodies are built when the test runs (the tenant is known only after beforeAll).
  it.each<[string, () => Record<string, unknown>, number, RegExp]>([
    [
      'an unknown tenant',
      () => ({ tenantId: 'hubspot-0', ...WINDOW, policy: {} }),
      404,
      /No tenant hubspot-0/,
    ],
    [
      'an invalid policy, naming the field',
      () => ({ tenantId, ...WINDOW, policy: { sla: { firstTouchHours: -1 } } }),
      400,
      /policy\.sla\.firstTouchHours/,
    ],
    [
      'a window over a year',
      () => ({ tenantId, from: '2025-01-01', to: '2026-12-01', policy: {} }),
      400,
      /at most a year/,
    ],
    [
      'to before from',
      () => ({ tenantId, from: '2026-12-01', to: '2026-11-01', policy: {} }),
      400,
      /from must be before to/,
    ],
    [
      'a date that is not one',
      () => ({ tenantId, from: '2026-13-01', to: '2026-12-01', policy: {} }),
      400,
      /"from"/,
    ],
  ])('refuses %s', async (_what, body, status, message) => {
    const answer = await whatIfApi(body());
    expect(answer.status).toBe(status);
    expect(JSON.stringify(answer.json)).toMatch(message);
  });
});

describe('npm run whatif', () => {
  it('prints baseline vs proposed and ends with the report as one JSON line', async () => {
    const policy = file('looser.json', JSON.stringify(LOOSER));
    const out = await script(
      '--tenant',
      tenantId,
      '--from',
      WINDOW.from,
      '--to',
      WINDOW.to,
      '--policy',
      policy,
    );
    expect(out.code).toBe(0);
    expect(stripVTControlCharacters(out.stdout)).toMatch(/auto-recycles\s*│\s*3\s*│\s*0/);
    const last = JSON.parse(out.stdout.trim().split('\n').at(-1) ?? '') as TenantWhatIf;
    expect(last).toMatchObject({ tenantId, changed: { count: 3 } });
  });

  it.each([
    ['an unknown tenant', ['--tenant', 'hubspot-0'], 'looser.json', /404: No tenant hubspot-0/],
    ['an invalid policy file', [], 'invalid.json', /sla\.firstTouchHours/],
    [
      'a missing policy file',
      [],
      'missing.json',
      /Cannot read the policy file .*missing\.json: no such file/,
    ],
    ['a policy file that is not JSON', [], 'broken.json', /The policy file .*broken\.json is not valid JSON/],
    ['a bad date', ['--from', '2026-02-30'], 'looser.json', /--from 2026-02-30 is not a date/],
    ['a missing option', ['--to', ''], 'looser.json', /Missing --to/],
  ])('fails with exit code 1 on %s', async (_what, extra, policyFile, message) => {
    file('looser.json', JSON.stringify(LOOSER));
    file('invalid.json', JSON.stringify({ sla: { firstTouchHours: 'soon' } }));
    file('broken.json', '{ "sla": ');
    const args = { '--tenant': tenantId, '--from': WINDOW.from, '--to': WINDOW.to };
    for (let i = 0; i < extra.length; i += 2) Object.assign(args, { [extra[i] ?? '']: extra[i + 1] });
    const argv = [...Object.entries(args).flat(), '--policy', join(dir, policyFile)];
    const out = await script(...argv);
    expect(out.code).toBe(1);
    expect(out.stderr).toMatch(message);
  });
});

describe('the settings page preview (card API)', () => {
  it("replays the last 90 days under the admin's draft, before it is saved", async () => {
    // The portal's admin user installed Baton (sandbox mode walks the OAuth flow as them).
    const admin = h.portal.owners.all()[0]?.userId ?? 0;
    const read = await settingsCall('GET', '/settings', admin);
    const policy = read.json['policy'] as { sla: Record<string, unknown> };
    const draft = { ...policy, sla: { ...policy.sla, ...LOOSER.sla } };
    const { status, json } = await settingsCall('POST', '/settings/preview', admin, { policy: draft });
    expect(status).toBe(200);
    const report = json as unknown as TenantWhatIf;
    expect(report.window.to).toBe(h.now().toISOString());
    expect(report.baseline.autoRecycles).toBe(3);
    expect(report.proposed).toMatchObject({ autoRecycles: 0, breaches: 0 });
    // Nothing was saved.
    expect((await settingsCall('GET', '/settings', admin)).json).toEqual(read.json);
  });

  it('is for Baton admins only', async () => {
    const rep = h.portal.owners.all().find((o) => o.email.endsWith('@acme.example'))?.userId ?? 0;
    const { status } = await settingsCall('POST', '/settings/preview', rep, { policy: {} });
    expect(status).toBe(403);
  });
});
