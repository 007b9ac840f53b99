// A simulation as the drivers (stepped in the demo, real timers in sandbox mode) run it, and several of them —
// the HubSpot portal's and the Salesforce org's — run as one on the shared clock.
import type { ActionKind } from './actionScheduler.ts';
import type { Scenario } from './scenario.ts';

export interface SimulationRun {
  /** How far the run may go and where its steps fall. */
  readonly scenario: Pick<Scenario, 'maxDays' | 'stepTimes'>;
  /** What the CRM has at install and the plan of arrivals. Call once. */
  begin(): void;
  /** Runs the actions of these kinds due at or before `untilMs`, in time order (including ones they plan). */
  runDue(untilMs: number, kinds: readonly ActionKind[]): Promise<number>;
  /** The people around the CRM look at it and plan what they will do. */
  observe(): void;
  nextAt(kinds: readonly ActionKind[]): number | null;
  /** Every arrival, hand-off and first outcome ran, and no lead waits in mql or assigned. */
  done(): boolean;
}

/** Runs the simulations side by side: each step applies what is due in all of them; done when all are. */
export function simulationGroup(
  scenario: SimulationRun['scenario'],
  runs: readonly SimulationRun[],
): SimulationRun {
  return {
    scenario,
    begin: () => runs.forEach((r) => r.begin()),
    runDue: async (untilMs, kinds) =>
      (await Promise.all(runs.map((r) => r.runDue(untilMs, kinds)))).reduce((a, b) => a + b, 0),
    observe: () => runs.forEach((r) => r.observe()),
    nextAt: (kinds) => {
      const next = runs.map((r) => r.nextAt(kinds)).filter((t): t is number => t !== null);
      return next.length === 0 ? null : Math.min(...next);
    },
    done: () => runs.every((r) => r.done()),
  };
}
