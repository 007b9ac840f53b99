// Fault injection is reproducible with a seed: the same seed gives the same answers in the same order (and
// loses the same change events); 5xx and REQUEST_LIMIT_EXCEEDED look like Salesforce's; latency, late answers
// and hung requests behave; the request log records it all. Raw fetch is used where jsforce would retry GETs
// on 5xx for 15 s.
import * as grpc from '@grpc/grpc-js';
import { afterEach, describe, expect, it } from 'vitest';
import type { FaultSettings } from './options.ts';
import { sfError, startHarness, type Harness } from './testing/harness.ts';
import { CdcSubscriber, eventually, pause } from './testing/streaming.ts';

const open: Harness[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((h) => h.close()));
});

async function harness(faults: FaultSettings): Promise<Harness> {
  const h = await startHarness({ faults });
  open.push(h);
  return h;
}

const get = (h: Harness, path = '/limits'): Promise<Response> =>
  fetch(`${h.baseUrl}/services/data/v62.0${path}`, {
    headers: { authorization: `Bearer ${h.setup.accessToken}` },
  });

async function statuses(h: Harness, n: number): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const res = await get(h);
    await res.arrayBuffer();
    out.push(res.status);
  }
  return out;
}

const MIXED: FaultSettings = {
  seed: 42,
  serverErrorRate: 0.2,
  serverErrorStatuses: [500, 503],
  limitExceededRate: 0.1,
  limitExceededBurst: 3,
};

describe('fault injection', () => {
  it('replays the same faults for the same seed and others for another seed', async () => {
    const a = await statuses(await harness(MIXED), 40);
    const b = await statuses(await harness(MIXED), 40);
    const c = await statuses(await harness({ ...MIXED, seed: 7 }), 40);
    expect(a).toEqual(b);
    expect(a).not.toEqual(c);
    expect(new Set(a)).toEqual(new Set([200, 403, 500, 503]));
    // REQUEST_LIMIT_EXCEEDED comes in bursts of three.
    const runs = a
      .join(',')
      .split(/(?:^|,)(?:200|500|503)(?=,|$)/)
      .filter((s) => s.includes('403'));
    for (const run of runs) expect(run.split(',').filter((s) => s === '403').length % 3).toBe(0);
  });

  it('answers like Salesforce: 500 UNKNOWN_EXCEPTION, 503 JSON, 502 from the edge, 403 with limit info', async () => {
    const h = await harness({ serverErrorRate: 1, serverErrorStatuses: [500] });
    const failed = await sfError(h.connection().sobject('Lead').create({ LastName: 'X', Company: 'Y' }));
    expect(failed.name).toBe('UNKNOWN_EXCEPTION');
    expect(failed.message).toMatch(
      /^An unexpected error occurred\. Please include this ErrorId if you contact support: \d+-\d+ \(-\d+\)$/,
    );
    h.sandbox.setFaults({ serverErrorRate: 1, serverErrorStatuses: [503] });
    expect(await (await get(h)).json()).toEqual([
      { message: 'Server Unavailable', errorCode: 'SERVER_UNAVAILABLE' },
    ]);
    h.sandbox.setFaults({ serverErrorRate: 1, serverErrorStatuses: [502] });
    const edge = await get(h);
    expect(edge.headers.get('content-type')).toContain('text/html');
    expect(await edge.text()).toContain('502 Bad Gateway');
    h.sandbox.setFaults({ limitExceededRate: 1 });
    const limited = await get(h);
    expect(limited.status).toBe(403);
    expect(limited.headers.get('sforce-limit-info')).toMatch(/^api-usage=\d+\/100000$/);
    expect(await limited.json()).toEqual([
      { message: 'TotalRequests Limit exceeded.', errorCode: 'REQUEST_LIMIT_EXCEEDED' },
    ]);
  });

  it('adds latency, answers late, or never answers', async () => {
    const h = await harness({ latency: { fixedMs: 40 } });
    const started = performance.now();
    await h.connection().limits();
    expect(performance.now() - started).toBeGreaterThanOrEqual(35);

    h.sandbox.setFaults({ timeoutRate: 1, timeoutMode: 60 });
    const late = performance.now();
    await h.connection().limits();
    expect(performance.now() - late).toBeGreaterThanOrEqual(55);

    h.sandbox.setFaults({ timeoutRate: 1, timeoutMode: 'hang' });
    const hung = fetch(`${h.baseUrl}/services/data/v62.0/limits`, {
      headers: { authorization: `Bearer ${h.setup.accessToken}` },
      signal: AbortSignal.timeout(150),
    });
    await expect(hung).rejects.toThrow(/abort|timeout/i);
    await new Promise((r) => setTimeout(r, 20));
    expect(h.sandbox.state.requests.all({ path: '/services/data/v62.0/limits' }).map((r) => r.note)).toEqual([
      undefined,
      'fault:late',
      'fault:timeout',
    ]);
  });

  it('loses the same change events for the same seed, and Pub/Sub subscribers never get them', async () => {
    const lost = async (seed: number): Promise<{ lost: string[]; delivered: string[] }> => {
      const h = await harness({ seed, changeEventDropRate: 0.5 });
      for (let i = 0; i < 12; i++) h.org.createLead({ LastName: `L${i}`, Company: 'C' });
      const s = new CdcSubscriber(h.pubSub(), { topic: '/data/LeadChangeEvent', preset: 'EARLIEST' });
      await eventually(() => s.received.length === h.org.changeEvents.events().length);
      await pause(30);
      s.close();
      return {
        lost: h.org.changeEvents.dropped.map((m) =>
          String(m.payload.Name && (m.payload.Name as { LastName: string }).LastName),
        ),
        delivered: s.received.map((e) => String((e.fields.Name as { LastName: string }).LastName)),
      };
    };
    const a = await lost(3);
    expect(a.lost.length).toBeGreaterThan(0);
    expect(a.lost.length).toBeLessThan(12);
    expect([...a.lost, ...a.delivered].sort()).toEqual(Array.from({ length: 12 }, (_, i) => `L${i}`).sort());
    expect((await lost(3)).lost).toEqual(a.lost);
    expect((await lost(4)).lost).not.toEqual(a.lost);
  });

  it('resets open Pub/Sub streams on demand (UNAVAILABLE), counting them', async () => {
    const h = await harness({});
    const s = new CdcSubscriber(h.pubSub(), { topic: '/data/LeadChangeEvent' });
    await eventually(() => h.sandbox.pubSubStreams() === 1);
    h.sandbox.dropPubSubStreams();
    await eventually(() => s.error !== undefined);
    expect(s.error?.code).toBe(grpc.status.UNAVAILABLE);
    expect(h.sandbox.pubSubStreams()).toBe(0);
  });

  it('logs requests with org, user, client, status, duration and records', async () => {
    const h = await harness({});
    await h
      .connection()
      .sobject('Lead')
      .create([
        { LastName: 'A', Company: 'C' },
        { LastName: 'B', Company: 'C' },
      ]);
    const [entry] = h.sandbox.state.requests.all({ path: '/services/data/v62.0/composite/sobjects' });
    expect(entry).toMatchObject({
      method: 'POST',
      orgId: h.org.id,
      userId: h.setup.admin.id,
      client: 'Baton',
      status: 200,
      records: 2,
    });
    expect(h.sandbox.internalErrors).toEqual([]);
  });
});
