// Fault injection: the 10,000-event scenario against a portal that answers 10 % of Baton's calls with 429, 10 % with
// a 5xx, lets 5 % hang, and adds latency spikes — on PostgreSQL, web and worker apart. On top, a permanent error:
// an admin deleted the "bad_data" option of Baton's last-reason property, so every write of that reason is refused.
// Baton must apply every other effect exactly once (the CRM ends as in the fault-free reference run), dead-letter the
// refused writes and show them in the ops API; after the admin restores the option, one replay finishes the job.
import { afterEach, describe, expect, it } from 'vitest';
import { diffSnapshots, snapshotCrm, type CrmSnapshot } from './support/crmSnapshot.ts';
import { referenceSnapshot } from './support/reference.ts';
import {
  describeDiff,
  MIN_EVENTS,
  playScenario,
  readStore,
  scenarioPlans,
  SEED,
  taskMismatches,
  waitUntilDone,
} from './support/runs.ts';
import { World } from './support/world.ts';

let world: World | undefined;
afterEach(async () => {
  await world?.close();
  world = undefined;
});

const FAULTS = {
  seed: SEED,
  rateLimitRate: 0.1,
  serverErrorRate: 0.1,
  serverErrorStatuses: [500, 502, 503, 504] as Array<500 | 502 | 503 | 504>,
  timeoutRate: 0.05,
  timeoutMode: 'hang' as const,
  latency: { fixedMs: 0, jitterMs: 40, spikeRate: 0.05, spikeMs: 1_500 },
};

interface FailureGroup {
  cause: string;
  count: number;
  affectedLeads: string[];
}

describe('fault injection', () => {
  it('10 % 429, 10 % 5xx, 5 % timeouts, latency spikes and one permanent error: nothing lost, nothing doubled', async () => {
    const reference = await referenceSnapshot();
    world = await World.create({ engine: 'postgres', layout: { webs: 1, workers: 1 } });
    const w = world;
    await w.startAll();
    await w.install();

    const properties = w.portal.properties('contacts');
    const lastReason = properties.require('baton_last_reason');
    properties.update(
      'baton_last_reason',
      { options: lastReason.options.filter((o) => o.value !== 'bad_data') },
      Date.now(),
    );
    const refused = new Set(
      scenarioPlans()
        .filter((p) => p.returns?.reason === 'bad_data')
        .map((p) => p.email),
    );
    const firstRequest = w.sandbox.state.requests.all().length;
    w.setFaults(FAULTS);

    const drive = await playScenario(w, { createPerSecond: 40 });
    const differing = (s: CrmSnapshot) => diffSnapshots(s, reference, 10_000).examples.map((e) => e.email);
    const failures = async () =>
      (await w.ops<{ groups: FailureGroup[] }>(`/failures?tenantId=${w.tenantId}`)).groups;
    const deadCount = async () => (await w.ops<{ total: number }>(`/failures?tenantId=${w.tenantId}`)).total;
    // Done with the first pass: only the refused contacts differ, each with a dead letter.
    await waitUntilDone(w, {
      done: (s) => {
        const d = differing(s);
        return d.length === refused.size && d.every((e) => refused.has(e));
      },
      timeoutMs: 420_000,
      describe: () => describeDiff(snapshotCrm(w.portal), reference),
    });
    const groups = await failures();
    const faultNotes = new Map<string, number>();
    for (const r of w.sandbox.state.requests.all().slice(firstRequest))
      if (r.note) faultNotes.set(r.note, (faultNotes.get(r.note) ?? 0) + 1);

    // The permanent error is visible: one group (a 400 from HubSpot), for exactly the refused leads.
    const emailOf = new Map(w.portal.contacts().map((c) => [c.id, c.properties['email'] ?? '']));
    expect(groups).toHaveLength(1);
    const [group] = groups;
    expect(group?.cause).toMatch(/400|not valid|option/i);
    expect(new Set(group?.affectedLeads.map((id) => emailOf.get(id)))).toEqual(refused);

    // The admin puts the option back; ops replays the dead letters; everything converges.
    properties.update('baton_last_reason', { options: lastReason.options }, Date.now());
    const replay = await w.opsPost<{ revived: number }>('/failures/replay', { tenantId: w.tenantId });
    expect(replay.revived).toBe(group?.count);
    const snap = await waitUntilDone(w, {
      done: (s) => diffSnapshots(s, reference).count === 0,
      timeoutMs: 120_000,
      describe: () => describeDiff(snapshotCrm(w.portal), reference),
    });
    expect(await deadCount()).toBe(0);
    const store = await readStore(w);
    const events = w.webhookEvents();
    const stop = await w.stopAll();
    process.stdout.write(
      `\n${JSON.stringify({ test: 'faults', events, drive, refused: refused.size, dead: group?.count, faults: Object.fromEntries(faultNotes), stop, store: { ...store, taskEffects: store.taskEffects.size } })}\n`,
    );

    expect(events.notBatons).toBeGreaterThanOrEqual(MIN_EVENTS);
    expect(refused.size).toBeGreaterThan(0);
    // The faults really happened, in the shares asked for (about), and Baton rode them out.
    const total = w.sandbox.state.requests.all().length - firstRequest;
    expect(faultNotes.get('fault:429') ?? 0).toBeGreaterThan(total * 0.05);
    expect(faultNotes.get('fault:timeout') ?? 0).toBeGreaterThan(total * 0.02);
    const serverErrors = [...faultNotes]
      .filter(([k]) => /^fault:5\d\d$/.test(k))
      .reduce((n, [, c]) => n + c, 0);
    expect(serverErrors).toBeGreaterThan(total * 0.05);
    expect(diffSnapshots(snap, reference).count).toBe(0);
    expect(taskMismatches(w, store)).toEqual([]);
    expect(store.inbox['pending'] ?? 0).toBe(0);
    expect(store.inbox['failed'] ?? 0).toBe(0);
    expect(store.effects['pending'] ?? 0).toBe(0);
    expect(store.effects['dead'] ?? 0).toBe(0);
    expect(stop.every((s) => s.code === 0)).toBe(true);
  });
});
