// Throughput under the rate limit: a backlog of score writes for many leads is flushed; how close Baton's write
// rate gets to what the portal allows (110 requests / 10 s, 100 leads per request), and how many 429s it caused.
// Run it on a Baton whose worker ticks as deployed (see bench.ts).
import type { Effect } from '../../src/domain/decide/effect.ts';
import { insertEffects } from '../../src/store/effects.ts';
import { pendingEffects } from '../../src/store/effects.ts';
import { forTenant, JOBS } from '../../src/worker/catalog.ts';
import type { BatonUnderTest } from './batonUnderTest.ts';

export interface ThroughputFigures {
  leads: number;
  seconds: number;
  leadsPerSec: number;
  allowedLeadsPerSec: number;
  rateLimitShare: number;
  caused429: number;
  /** Median time the portal took to answer one batch update: whether the gap to the limit is the portal or Baton. */
  portalMsPerCall: number;
}

const ALLOWED_REQUESTS_PER_SEC = 110 / 10;
const LEADS_PER_REQUEST = 100;

export async function benchThroughput(b: BatonUnderTest, n: number): Promise<ThroughputFigures> {
  const sandbox = b.running.sandbox;
  if (!sandbox) throw new Error('sandbox mode expected');
  const portal = sandbox.portal.portal;
  // The leads are known to Baton first (created in HubSpot, told by webhook, decided, written): the backlog then
  // rescores leads Baton tracks, as a policy change or a decay pass does.
  const ids: string[] = [];
  for (let i = 0; i < n; i++)
    ids.push(portal.createContact({ email: `tp${i}@throughput${i % 500}.example` }).id);
  await b.quiet();
  // The writes' own webhooks stay off: in production they land on the web processes, here they would share
  // the flushing worker's event loop (four property changes per lead, each verified and dropped as Baton's own).
  sandbox.sandbox.setFaults({ webhookDropRate: 1 });
  const db = b.running.database.db;
  const effects: Effect[] = ids.map((leadId, i) => ({
    kind: 'write_fields',
    key: `${leadId}:bench:${i}`,
    leadId,
    fields: {
      fit: i % 100,
      engagement: (i * 7) % 100,
      grade: 'B2',
      scoreReasons: 'Fit: bench (+1) · Engagement: bench (+1)',
    },
  }));
  for (let i = 0; i < effects.length; i += 5000)
    await insertEffects(db, b.tenantId, effects.slice(i, i + 5000));
  const log = sandbox.sandbox.state.requests;
  const before = log.all().length;
  const started = performance.now();
  // As in production: the worker's flush job applies the outbox (one per tenant at a time).
  await forTenant(b.running.workerDeps, JOBS.flushEffects, b.tenantId);
  while ((await pendingEffects(db, b.tenantId, { limit: 1 })).length > 0) {
    await new Promise((r) => setTimeout(r, 100));
  }
  const seconds = (performance.now() - started) / 1000;
  sandbox.sandbox.setFaults({});
  const calls = log
    .all()
    .slice(before)
    .filter((r) => r.path === '/crm/v3/objects/contacts/batch/update');
  const first = calls[0]?.at ?? 0;
  const last = calls.at(-1)?.at ?? 0;
  // Requests per second across the run, measured between the first and last request: n requests span n - 1 gaps.
  const requestsPerSec = calls.length > 1 ? (calls.length - 1) / ((last - first) / 1000) : 0;
  return {
    leads: n,
    seconds,
    leadsPerSec: n / seconds,
    allowedLeadsPerSec: ALLOWED_REQUESTS_PER_SEC * LEADS_PER_REQUEST,
    rateLimitShare: requestsPerSec / ALLOWED_REQUESTS_PER_SEC,
    caused429: calls.filter((c) => c.status === 429).length,
    portalMsPerCall:
      calls.map((c) => c.durationMs).toSorted((a, b) => a - b)[Math.floor(calls.length / 2)] ?? 0,
  };
}
