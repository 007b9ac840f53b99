// The simulated sales team and its market around one sandbox portal: leads arriving and engaging, the
// assignment workflow, reps, marketing ops and marketing's re-engagement, all on timed actions over the shared
// clock. Drivers (stepped in the demo, real timers in sandbox mode) decide when due actions run.
import type { Portal } from '../hubspot/index.ts';
import { ActionScheduler, runDueActions } from './actionScheduler.ts';
import { arrivalsSettledBy, scheduleArrivals, seedExistingContacts } from './arrivals.ts';
import { assignmentWorkflow } from './assignmentWorkflow.ts';
import { opsReview } from './opsReview.ts';
import { reengagement } from './reengagement.ts';
import type { Scenario } from './scenario.ts';
import type { SimClock } from './simClock.ts';
import type { SimulationRun } from './simulationRun.ts';
import { repsOf, type BatonCard, type Rep, type SimulationContext } from './simulationContext.ts';
import { emptyStats, type SimulationStats } from './simulationStats.ts';

/**
 * The portal's simulation. begin(): the portal's existing contacts (at install) and the plan of arrivals.
 * observe(): the workflow, marketing ops and marketing look at the portal and plan what they will do. done():
 * every arrival, assignment and first outcome ran (follow-ups may still be planned), no lead waits in mql or
 * assigned, and re-engaged leads had their chance to qualify again.
 */
export interface Simulation extends SimulationRun {
  readonly scenario: Scenario;
  readonly stats: SimulationStats;
  readonly reps: readonly Rep[];
  readonly startMs: number;
}

export interface SimulationOptions {
  portal: Portal;
  card: BatonCard;
  clock: SimClock;
  scenario: Scenario;
  seed?: number;
}

const OPEN_STAGES = new Set(['mql', 'assigned']);

export function createSimulation(o: SimulationOptions): Simulation {
  const startMs = o.clock.now().getTime();
  const seed = o.seed ?? o.scenario.seed;
  const ctx: SimulationContext = {
    portal: o.portal,
    scenario: o.scenario,
    seed,
    clock: o.clock,
    scheduler: new ActionScheduler(),
    stats: emptyStats(),
    card: o.card,
    reps: repsOf(o.portal, o.scenario, seed),
    people: new Map(),
    returnedBy: new Map(),
    handoffs: new Map(),
    reengageDates: new Map(),
  };
  const workflow = assignmentWorkflow(ctx);
  const ops = opsReview(ctx);
  const marketing = reengagement(ctx, startMs);
  let arrivalsUntil = startMs;
  let begun = false;

  return {
    scenario: o.scenario,
    stats: ctx.stats,
    reps: ctx.reps,
    startMs,
    begin() {
      if (begun) throw new Error('The simulation has begun already');
      begun = true;
      seedExistingContacts(ctx, startMs);
      arrivalsUntil = arrivalsSettledBy(scheduleArrivals(ctx, startMs));
    },
    runDue: (untilMs, kinds) =>
      runDueActions(
        { scheduler: ctx.scheduler, now: () => o.clock.now().getTime(), errors: ctx.stats.errors },
        untilMs,
        kinds,
      ),
    observe() {
      const now = o.clock.now().getTime();
      workflow.observe(now);
      ops.observe(now);
      marketing.observe();
    },
    nextAt: (kinds) => ctx.scheduler.nextAt(kinds),
    done() {
      const now = o.clock.now().getTime();
      return (
        begun &&
        now >= arrivalsUntil &&
        now >= marketing.expectUntil &&
        ctx.scheduler.pendingEssential === 0 &&
        !o.portal.contacts().some((c) => OPEN_STAGES.has(c.properties['baton_stage'] ?? ''))
      );
    },
  };
}
