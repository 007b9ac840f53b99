// `npm run bench` — Baton's performance figures, each a ratio or count measured in one run against the sandbox
// portal with HubSpot's real limits on: webhook ingest vs a bare handler, CRM calls per 1,000 leads vs the
// minimum and a naive integration (and the Salesforce org's calls vs its minimum), write throughput as a share of the rate limit, the SLA sweep over 100k and 1M
// leads on PostgreSQL and PGlite, return-to-list latency, tenant fairness (another tenant's event → decision while
// one tenant is flooded), the what-if over a quarter of 100,000 leads, and peak memory. Prints a table, writes the
// figures to test-output/bench.json, and ends with one JSON line. `--quick` runs smaller sizes (a smoke check);
// `--only fairness` runs that one step.
import { mkdirSync, writeFileSync } from 'node:fs';
import Table from 'cli-table3';
import { benchCrmWrites } from './bench/crmWrites.ts';
import { startBatonForBench } from './bench/batonUnderTest.ts';
import { benchIngest } from './bench/ingest.ts';
import { benchReturnLatency } from './bench/returnLatency.ts';
import { benchSweepPglite, benchSweepPostgres } from './bench/sweepCost.ts';
import { benchThroughput } from './bench/throughput.ts';
import { benchSalesforceWrites } from './bench/salesforceWrites.ts';
import { benchFairnessStep, fairnessRow } from './bench/fairnessStep.ts';
import { benchWhatIf } from './bench/whatIf.ts';

const quick = process.argv.includes('--quick');
const POSTGRES =
  process.env['BENCH_DATABASE_URL'] ??
  process.env['TEST_DATABASE_URL'] ??
  'postgres://postgres@127.0.0.1:5432/test';
const sizes = quick
  ? { ingest: 500, writes: 500, sfWrites: 400, throughput: 3_000, returns: 10, small: 20_000, large: 100_000 }
  : {
      ingest: 3_000,
      writes: 3_000,
      sfWrites: 2_000,
      throughput: 20_000,
      returns: 50,
      small: 100_000,
      large: 1_000_000,
    };
const fairnessSize = quick ? { floodEvents: 6_000, batches: 4 } : { floodEvents: 60_000, batches: 10 };
const onlyAt = process.argv.indexOf('--only');
const only = onlyAt >= 0 ? process.argv[onlyAt + 1] : undefined;
if (only !== undefined && only !== 'fairness')
  throw new Error(`--only takes one step: fairness (not "${only}")`);
if (only === 'fairness') {
  await benchFairnessStep(fairnessSize, quick);
  process.exit(0);
}

let peakRss = process.memoryUsage().rss;
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 100);
const step = (what: string) => console.log(`· ${what}`);

const started = performance.now();
step(`webhook ingest: ${sizes.ingest} signed requests of 10 events, Baton vs a bare handler`);
const ingestBaton = await startBatonForBench({ runWorker: false });
const ingest = await benchIngest(ingestBaton.running, ingestBaton.portalId, {
  requests: sizes.ingest,
  eventsPerRequest: 10,
  concurrency: 16,
});
await ingestBaton.close();

step(`CRM writes: ${sizes.writes} hand-raisers through the whole loop, and the naive integration`);
const loop = await startBatonForBench();
const writes = await benchCrmWrites(loop, sizes.writes);
step(`Salesforce writes: ${sizes.sfWrites} web-to-lead demo requests through change events and the loop`);
const sfWrites = await benchSalesforceWrites(loop, sizes.sfWrites);
step(`return to marketing → in the nurture list, ${sizes.returns} times`);
const returns = await benchReturnLatency(loop, sizes.returns);
await loop.close();

step(`throughput: a backlog of ${sizes.throughput} score writes flushed under the rate limit`);
// The worker ticks as deployed here: the bench's 2-second ticks would run reconciliation every 10 s (every
// five minutes in production), each pass re-reading the whole backlog's leads in this one process.
const steady = await startBatonForBench({ ticks: 'production' });
const throughput = await benchThroughput(steady, sizes.throughput);
await steady.close();

const fairness = await benchFairnessStep(fairnessSize, quick, { print: false });

// Pure computation, no Baton: the same size in quick runs (it takes seconds).
step('what-if: a synthetic quarter of 100,000 leads replayed under the policy in force and a proposal');
const whatIfRun = benchWhatIf(100_000);

step(
  `SLA sweep, 1 % due: ${sizes.small.toLocaleString()} and ${sizes.large.toLocaleString()} leads on PostgreSQL`,
);
const pgSmall = await benchSweepPostgres(POSTGRES, sizes.small);
const pgLarge = await benchSweepPostgres(POSTGRES, sizes.large);
step(`SLA sweep, 1 % due: ${sizes.large.toLocaleString()} leads on PGlite (peak memory measured here)`);
peakRss = process.memoryUsage().rss;
const pgliteLarge = await benchSweepPglite(sizes.large);
clearInterval(sampler);
const peakRssMb = peakRss / 1024 / 1024;

const r = (n: number, d = 1) => Math.round(n * 10 ** d) / 10 ** d;
const figures = {
  ingestEventsPerSec: r(ingest.eventsPerSec, 0),
  ingestRatio: r(ingest.ratio, 3),
  ackP99Ms: r(ingest.baton.p99Ms, 1),
  callsPerKLeads: r(writes.callsPerKLeads, 1),
  minCallsPerKLeads: r(writes.minCallsPerKLeads, 1),
  naiveCallsPerKLeads: r(writes.naiveCallsPerKLeads, 1),
  sfCallsPerKLeads: r(sfWrites.sfCallsPerKLeads, 1),
  sfMinCallsPerKLeads: r(sfWrites.sfMinCallsPerKLeads, 1),
  rateLimitShare: r(throughput.rateLimitShare, 3),
  caused429: writes.caused429 + throughput.caused429,
  sweepMs100k: r(pgSmall.sweepMs, 0),
  sweepMs1M: r(pgLarge.sweepMs, 0),
  sweepMs1MPglite: r(pgliteLarge.sweepMs, 0),
  returnToListP50Ms: r(returns.p50Ms, 0),
  returnToListP99Ms: r(returns.p99Ms, 0),
  tenantFairnessP99Ms: r(fairness.p99Ms, 0),
  whatIfQuarterMs: r(whatIfRun.whatIfQuarterMs, 0),
  peakRssMb: r(peakRssMb, 0),
};

const table = new Table({
  head: ['figure', 'value', 'what it means'],
  wordWrap: true,
  colWidths: [26, 16, 70],
});
table.push(
  [
    'ingest events/s',
    figures.ingestEventsPerSec,
    `signed webhook events stored per second (${ingest.baton.requests} requests × ${ingest.eventsPerRequest} events, 16 concurrent)`,
  ],
  [
    'ingest ratio',
    figures.ingestRatio,
    `Baton's full path ÷ a bare express handler (${r(ingest.bare.perSecond, 0)} req/s) on the same load`,
  ],
  ['ack p50 / p99 ms', `${r(ingest.baton.p50Ms)} / ${figures.ackP99Ms}`, "HubSpot's timeout is 5,000 ms"],
  [
    'CRM calls / 1k leads',
    figures.callsPerKLeads,
    `${writes.batonCalls} calls for ${writes.leads} leads read, scored and written back`,
  ],
  ['minimum / 1k leads', figures.minCallsPerKLeads, 'one batch read + one batch update per 100 leads'],
  [
    'naive / 1k leads',
    figures.naiveCallsPerKLeads,
    'a read per webhook event + a write per lead, one record per call',
  ],
  [
    'Salesforce calls / 1k leads',
    figures.sfCallsPerKLeads,
    `${sfWrites.sfCalls} REST calls for ${sfWrites.sfLeads} leads (read, last touch from tasks and events, write back); minimum ${figures.sfMinCallsPerKLeads}: one query + one collection update per 200`,
  ],
  [
    'rate-limit share',
    figures.rateLimitShare,
    `write requests/s ÷ 11/s allowed; ${r(throughput.leadsPerSec, 0)} leads/s of ${throughput.allowedLeadsPerSec} possible; the portal took ${r(throughput.portalMsPerCall, 0)} ms per batch update (median, 10 in flight)`,
  ],
  ['429s caused', figures.caused429, 'rate-limit answers Baton drew in these runs'],
  [
    'sweep 100k (PostgreSQL)',
    `${figures.sweepMs100k} ms`,
    `${pgSmall.due} due; ${r(pgSmall.msPerDueLead, 2)} ms per due lead; due query ${r(pgSmall.dueQueryMs)} ms`,
  ],
  [
    'sweep 1M (PostgreSQL)',
    `${figures.sweepMs1M} ms`,
    `${pgLarge.due} due; ${r(pgLarge.msPerDueLead, 2)} ms per due lead; due query ${r(pgLarge.dueQueryMs)} ms`,
  ],
  [
    'sweep 1M (PGlite)',
    `${figures.sweepMs1MPglite} ms`,
    `${pgliteLarge.due} due; ${r(pgliteLarge.msPerDueLead, 2)} ms per due lead; due query ${r(pgliteLarge.dueQueryMs)} ms`,
  ],
  [
    'return → list p50 / p99',
    `${figures.returnToListP50Ms} / ${figures.returnToListP99Ms} ms`,
    'card request until the lead is a member of the nurture list in HubSpot',
  ],
  fairnessRow(fairness),
  [
    'what-if, a quarter',
    `${figures.whatIfQuarterMs} ms`,
    `${whatIfRun.leads.toLocaleString()} leads, ${whatIfRun.rows.toLocaleString()} ledger rows replayed under two policies and compared (${whatIfRun.changed.toLocaleString()} leads change)`,
  ],
  [
    'peak RSS',
    `${figures.peakRssMb} MB`,
    `during the ${sizes.large.toLocaleString()}-lead PGlite run (database in process)`,
  ],
);
console.log(table.toString());
console.log(`measured in ${r((performance.now() - started) / 1000, 0)} s${quick ? ' (quick sizes)' : ''}`);
mkdirSync('test-output', { recursive: true });
writeFileSync(
  'test-output/bench.json',
  `${JSON.stringify({ quick, figures, ingest, writes, sfWrites, throughput, returns, fairness, whatIf: whatIfRun, sweeps: [pgSmall, pgLarge, pgliteLarge] }, null, 2)}\n`,
);
console.log(JSON.stringify(figures));
process.exit(0);
