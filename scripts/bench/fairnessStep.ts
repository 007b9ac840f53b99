// The bench's tenant-fairness step on its own Baton: the sandbox portal's own webhooks are dropped, so tenant A's
// load is exactly the signed flood; the worker ticks as deployed (the bench's fast ticks would run reconciliation
// over A's flooded contacts every 10 s). Run alone with `npm run bench -- --only fairness`.
import { mkdirSync, writeFileSync } from 'node:fs';
import Table from 'cli-table3';
import { startBatonForBench } from './batonUnderTest.ts';
import { benchTenantFairness, type FairnessFigures } from './tenantFairness.ts';

const r = (n: number) => Math.round(n);

export const fairnessRow = (f: FairnessFigures): [string, string, string] => [
  'tenant fairness p99',
  `${r(f.p99Ms)} ms`,
  `tenant B's event → decision (${f.batches} batches of ${f.eventsPerBatch}; p50 ${r(f.p50Ms)} ms, max ${r(f.maxMs)} ms, ${r(f.baselineP99Ms)} ms p99 unflooded) while tenant A worked through ${f.floodEvents.toLocaleString()} events (${(f.floodPendingAfterBatch.at(-1) ?? 0).toLocaleString()} still pending after B's last batch); goal ≤ 5,000 ms`,
];

export async function benchFairnessStep(
  size: { floodEvents: number; batches: number },
  quick: boolean,
  opts: { print?: boolean } = {},
): Promise<FairnessFigures> {
  console.log(
    `· tenant fairness: tenant A flooded with ${size.floodEvents.toLocaleString()} events, tenant B's event → decision`,
  );
  const b = await startBatonForBench({
    ticks: 'production',
    sandboxOptions: { webhooks: { fetch: async () => new Response(null, { status: 204 }) } },
  });
  try {
    const fairness = await benchTenantFairness(b, size);
    if (opts.print === false) return fairness;
    const table = new Table({
      head: ['figure', 'value', 'what it means'],
      wordWrap: true,
      colWidths: [26, 16, 70],
    });
    table.push(fairnessRow(fairness));
    console.log(table.toString());
    const figures = { tenantFairnessP99Ms: r(fairness.p99Ms) };
    mkdirSync('test-output', { recursive: true });
    writeFileSync(
      'test-output/bench-fairness.json',
      `${JSON.stringify({ quick, figures, fairness }, null, 2)}\n`,
    );
    console.log(JSON.stringify(figures));
    return fairness;
  } finally {
    await b.close();
  }
}
