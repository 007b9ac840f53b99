// Sandbox mode's living CRMs: once Baton is installed in the simulated portal (and connected to the simulated
// Salesforce org), each gets its simulated sales team — the portal's existing contacts are seeded (Baton's
// webhooks and reconciliation pick them up), the org's leads arrive through web-to-lead — and the standard
// scenario runs on the accelerated clock, with status lines now and then saying what is happening in each CRM
// and where to look.
import { SF_API_VERSION } from '../../src/crm/salesforce/batonFields.ts';
import type { Logger } from '../../src/logger.ts';
import type { BootstrappedPortal, HubSpotSandbox } from '../hubspot/index.ts';
import type { BootstrappedOrg, SalesforceSandboxOptions, SalesforceState } from '../salesforce/index.ts';
import { formatLocal, isBusinessTime, localTime, nextWorkingDayAt } from '../simulation/businessTime.ts';
import { runContinuously, type RunningSimulation } from '../simulation/continuousDriver.ts';
import type { DemoMetrics } from '../simulation/demoMetrics.ts';
import { watchOrgChanges } from '../simulation/orgChangeFeed.ts';
import { orgMetrics } from '../simulation/orgMetrics.ts';
import { portalMetrics, watchScoreWrites } from '../simulation/portalMetrics.ts';
import { createSalesforceSimulation, type SalesforceSimulation } from '../simulation/salesforceSimulation.ts';
import { SCENARIOS, type Scenario, type ScenarioName } from '../simulation/scenario.ts';
import type { SimClock } from '../simulation/simClock.ts';
import { startSimulation } from '../simulation/startSimulation.ts';

/** 240× real time: a working day in 2 minutes, the 24-hour SLA breached in about 18, the auto-recycle within the hour. */
export const SANDBOX_CLOCK_SPEED = 240;
/** Worker ticks every 5 s of real time = 20 simulated minutes (the default minute would be 4 simulated hours). */
export const SANDBOX_TICK_SECONDS = 5;
/**
 * The simulated org's settings in sandbox mode (and the demo): Salesforce ends sessions after two idle hours,
 * which at 240× is half a minute of real time, less than a jump of the demo's stepped clock.
 */
export const SANDBOX_ORG_OPTIONS = {
  oauth: { sessionTimeoutSeconds: 30 * 86_400 },
} as const satisfies SalesforceSandboxOptions;

/** Where sandbox mode's clock starts: now on a working morning, else the next working day at 08:00. */
export function sandboxStartTime(now: Date): Date {
  const t = now.getTime();
  const workingMorning = isBusinessTime(t) && t < localTime(t, 0, 12);
  return workingMorning ? now : new Date(nextWorkingDayAt(t, 8));
}

/** What main.ts's SandboxPortal offers (structurally). */
export interface SandboxPortalLike {
  sandbox: HubSpotSandbox;
  running: { baseUrl: string };
  portal: BootstrappedPortal;
  app: { clientSecret: string; appId: string };
}

/** What main.ts's SandboxOrg offers (structurally). */
export interface SandboxOrgLike {
  sandbox: { state: SalesforceState };
  running: { baseUrl: string };
  org: BootstrappedOrg;
}

export interface SandboxSimulation {
  simulation: RunningSimulation;
  salesforce: RunningSimulation<SalesforceSimulation> | null;
  stop(): Promise<void>;
}

const summary = (m: DemoMetrics) =>
  `${m.mql} MQL · ${m.assigned} hand-offs (${m.touchedInSla} touched in SLA, ${m.breached} breached) · ` +
  `${m.returned} returned · ${m.recycledUntouched} recycled untouched · ${m.disqualified} disqualified · ` +
  `${m.scoreWrites} score writes · Baton API calls ${m.apiCalls} (${m.failedCalls} failed)`;

/** The org's simulated sales team, and how to look at the org (a session of its admin, as jsforce or curl takes it). */
function startOrgSimulation(o: {
  org: SandboxOrgLike;
  clock: SimClock;
  log: Pick<Logger, 'info'>;
  scenario: Scenario;
  seed?: number;
}) {
  const { log } = o;
  const org = o.org.org.org;
  const feed = watchOrgChanges(org);
  const running = runContinuously(
    createSalesforceSimulation({
      org: o.org.org,
      clock: o.clock,
      scenario: o.scenario,
      ...(o.seed !== undefined && { seed: o.seed }),
    }),
    o.clock,
  );
  const sf = o.scenario.salesforce;
  const territories = running.simulation.territories
    .map((t) => `${t.territory} → ${t.rep.name} (${t.rep.profile.name})`)
    .join(', ');
  log.info(
    `Sandbox simulation "${o.scenario.name}" in Salesforce: ${sf.existingLeads} leads already in the org, ` +
      `${sf.arrivals} more arriving through web-to-lead over ${sf.arrivalWorkingDays} working days; ` +
      `the assignment rule's territories: ${territories}.`,
  );
  const base = o.org.running.baseUrl;
  const token = o.org.org.accessToken;
  const soql = encodeURIComponent(
    'SELECT Id, Name, OwnerId, Baton_Stage__c, Baton_SLA_Status__c, Baton_SLA_Due__c, Baton_Grade__c FROM Lead',
  );
  log.info(
    `Where to look in Salesforce: org ${org.id} (${org.name}) at ${base} · ` +
      `curl -H 'Authorization: Bearer ${token}' '${base}/services/data/v${SF_API_VERSION}/query?q=${soql}' · ` +
      `jsforce: new jsforce.Connection({ instanceUrl: '${base}', accessToken: '${token}', version: '${SF_API_VERSION}' })`,
  );
  let announcedDone = false;
  return {
    running,
    feed,
    status(): void {
      const m = orgMetrics({ state: o.org.sandbox.state, org, feed });
      log.info(
        `${formatLocal(o.clock.now().getTime())} (simulated) Salesforce: ${m.leads} leads · ${summary(m)} · ` +
          `org ${org.id} at ${base}`,
      );
      if (!announcedDone && running.done()) {
        announcedDone = true;
        log.info(
          'Sandbox simulation in Salesforce: the scenario is complete (every hand-off has an outcome); Baton keeps running.',
        );
      }
    },
  };
}

export function startSandboxSimulation(o: {
  sandbox: SandboxPortalLike;
  /** The simulated Salesforce org Baton is connected to (its own sales team runs beside the portal's). */
  org?: SandboxOrgLike | null;
  batonUrl: string;
  clock: SimClock;
  log: Pick<Logger, 'info'>;
  scenario?: ScenarioName | Scenario;
  seed?: number;
  statusEverySeconds?: number;
}): SandboxSimulation {
  const { sandbox, log } = o;
  const scenario = typeof o.scenario === 'object' ? o.scenario : SCENARIOS[o.scenario ?? 'standard'];
  const portal = sandbox.portal.portal;
  const appId = Number(sandbox.app.appId);
  const scoreWrites = watchScoreWrites(sandbox.sandbox.state, portal.id, appId);
  const running = startSimulation({
    sandbox: sandbox.sandbox,
    portal,
    batonUrl: o.batonUrl,
    clientSecret: sandbox.app.clientSecret,
    clock: o.clock,
    scenario,
    ...(o.seed !== undefined && { seed: o.seed }),
  });
  const base = sandbox.running.baseUrl;
  const reps = running.simulation.reps.map((r) => `${r.name} (${r.profile.name})`).join(', ');
  log.info(
    `Sandbox simulation "${scenario.name}" in HubSpot: ${scenario.existingContacts} contacts already in the portal, ` +
      `${scenario.arrivals} more arriving over ${scenario.arrivalWorkingDays} working days; reps: ${reps}.`,
  );
  log.info(
    `Where to look: Baton ${o.batonUrl} (/healthz, /readyz) · HubSpot sandbox ${base}, portal ${portal.id} · ` +
      `curl -H 'Authorization: Bearer ${sandbox.portal.privateAppToken}' ` +
      `'${base}/crm/v3/objects/contacts?properties=baton_stage,baton_sla_status,baton_grade,hubspot_owner_id'`,
  );
  const org = o.org
    ? startOrgSimulation({
        org: o.org,
        clock: o.clock,
        log,
        scenario,
        ...(o.seed !== undefined && { seed: o.seed }),
      })
    : null;
  let announcedDone = false;
  const status = () => {
    const m = portalMetrics({ state: sandbox.sandbox.state, portal, appId, scoreWrites });
    log.info(
      `${formatLocal(o.clock.now().getTime())} (simulated) HubSpot: ${m.leads} contacts · ${summary(m)} · ` +
        `portal ${portal.id} at ${base}`,
    );
    if (!announcedDone && running.done()) {
      announcedDone = true;
      log.info(
        'Sandbox simulation in HubSpot: the scenario is complete (every hand-off has an outcome); Baton keeps running.',
      );
    }
    org?.status();
  };
  const timer = setInterval(status, (o.statusEverySeconds ?? 30) * 1000);
  timer.unref();
  return {
    simulation: running,
    salesforce: org?.running ?? null,
    async stop() {
      clearInterval(timer);
      await running.stop();
      await org?.running.stop();
      org?.feed.stop();
    },
  };
}
