// Crash recovery: the worker is SIGKILLed at seeded random moments (and once right after HubSpot applied a batch of
// tasks whose outcome the worker never learns) while the 10,000-event scenario runs, and restarted each time. The
// CRM must end exactly as in the crash-free reference run, and Baton's store must hold nothing pending or failed.
// On PGlite (one process, role all: the kill takes the web down too) and on PostgreSQL (separate web and worker).
import { describe, expect, it } from 'vitest';
import { Chaos } from './support/chaos.ts';
import { diffSnapshots, snapshotCrm } from './support/crmSnapshot.ts';
import { referenceSnapshot } from './support/reference.ts';
import {
  describeDiff,
  MIN_EVENTS,
  playScenario,
  readStore,
  unfinished,
  SEED,
  taskMismatches,
  waitUntilDone,
} from './support/runs.ts';
import { worldPerTest, type Engine } from './support/world.ts';

const createWorld = worldPerTest();

describe('crash recovery', () => {
  it.each<Engine>(['pglite', 'postgres'])(
    'on %s: SIGKILLs of the worker during the run lose nothing and duplicate nothing',
    async (engine) => {
      const reference = await referenceSnapshot();
      const started = Date.now();
      const w = await createWorld({
        engine,
        layout: engine === 'pglite' ? { all: true } : { webs: 1, workers: 1 },
      });
      await w.startAll();
      await w.install();
      const worker = () => w.workers[0] ?? w.processes[0]!;
      const chaos = new Chaos(w, worker, SEED + (engine === 'pglite' ? 1 : 2));
      chaos.onRequest(
        /\/crm\/v3\/objects\/tasks\/batch\/create/,
        'HubSpot created tasks, the worker died before recording it',
      );
      chaos.onRequest(
        /\/crm\/v3\/lists\/\d+\/memberships\/add/,
        'HubSpot added list members, the worker died',
        15_000,
      );
      const randomKills = chaos.randomly({ count: 5, firstMs: 4_000, gapMs: 7_000 });
      const drive = await playScenario(w, { createPerSecond: 25 });
      await randomKills;
      const snap = await waitUntilDone(w, {
        done: (s) => diffSnapshots(s, reference).count === 0,
        timeoutMs: 420_000,
        describe: () => describeDiff(snapshotCrm(w.portal), reference),
      });
      await chaos.stop();
      const stop = await w.stopAll();
      const store = await readStore(w);
      const events = w.webhookEvents();
      process.stdout.write(
        `${JSON.stringify({ engine, ms: Date.now() - started, events, drive, kills: chaos.kills, store: { ...store, taskEffects: store.taskEffects.size }, stop })}\n`,
      );
      expect(events.notBatons).toBeGreaterThanOrEqual(MIN_EVENTS);
      expect(chaos.kills.length).toBeGreaterThanOrEqual(5);
      expect(diffSnapshots(snap, reference).count).toBe(0);
      expect(taskMismatches(w, store)).toEqual([]);
      expect(unfinished(store)).toEqual([]);
    },
  );
});
