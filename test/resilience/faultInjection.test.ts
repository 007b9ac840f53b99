// Fault injection: the 10,000-event scenario against a portal that answers 10 % of Baton's calls with 429, 10 % with
// a 5xx, lets 5 % hang, and adds latency spikes — on PostgreSQL, web and worker apart. On top, a permanent error:
// an admin deleted the "bad_data" option of Baton's last-reason property, so every write of that reason is refused.
// Baton must apply every other effect exactly once (the CRM ends as in the fault-free reference run), dead-letter the
// refused writes and show them in the ops API; after the admin restores the option, one replay finishes the job.
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { diffSnapshots, snapshotCrm, type CrmSnapshot } from './support/crmSnapshot.ts';
import { referenceSnapshot } from './support/reference.ts';
import {
  describeDiff,
  MIN_EVENTS,
  playScenario,
  readStore,
  unfinished,
  scenarioPlans,
  SEED,
  taskMismatches,
  waitUntilDone,
} from './support/runs.ts';
import { worldPerTest } from './support/world.ts';

const createWorld = worldPerTest();

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
  it(
    '10 % 429, 10 % 5xx, 5 % timeouts, latency spikes and one permanent error: nothing lost, nothing doubled',
    { timeout: 900_000 },
    async () => {
      const reference = await referenceSnapshot();
      // A hung call is given up after 3 s (BATON_CRM_TIMEOUT_MS), not the default 20 s: the run stays minutes long.
      const w = await createWorld({
        engine: 'postgres',
        layout: { webs: 1, workers: 1 },
        crmTimeoutMs: 3_000,
      });
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

      // Slow by design: a 429 without Retry-After waits out HubSpot's 10-second window before the retry.
      const drive = await playScenario(w, { createPerSecond: 40, timeoutMs: 600_000 });
      const differing = (s: CrmSnapshot) => diffSnapshots(s, reference, 10_000).examples.map((e) => e.email);
      const failures = async () =>
        (await w.ops<{ groups: FailureGroup[] }>(`/failures?tenantId=${w.tenantId}`)).groups;
      const deadCount = async () =>
        (await w.ops<{ total: number }>(`/failures?tenantId=${w.tenantId}`)).total;
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
      // The sandbox logs a request when it is answered; a hung one never is. Baton's sync log has its timeouts.
      const timedOut = await sql<{ n: number }>`
      select count(*)::int as n from sync_log where message like 'no answer within%'`.execute(await w.db());
      const timeouts = timedOut.rows[0]?.n ?? 0;
      const events = w.webhookEvents();
      const stop = await w.stopAll();
      process.stdout.write(
        `\n${JSON.stringify({ test: 'faults', events, drive, refused: refused.size, dead: group?.count, faults: Object.fromEntries(faultNotes), timeouts, calls: w.sandbox.state.requests.all().length - firstRequest, stop, store: { ...store, taskEffects: store.taskEffects.size } })}\n`,
      );

      expect(events.notBatons).toBeGreaterThanOrEqual(MIN_EVENTS);
      expect(refused.size).toBeGreaterThan(0);
      // The faults really happened, in the shares asked for (about), and Baton rode them out.
      const total = w.sandbox.state.requests.all().length - firstRequest;
      expect(faultNotes.get('fault:429') ?? 0).toBeGreaterThan(total * 0.05);
      expect(timeouts).toBeGreaterThan(total * 0.02);
      const serverErrors = [...faultNotes]
        .filter(([k]) => /^fault:5\d\d$/.test(k))
        .reduce((n, [, c]) => n + c, 0);
      expect(serverErrors).toBeGreaterThan(total * 0.05);
      expect(diffSnapshots(snap, reference).count).toBe(0);
      expect(taskMismatches(w, store)).toEqual([]);
      expect(unfinished(store)).toEqual([]);
      expect(stop.every((s) => s.code === 0)).toBe(true);
    },
  );
});
