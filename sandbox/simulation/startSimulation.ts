// The simulated sales team around a sandbox portal, on a running clock (sandbox mode, manual tries).
import type { HubSpotSandbox, Portal } from '../hubspot/index.ts';
import { runContinuously, type RunningSimulation } from './continuousDriver.ts';
import { SCENARIOS, type Scenario, type ScenarioName } from './scenario.ts';
import type { SimClock } from './simClock.ts';
import { createSimulation } from './simulation.ts';
import type { SimulationStats } from './simulationStats.ts';

export interface StartSimulationOptions {
  sandbox: HubSpotSandbox;
  /** Default: the sandbox's first portal. */
  portal?: Portal;
  /** Baton's public URL (its card API). */
  batonUrl: string;
  /** The app's client secret (card requests are signed with it). */
  clientSecret: string;
  clock: SimClock;
  seed?: number;
  scenario?: ScenarioName | Scenario;
}

export function startSimulation(o: StartSimulationOptions): RunningSimulation & { stats: SimulationStats } {
  const scenario = typeof o.scenario === 'object' ? o.scenario : SCENARIOS[o.scenario ?? 'standard'];
  const portal = o.portal ?? o.sandbox.state.portals()[0];
  if (!portal) throw new Error('The sandbox has no portal to simulate');
  const simulation = createSimulation({
    portal,
    card: { batonUrl: o.batonUrl, clientSecret: o.clientSecret },
    clock: o.clock,
    scenario,
    ...(o.seed !== undefined && { seed: o.seed }),
  });
  const running = runContinuously(simulation, o.clock);
  return { ...running, stats: simulation.stats };
}
