// `npm run backfill [tenantId] [--restart]`: starts (or continues) the initial sync of a tenant on the running
// Baton and shows its progress as a bar until it is done. Uses the ops API (BATON_OPS_TOKEN, or the local token
// Baton writes to the data folder in development).
import { SingleBar, Presets } from 'cli-progress';
import { z } from 'zod';
import { opsFetch } from './opsApiClient.ts';

const args = process.argv.slice(2);
const restart = args.includes('--restart');
const wanted = args.find((a) => !a.startsWith('--'));

const progress = z
  .object({
    status: z.enum(['running', 'done']),
    total: z.number(),
    processed: z.number(),
    startedAt: z.string(),
  })
  .nullable();
const tenants = z.object({
  tenants: z.array(z.object({ id: z.string(), name: z.string(), status: z.string(), backfill: progress })),
});

async function call(path: string, init: RequestInit = {}): Promise<unknown> {
  return (await opsFetch(path, init)).json();
}

async function main(): Promise<void> {
  const { tenants: list } = tenants.parse(await call('/ops/api/tenants'));
  const tenant = wanted ? list.find((t) => t.id === wanted) : list.find((t) => t.status !== 'disconnected');
  if (!tenant) {
    throw new Error(
      wanted
        ? `No tenant ${wanted}. Tenants: ${list.map((t) => t.id).join(', ') || 'none'}`
        : 'No connected tenant yet.',
    );
  }
  await call(`/ops/api/tenants/${tenant.id}/backfill`, { method: 'POST', body: JSON.stringify({ restart }) });
  console.log(`Initial sync of ${tenant.name} (${tenant.id})${restart ? ', from the start' : ''}`);
  const bar = new SingleBar(
    { format: '  {bar} {percentage}% | {value}/{total} leads | {status}', hideCursor: true },
    Presets.shades_classic,
  );
  bar.start(1, 0, { status: 'starting' });
  for (;;) {
    const { backfill } = z
      .object({ backfill: progress })
      .parse(await call(`/ops/api/tenants/${tenant.id}/backfill`));
    if (backfill) {
      bar.setTotal(Math.max(1, backfill.total));
      bar.update(backfill.processed, { status: backfill.status });
      if (backfill.status === 'done') break;
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  bar.stop();
  console.log('Done: every lead is tracked; webhooks and reconciliation keep it current from here.');
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
