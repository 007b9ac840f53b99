// Fault injection is reproducible with a seed: the same seed gives the same statuses in the same order;
// 5xx look like HubSpot's; latency, late answers and hung requests behave; the request log records it all.
import { afterEach, describe, expect, it } from 'vitest';
import type { FaultSettings } from './options.ts';
import { startHarness, type Harness } from './testing/harness.ts';

const open: Harness[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((h) => h.close()));
});

async function harness(faults: FaultSettings): Promise<Harness> {
  const h = await startHarness({ rateLimits: false, faults });
  open.push(h);
  return h;
}

async function statuses(h: Harness, n: number): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const res = await fetch(`${h.baseUrl}/crm/v3/objects/contacts`, {
      headers: { authorization: `Bearer ${h.setup.accessToken}` },
    });
    await res.arrayBuffer();
    out.push(res.status);
  }
  return out;
}

const MIXED: FaultSettings = { seed: 42, serverErrorRate: 0.2, rateLimitRate: 0.1 };

describe('fault injection', () => {
  it('replays the same faults for the same seed and others for another seed', async () => {
    const a = await statuses(await harness(MIXED), 40);
    const b = await statuses(await harness(MIXED), 40);
    const c = await statuses(await harness({ ...MIXED, seed: 7 }), 40);
    expect(a).toEqual(b);
    expect(a).not.toEqual(c);
    expect(new Set(a)).toEqual(new Set([200, 429, 502, 503]));
  });

  it('answers like HubSpot: 502 as an HTML page, 503 and 429 as JSON', async () => {
    const h = await harness({ serverErrorRate: 1, serverErrorStatuses: [502] });
    const bad = await fetch(`${h.baseUrl}/crm/v3/objects/contacts`, {
      headers: { authorization: `Bearer ${h.setup.accessToken}` },
    });
    expect(bad.status).toBe(502);
    expect(bad.headers.get('content-type')).toContain('text/html');
    expect(await bad.text()).toContain('502 Bad Gateway');
    h.sandbox.setFaults({ serverErrorRate: 1, serverErrorStatuses: [503] });
    const unavailable = await fetch(`${h.baseUrl}/crm/v3/objects/contacts`, {
      headers: { authorization: `Bearer ${h.setup.accessToken}` },
    });
    expect(await unavailable.json()).toMatchObject({ status: 'error', message: 'Service Unavailable' });
    h.sandbox.setFaults({ rateLimitRate: 1 });
    const limited = await fetch(`${h.baseUrl}/crm/v3/objects/contacts`, {
      headers: { authorization: `Bearer ${h.setup.accessToken}` },
    });
    expect(await limited.json()).toMatchObject({
      policyName: 'TEN_SECONDLY_ROLLING',
      errorType: 'RATE_LIMIT',
    });
    expect(limited.headers.get('retry-after')).toBeNull();
    h.sandbox.setFaults({ rateLimitRate: 1, rateLimitRetryAfterSeconds: 2 });
    const told = await fetch(`${h.baseUrl}/crm/v3/objects/contacts`, {
      headers: { authorization: `Bearer ${h.setup.accessToken}` },
    });
    expect(told.status).toBe(429);
    expect(told.headers.get('retry-after')).toBe('2');
  });

  it('adds latency, answers late, or never answers', async () => {
    const h = await harness({ latency: { fixedMs: 40, jitterMs: 0, spikeRate: 0, spikeMs: 0 } });
    const started = performance.now();
    await h.client().crm.contacts.basicApi.getPage();
    expect(performance.now() - started).toBeGreaterThanOrEqual(35);

    h.sandbox.setFaults({ timeoutRate: 1, timeoutMode: 60 });
    const late = performance.now();
    await h.client().crm.contacts.basicApi.getPage();
    expect(performance.now() - late).toBeGreaterThanOrEqual(55);

    h.sandbox.setFaults({ timeoutRate: 1, timeoutMode: 'hang' });
    const hung = fetch(`${h.baseUrl}/crm/v3/objects/contacts`, {
      headers: { authorization: `Bearer ${h.setup.accessToken}` },
      signal: AbortSignal.timeout(150),
    });
    await expect(hung).rejects.toThrow(/abort|timeout/i);
    await new Promise((r) => setTimeout(r, 20));
    const notes = h.sandbox.state.requests.all().map((r) => r.note);
    expect(notes).toEqual([undefined, 'fault:late', 'fault:timeout']);
  });

  it('logs requests with portal, status, duration and the records they carried', async () => {
    const h = await harness({});
    const inputs = Array.from({ length: 3 }, (_, i) => ({
      properties: { email: `q${i}@b.co` },
      associations: [],
    }));
    await h.client().crm.contacts.batchApi.create({ inputs });
    const [entry] = h.sandbox.state.requests.all({ path: '/crm/v3/objects/contacts/batch/create' });
    expect(entry).toMatchObject({
      method: 'POST',
      portalId: h.setup.portal.id,
      appId: h.setup.app.appId,
      status: 201,
      records: 3,
    });
    expect(entry?.durationMs).toBeGreaterThanOrEqual(0);
    expect(h.sandbox.internalErrors).toEqual([]);
  });
});
