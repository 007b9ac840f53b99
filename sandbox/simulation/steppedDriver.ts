// Runs a simulation to completion on a stepped clock (the demo and its test). The world advances at fixed
// local times on working days; at each step, first what people did up to then is applied (stamped with when it
// happened) while Baton's timers for that instant are not yet due, and Baton settles; then the clock reaches
// the step, Baton's due timers fire (SLA reminders, breaches, auto-recycles — they fall on these times, because
// hand-offs happen on them and the SLA counts whole working days), the workflow assigns, and Baton settles again.
import type { ActionKind } from './actionScheduler.ts';
import { DAY, HOUR, isBusinessTime, localTime } from './businessTime.ts';
import type { SteppedClock } from './simClock.ts';
import type { SimulationRun } from './simulationRun.ts';

export interface SteppedRun {
  steps: number;
  completed: boolean;
  simulatedDays: number;
  /** Real seconds spent waiting for Baton: after applying work, and after timers and assignments. */
  settleSeconds: { work: number; timers: number };
}

const WORK: readonly ActionKind[] = ['work'];
const ASSIGN: readonly ActionKind[] = ['assign'];
/** Work is applied this long before a step's timers fall due. */
const LEAD_IN_MS = 60_000;
/** Even with nothing planned, the world is looked at weekly. */
const MAX_GAP_MS = 7 * DAY;

/** The next step time at or after `fromMs`: one of `stepTimes` ("HH:MM", local) on a working day. */
export function nextStepAt(fromMs: number, stepTimes: readonly string[]): number {
  for (let day = 0; day < 30; day++) {
    const noon = localTime(fromMs, day, 12);
    if (!isBusinessTime(noon)) continue;
    for (const hhmm of stepTimes) {
      const [h, m] = hhmm.split(':').map(Number);
      const at = localTime(fromMs, day, h ?? 0, m ?? 0);
      if (at >= fromMs) return at;
    }
  }
  throw new Error('no working day within 30 days');
}

/** The earliest instant after step `at` at which anything is planned: the next step at or after it runs next. */
async function nextWorthwhile(
  o: { simulation: SimulationRun; nextTimerAt?: () => Promise<number | null> },
  at: number,
): Promise<number> {
  if (!o.nextTimerAt) return at + 1;
  const assign = o.simulation.nextAt(ASSIGN);
  const candidates = [
    o.simulation.nextAt(WORK),
    assign === null ? null : assign - HOUR,
    await o.nextTimerAt(),
    at + MAX_GAP_MS,
  ].filter((t): t is number => t !== null);
  return Math.max(at + 1, Math.min(...candidates));
}

export async function runStepped(o: {
  simulation: SimulationRun;
  clock: SteppedClock;
  /** Resolves once Baton has processed everything it was told and nothing is in flight. */
  settle: () => Promise<void>;
  /** Baton's next timer after now (SLA threshold, cooldown end, hygiene): steps with nothing to do are skipped. */
  nextTimerAt?: () => Promise<number | null>;
  onStep?: (stepMs: number, step: number) => void;
}): Promise<SteppedRun> {
  const { simulation: sim, clock, settle } = o;
  const start = clock.now().getTime();
  const limit = start + sim.scenario.maxDays * DAY;
  sim.begin();
  await settle();
  sim.observe();
  let steps = 0;
  const waited = { work: 0, timers: 0 };
  const timed = async (phase: keyof typeof waited) => {
    const t = performance.now();
    await settle();
    waited[phase] += (performance.now() - t) / 1000;
  };
  let at = nextStepAt(start + LEAD_IN_MS, sim.scenario.stepTimes);
  while (!sim.done() && at <= limit) {
    clock.advanceTo(at - LEAD_IN_MS);
    await sim.runDue(at, WORK);
    await timed('work');
    sim.observe();
    clock.advanceTo(at);
    // The workflow and ops act at the step they fall into.
    await sim.runDue(at + HOUR, ASSIGN);
    await timed('timers');
    sim.observe();
    o.onStep?.(at, ++steps);
    at = nextStepAt(await nextWorthwhile(o, at), sim.scenario.stepTimes);
  }
  return {
    steps,
    completed: sim.done(),
    simulatedDays: (clock.now().getTime() - start) / DAY,
    settleSeconds: waited,
  };
}
