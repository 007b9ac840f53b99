// The simulated sales team around the sandbox Salesforce org: the org's territory assignment rule, its imported
// leads, web-to-lead arrivals, reps working what Baton holds them to, and marketing ops re-routing leads returned
// to the wrong owner — timed actions on the clock Baton and the org share, run by the same drivers as the
// portal's simulation.
import { SF_FIELDS } from '../../src/crm/salesforce/batonFields.ts';
import { deriveSeed } from '../hubspot/seededRandom.ts';
import { ActionScheduler, runDueActions } from './actionScheduler.ts';
import { arrivalsSettledBy } from './arrivals.ts';
import { scheduleLeadArrivals, seedExistingLeads } from './salesforceArrivals.ts';
import {
  orgRepsOf,
  type OrgRep,
  type SalesforceSimulationContext,
  type SimulatedOrg,
} from './salesforceContext.ts';
import { handoffWatch } from './salesforceHandoffs.ts';
import { salesforceOpsReview } from './salesforceOpsReview.ts';
import { assignTerritories } from './salesforceTerritories.ts';
import type { Scenario, SalesforceScenario } from './scenario.ts';
import type { SimClock } from './simClock.ts';
import type { SimulationRun } from './simulationRun.ts';
import { emptyStats, type SimulationStats } from './simulationStats.ts';

export interface SalesforceSimulation extends SimulationRun {
  readonly salesforce: SalesforceScenario;
  readonly stats: SimulationStats;
  readonly reps: readonly OrgRep[];
  /** Which territory each rep covers (known once begun). */
  readonly territories: ReadonlyArray<{ territory: string; rep: OrgRep }>;
  readonly startMs: number;
}

const OPEN_STAGES = new Set(['mql', 'assigned']);

export function createSalesforceSimulation(o: {
  org: SimulatedOrg;
  clock: SimClock;
  /** The run's scenario: its `salesforce` part, and the steps and limit shared with the portal's run. */
  scenario: Scenario;
  seed?: number;
}): SalesforceSimulation {
  const startMs = o.clock.now().getTime();
  const scenario = o.scenario.salesforce;
  const ctx: SalesforceSimulationContext = {
    org: o.org.org,
    scenario,
    // A seed given for the whole run is the portal's too: the org's people come from their own streams.
    seed: o.seed === undefined ? scenario.seed : deriveSeed(o.seed, 'salesforce'),
    clock: o.clock,
    scheduler: new ActionScheduler(),
    stats: emptyStats(),
    reps: orgRepsOf(o.org, scenario),
    marketingUserId: o.org.marketingUser.id,
    people: new Map(),
    returnedBy: new Map(),
    handoffs: new Map(),
  };
  const handoffs = handoffWatch(ctx);
  const ops = salesforceOpsReview(ctx);
  const territories: Array<{ territory: string; rep: OrgRep }> = [];
  let arrivalsUntil = startMs;
  let begun = false;

  return {
    scenario: o.scenario,
    salesforce: scenario,
    stats: ctx.stats,
    reps: ctx.reps,
    territories,
    startMs,
    begin() {
      if (begun) throw new Error('The simulation has begun already');
      begun = true;
      territories.push(...assignTerritories(ctx.org, ctx.reps));
      seedExistingLeads(ctx);
      arrivalsUntil = arrivalsSettledBy(scheduleLeadArrivals(ctx, startMs));
    },
    runDue: (untilMs, kinds) =>
      runDueActions(
        { scheduler: ctx.scheduler, now: () => o.clock.now().getTime(), errors: ctx.stats.errors },
        untilMs,
        kinds,
      ),
    observe() {
      const now = o.clock.now().getTime();
      handoffs.observe(now);
      ops.observe(now);
    },
    nextAt: (kinds) => ctx.scheduler.nextAt(kinds),
    done() {
      const now = o.clock.now().getTime();
      return (
        begun &&
        now >= arrivalsUntil &&
        ctx.scheduler.pendingEssential === 0 &&
        !ctx.org.leads().some((l) => OPEN_STAGES.has(String(l.values[SF_FIELDS.stage] ?? '')))
      );
    },
  };
}
