// Runs a simulation on a running clock (sandbox mode): every quarter second of real time, what is due runs;
// every couple of seconds the workflow, ops and marketing look at the portal. Real timers only pace it.
import type { Simulation } from './simulation.ts';
import type { SimulationRun } from './simulationRun.ts';
import type { SimClock } from './simClock.ts';

export interface RunningSimulation<S extends SimulationRun = Simulation> {
  simulation: S;
  stop(): Promise<void>;
  done(): boolean;
}

export function runContinuously<S extends SimulationRun>(
  simulation: S,
  clock: SimClock,
  opts: { tickMs?: number; observeEveryTicks?: number } = {},
): RunningSimulation<S> {
  simulation.begin();
  let busy: Promise<void> | null = null;
  let ticks = 0;
  let stopped = false;
  const tick = async () => {
    await simulation.runDue(clock.now().getTime(), ['work', 'assign']);
    if (++ticks % (opts.observeEveryTicks ?? 8) === 0) simulation.observe();
  };
  const timer = setInterval(() => {
    if (busy || stopped) return;
    busy = tick().finally(() => {
      busy = null;
    });
  }, opts.tickMs ?? 250);
  return {
    simulation,
    done: () => simulation.done(),
    async stop() {
      stopped = true;
      clearInterval(timer);
      await busy;
    },
  };
}
