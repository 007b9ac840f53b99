// npm run demo: Baton in sandbox mode (a simulated HubSpot portal, installed through OAuth, and a simulated
// Salesforce org, connected through OAuth) on a temporary PGlite database, a simulated sales team in each running
// the standard scenario to completion on one stepped clock, then each CRM's numbers read back twice — from the
// CRM's own state and from Baton's store — printed side by side, with one JSON line last (one object per CRM).
// Exits non-zero when either CRM disagrees with Baton or the scenario did not complete.
// `npm run demo -- small` runs the small scenario (the e2e test's).
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { DateTime } from 'luxon';
import { z } from 'zod';
import { loadConfig } from '../src/config.ts';
import { SF_FIELDS } from '../src/crm/salesforce/batonFields.ts';
import { createLogger } from '../src/logger.ts';
import { startSandboxMode } from '../sandbox/mode/startSandboxMode.ts';
import type { Portal, SandboxState } from '../sandbox/hubspot/index.ts';
import type { Org, SalesforceState } from '../sandbox/salesforce/index.ts';
import { CALENDAR } from '../sandbox/simulation/businessTime.ts';
import {
  METRIC_DEFINITIONS,
  EXTRA_DEFINITIONS,
  SALESFORCE_DEFINITIONS,
  disagreements,
  type DemoMetrics,
  type Disagreement,
  type ExtraMetrics,
} from '../sandbox/simulation/demoMetrics.ts';
import { demoJson, demoReport, orgPeople, portalPeople } from '../sandbox/simulation/demoReport.ts';
import { trackInFlight } from '../sandbox/simulation/inFlight.ts';
import { watchOrgChanges } from '../sandbox/simulation/orgChangeFeed.ts';
import { batonOrgCalls, isFailedCall, orgMetrics } from '../sandbox/simulation/orgMetrics.ts';
import { LEAD_OBJECT_DEFINITIONS, leadObjectMetrics } from '../sandbox/simulation/leadObjectMetrics.ts';
import {
  batonCalls,
  historiesAtCap,
  portalMetrics,
  watchScoreWrites,
} from '../sandbox/simulation/portalMetrics.ts';
import { SANDBOX_ORG_OPTIONS } from '../sandbox/mode/sandboxSimulation.ts';
import { createSalesforceSimulation } from '../sandbox/simulation/salesforceSimulation.ts';
import { scenarioNamed, type Scenario } from '../sandbox/simulation/scenario.ts';
import { settler } from '../sandbox/simulation/settle.ts';
import { createSteppedClock } from '../sandbox/simulation/simClock.ts';
import { createSimulation } from '../sandbox/simulation/simulation.ts';
import { simulationGroup } from '../sandbox/simulation/simulationRun.ts';
import type { SimulationStats } from '../sandbox/simulation/simulationStats.ts';
import { runStepped, type SteppedRun } from '../sandbox/simulation/steppedDriver.ts';
import type { Executor } from '../src/store/executor.ts';
import { getTenant } from '../src/store/tenants.ts';
import {
  batonMetrics,
  batonPending,
  nextBatonTimer,
  runHealth,
  scoreWritesLeftAlone,
} from './demo/batonStore.ts';
import { channelsBehind } from './demo/changeEventsStored.ts';
import { monthlyScorecards, scorecardTable, type MonthlyScorecard } from './demo/scorecardTable.ts';

/** Monday 5 October 2026, 08:00 in the policy's zone: four weeks before the clocks go back. */
const SCENARIO_START = DateTime.fromObject(
  { year: 2026, month: 10, day: 5, hour: 8 },
  { zone: CALENDAR.timeZone },
).toMillis();

function listenable(port: number): Promise<number | null> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(null));
    server.listen(port, '127.0.0.1', () => {
      const address = server.address();
      const bound = typeof address === 'object' && address ? address.port : null;
      server.close(() => resolve(bound));
    });
  });
}

/** A free port, and with `pair` one whose successor is free too (sandbox mode puts a second sandbox there). */
async function freePort(pair = false): Promise<number> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const port = await listenable(0);
    if (port !== null && (!pair || (await listenable(port + 1)) !== null)) return port;
  }
  throw new Error('No free port on 127.0.0.1');
}

const logLine = z.object({
  level: z.number(),
  msg: z.string().default(''),
  err: z.object({ message: z.string().optional() }).optional(),
});

const parseJson = (text: string): unknown => {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
};

/** Baton's warnings and errors, kept for the report instead of flooding the terminal. */
function logCapture() {
  const lines: Array<{ level: number; msg: string }> = [];
  const stream = new Writable({
    write(chunk: Buffer, _enc, done) {
      for (const line of chunk.toString('utf8').split('\n').filter(Boolean)) {
        const entry = logLine.safeParse(parseJson(line));
        lines.push(
          entry.success
            ? {
                level: entry.data.level,
                msg: `${entry.data.msg}${entry.data.err?.message ? `: ${entry.data.err.message}` : ''}`,
              }
            : { level: 50, msg: line },
        );
      }
      done();
    },
  });
  return { stream, lines };
}

/** Webhook deliveries Baton did not accept, by outcome and answer. */
function describeFailures(
  failed: ReadonlyArray<{ outcome: string; status?: number; error?: string; willRetry: boolean }>,
) {
  if (failed.length === 0) return 0;
  const kinds = new Map<string, number>();
  for (const f of failed) {
    const key = `${f.outcome} ${f.status ?? ''} ${f.error ?? ''}${f.willRetry ? ' (retried)' : ''}`.trim();
    kinds.set(key, (kinds.get(key) ?? 0) + 1);
  }
  return `${failed.length}: ${[...kinds].map(([k, n]) => `${n} × ${k}`).join(', ')}`;
}

/** Baton's failed calls as the CRM logged them, grouped by status, note and path. */
function failedCallsByKind(calls: ReadonlyArray<{ status: number; path: string; note?: string }>): string {
  const kinds = new Map<string, number>();
  for (const c of calls.filter(isFailedCall)) {
    const key = `${c.status}${c.note ? ` ${c.note}` : ''} ${c.path.replace(/\/\d+/g, '/{id}').replace(/\/00[A-Za-z0-9]{13,16}/g, '/{id}')}`;
    kinds.set(key, (kinds.get(key) ?? 0) + 1);
  }
  return [...kinds].map(([k, n]) => `${n} × ${k}`).join(', ') || 'none';
}

/** One CRM's side of the run. */
export interface CrmResult {
  tenantId: string;
  /** The CRM's own numbers (the portal's, the org's). */
  crm: DemoMetrics & ExtraMetrics;
  baton: DemoMetrics & ExtraMetrics;
  disagreements: Disagreement[];
  /** The CRM's numbers Baton has no counterpart for (HubSpot's Lead record figures), in the JSON line too. */
  crmOnly: Record<string, number>;
  stats: SimulationStats;
  /** Leads still in mql or assigned at the end (0 when every hand-off had an outcome). */
  openHandoffs: number;
  health: Record<string, number | string>;
}

export interface DemoResult {
  scenario: Scenario;
  run: SteppedRun;
  realSeconds: number;
  hubspot: CrmResult;
  salesforce: CrmResult;
  /** Baton's warnings and errors over the whole run (both CRMs). */
  warnings: string[];
  report: string;
  /** Both sides of the SLA for each month the run went through, per CRM (as the ops console computes them). */
  scorecards: MonthlyScorecard[];
  json: string;
}

export interface DemoInspection {
  db: Executor;
  hubspot: { tenantId: string; portal: Portal; state: SandboxState; stats: SimulationStats };
  salesforce: { tenantId: string; org: Org; state: SalesforceState; stats: SimulationStats };
}

const OPEN_STAGES = ['mql', 'assigned'];
const since = (began: number) => `${((performance.now() - began) / 1000).toFixed(0)} s`;

export async function runDemo(o: {
  scenario: Scenario;
  progress?: (line: string) => void;
  tickSeconds?: number;
  /** Looks at the finished run before Baton stops (tests, diagnostics). */
  inspect?: (i: DemoInspection) => Promise<void>;
}): Promise<DemoResult> {
  const began = performance.now();
  const dir = mkdtempSync(join(tmpdir(), 'baton-demo-'));
  const logs = logCapture();
  const port = await freePort();
  const clock = createSteppedClock(SCENARIO_START);
  const config = loadConfig({
    PORT: String(port),
    BATON_PUBLIC_URL: `http://127.0.0.1:${port}`,
    PGLITE_DATA_DIR: join(dir, 'pglite'),
    BATON_ENCRYPTION_KEYS: `1:${randomBytes(32).toString('base64')}`,
    LOG_LEVEL: 'warn',
  });
  const running = await startSandboxMode(config, {
    log: createLogger('warn', logs.stream),
    clock,
    tickSeconds: o.tickSeconds ?? 0.5,
    sandboxPort: await freePort(true),
    salesforceSandboxOptions: SANDBOX_ORG_OPTIONS,
  });
  try {
    const sandbox = running.sandbox;
    const sandboxOrg = running.sandboxOrg;
    if (!sandbox || !sandboxOrg || !running.server) throw new Error('Baton did not start in sandbox mode');
    const db = running.database.db;

    // HubSpot: the portal Baton is installed in.
    const portal = sandbox.portal.portal;
    const state = sandbox.sandbox.state;
    const appId = Number(sandbox.app.appId);
    const hubspotTenantId = `hubspot-${portal.id}`;
    const hubspotTenant = await getTenant(db, hubspotTenantId);
    if (!hubspotTenant) throw new Error(`Baton has no tenant for portal ${portal.id}: the install failed`);
    const scoreWrites = watchScoreWrites(state, portal.id, appId);

    // Salesforce: the org Baton is connected to, its change events subscribed.
    const org = sandboxOrg.org.org;
    const orgState = sandboxOrg.sandbox.state;
    const salesforceTenantId = `salesforce-${org.id}`;
    const salesforceTenant = await getTenant(db, salesforceTenantId);
    if (!salesforceTenant) throw new Error(`Baton has no tenant for org ${org.id}: the connect failed`);
    await running.changeFeeds?.subscribed(salesforceTenantId);
    const feed = watchOrgChanges(org);

    const settle = settler({
      flushWebhooks: () => sandbox.sandbox.flushWebhooks(),
      inFlight: [
        trackInFlight(running.server),
        trackInFlight(sandbox.running.server),
        trackInFlight(sandboxOrg.running.server),
      ],
      pending: async () => {
        const hubspot = await batonPending(db, hubspotTenantId, hubspotTenant.policy, clock.now());
        if (hubspot) return `HubSpot: ${hubspot}`;
        await running.changeFeeds?.settled();
        const behind = await channelsBehind(db, salesforceTenantId, org);
        if (behind.length > 0) return `Salesforce: change events not yet stored on ${behind.join(', ')}`;
        const salesforce = await batonPending(db, salesforceTenantId, salesforceTenant.policy, clock.now());
        return salesforce ? `Salesforce: ${salesforce}` : null;
      },
    });
    const hubspotSimulation = createSimulation({
      portal,
      card: { batonUrl: config.publicUrl, clientSecret: sandbox.app.clientSecret },
      clock,
      scenario: o.scenario,
    });
    const salesforceSimulation = createSalesforceSimulation({
      org: sandboxOrg.org,
      clock,
      scenario: o.scenario,
    });
    const run = await runStepped({
      simulation: simulationGroup(o.scenario, [hubspotSimulation, salesforceSimulation]),
      clock,
      settle,
      nextTimerAt: async () => {
        const next = [
          await nextBatonTimer(db, hubspotTenantId, clock.now()),
          await nextBatonTimer(db, salesforceTenantId, clock.now()),
        ].filter((t): t is number => t !== null);
        return next.length === 0 ? null : Math.min(...next);
      },
      onStep: (at, step) => {
        if (!o.progress || step % 10 !== 0) return;
        const h = portalMetrics({ state, portal, appId, scoreWrites });
        const s = orgMetrics({ state: orgState, org, feed });
        const line = (m: DemoMetrics) =>
          `${m.leads} leads · ${m.mql} MQL · ${m.assigned} hand-offs · ${m.touchedInSla} touched in SLA · ${m.breached} breached · ${m.returned} returned · ${m.recycledUntouched} recycled untouched`;
        o.progress(
          `  ${DateTime.fromMillis(at, { zone: CALENDAR.timeZone }).toFormat('ccc d LLL HH:mm')} · HubSpot: ${line(h)} | Salesforce: ${line(s)} · ${since(began)}`,
        );
      },
    });
    await settle();
    const endMs = clock.now().getTime();

    const portalSide = portalMetrics({ state, portal, appId, scoreWrites });
    const hubspotBaton = await batonMetrics(db, hubspotTenantId);
    const deliveries = state.webhookDeliveries;
    const hubspot: CrmResult = {
      tenantId: hubspotTenantId,
      crm: portalSide,
      baton: hubspotBaton,
      disagreements: disagreements(portalSide, hubspotBaton),
      crmOnly: leadObjectMetrics(portal, hubspotSimulation.startMs),
      stats: hubspotSimulation.stats,
      openHandoffs: portal.contacts().filter((c) => OPEN_STAGES.includes(c.properties['baton_stage'] ?? ''))
        .length,
      health: {
        ...(await runHealth(db, hubspotTenantId, clock.now())),
        webhookDeliveries: deliveries.length,
        failedWebhookDeliveries: describeFailures(deliveries.filter((d) => d.outcome !== 'delivered')),
        sandboxInternalErrors: sandbox.sandbox.internalErrors.length,
        scoreWritesWithoutNewActivity: scoreWrites.withoutNewActivity,
        contactsWithHistoryAtCap: historiesAtCap(portal),
        failedCallsSeen: failedCallsByKind(batonCalls(state, portal.id, appId)),
      },
    };

    const orgSide = orgMetrics({ state: orgState, org, feed });
    const salesforceBaton = await batonMetrics(db, salesforceTenantId);
    feed.stop();
    const salesforce: CrmResult = {
      tenantId: salesforceTenantId,
      crm: orgSide,
      baton: salesforceBaton,
      disagreements: disagreements(orgSide, salesforceBaton),
      crmOnly: {},
      stats: salesforceSimulation.stats,
      openHandoffs: org.leads().filter((l) => OPEN_STAGES.includes(String(l.values[SF_FIELDS.stage] ?? '')))
        .length,
      health: {
        ...(await runHealth(db, salesforceTenantId, clock.now())),
        changeEvents: feed.events,
        changeEventsLost: org.changeEvents.dropped.length,
        sandboxInternalErrors: sandboxOrg.sandbox.internalErrors.length,
        scoreWritesWithoutNewActivity: feed.scoreWritesWithoutNewActivity,
        scoreWritesToConvertedLeads: `${await scoreWritesLeftAlone(db, salesforceTenantId)} (to leads converted in Salesforce: Baton leaves them alone, done without a call)`,
        failedCallsSeen: failedCallsByKind(batonOrgCalls(orgState, org.id)),
        apiUsageLast24h: `${org.apiUsage.used(org.now())} of ${org.apiUsage.limit} requests (org clock)`,
      },
    };

    await o.inspect?.({
      db,
      hubspot: { tenantId: hubspotTenantId, portal, state, stats: hubspotSimulation.stats },
      salesforce: { tenantId: salesforceTenantId, org, state: orgState, stats: salesforceSimulation.stats },
    });
    const realSeconds = (performance.now() - began) / 1000;
    const warnings = logs.lines.filter((l) => l.level >= 40).map((l) => l.msg);
    const completed = run.completed ? 'yes' : `NO (gave up after ${o.scenario.maxDays} days)`;
    const report = demoReport({
      scenario: o.scenario.name,
      run,
      startMs: SCENARIO_START,
      endMs,
      realSeconds,
      health: {
        completed,
        batonWarningsAndErrors:
          warnings.length === 0 ? 0 : `${warnings.length}: ${[...new Set(warnings)].slice(0, 4).join(' | ')}`,
      },
      sections: [
        {
          title: `HubSpot portal ${portal.id}`,
          source: 'portal',
          crm: hubspot.crm,
          baton: hubspot.baton,
          disagreements: hubspot.disagreements,
          crmOnly: hubspot.crmOnly,
          definitions: { ...METRIC_DEFINITIONS, ...EXTRA_DEFINITIONS, ...LEAD_OBJECT_DEFINITIONS },
          people: portalPeople(hubspot.stats, hubspotSimulation.reps),
          health: { ...hubspot.health, openHandoffs: hubspot.openHandoffs },
        },
        {
          title: `Salesforce org ${org.id} (${org.name})`,
          source: 'org',
          crm: salesforce.crm,
          baton: salesforce.baton,
          disagreements: salesforce.disagreements,
          definitions: SALESFORCE_DEFINITIONS,
          people: orgPeople(salesforce.stats, salesforceSimulation.territories),
          health: { ...salesforce.health, openHandoffs: salesforce.openHandoffs },
        },
      ],
    });
    const scorecards = await monthlyScorecards(
      db,
      [
        { crm: 'HubSpot', tenantId: hubspotTenantId },
        { crm: 'Salesforce', tenantId: salesforceTenantId },
      ],
      { startMs: SCENARIO_START, endMs, now: () => clock.now() },
    );
    return {
      scenario: o.scenario,
      run,
      realSeconds,
      hubspot,
      salesforce,
      warnings,
      report,
      scorecards,
      json: demoJson({ hubspot: hubspot.crm, salesforce: salesforce.crm }, { hubspot: hubspot.crmOnly }),
    };
  } finally {
    await running.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Both CRMs agree with Baton, the scenario completed and the simulated people hit no errors. */
export const demoPassed = (r: DemoResult): boolean =>
  r.run.completed &&
  [r.hubspot, r.salesforce].every((c) => c.disagreements.length === 0 && c.stats.errors.length === 0);

if (import.meta.main) {
  const scenario = scenarioNamed(process.argv[2] ?? 'standard');
  console.log(
    `Baton demo: scenario "${scenario.name}" — starting Baton in sandbox mode (HubSpot portal and Salesforce org) on a temporary database…`,
  );
  const result = await runDemo({ scenario, progress: (line) => console.log(line) });
  console.log(`\n${result.report}\n`);
  console.log(`${scorecardTable(result.scorecards)}\n`);
  console.log(result.json);
  process.exit(demoPassed(result) ? 0 : 1);
}
