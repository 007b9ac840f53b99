// The reference run: the scenario on one Baton process (role all, PGlite), no faults, no crashes. Its final CRM is
// what every faulty, crashing or scaled-out run must end with. Computed once per suite run and shared through a file.
import { snapshotCrm, type CrmSnapshot } from './crmSnapshot.ts';
import {
  MIN_EVENTS,
  oracleMismatches,
  playScenario,
  readStore,
  savedReference,
  saveReference,
  scenarioPlans,
  taskMismatches,
  unfinished,
  waitUntilDone,
} from './runs.ts';
import { World } from './world.ts';

export interface ReferenceFigures {
  events: number;
  contacts: number;
  ms: number;
}

let figures: ReferenceFigures | null = null;
export const referenceFigures = () => figures;

/** Fails loudly (it runs in hooks) when the fault-free run itself is wrong: then nothing else can be judged. */
export async function referenceSnapshot(): Promise<CrmSnapshot> {
  const saved = savedReference();
  if (saved) return saved;
  const started = Date.now();
  const world = await World.create({ engine: 'pglite', layout: { all: true } });
  try {
    await world.startAll();
    await world.install();
    const plans = scenarioPlans();
    const drive = await playScenario(world, { createPerSecond: 50 });
    const snap = await waitUntilDone(world, {
      done: (s) => oracleMismatches(plans, s).length === 0,
      timeoutMs: 240_000,
      describe: () => oracleMismatches(plans, snapshotCrm(world.portal)).slice(0, 5).join('\n'),
    });
    const events = world.webhookEvents();
    if (events.notBatons < MIN_EVENTS)
      throw new Error(`the scenario made only ${events.notBatons} inbound events (< ${MIN_EVENTS})`);
    const stop = await world.stopAll();
    const store = await readStore(world);
    const problems = [
      ...unfinished(store),
      ...taskMismatches(world, store),
      ...stop.filter((s) => s.code !== 0).map((s) => `exit ${JSON.stringify(s)}`),
      ...world.processes.flatMap((p) => p.errors().map((e) => `${p.env.name} logged: ${JSON.stringify(e)}`)),
    ];
    if (problems.length > 0) throw new Error(`the reference run is not clean:\n${problems.join('\n')}`);
    figures = { events: events.notBatons, contacts: drive.contacts, ms: Date.now() - started };
    saveReference(snap);
    return snap;
  } finally {
    await world.close();
  }
}
