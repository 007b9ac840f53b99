// `npm run backfill [tenantId] [--restart]`: starts (or continues) the initial sync of a tenant on the running
// Baton and shows its progress as a bar until it is done. Uses the ops API (BATON_OPS_TOKEN, or the local token
// Baton writes to the data folder in development).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SingleBar, Presets } from 'cli-progress';
import { z } from 'zod';

const base = (process.env['BATON_URL'] ?? `http://localhost:${process.env['PORT'] ?? '3000'}`).replace(
  /\/+$/,
  '',
);
const tokenFile = join(
  process.env['PGLITE_DATA_DIR'] ? join(process.env['PGLITE_DATA_DIR'], '..') : 'data',
  'dev-ops-token',
);
const token =
  process.env['BATON_OPS_TOKEN'] ?? (existsSync(tokenFile) ? readFileSync(tokenFile, 'utf8').trim() : '');
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
  let res: Response;
  try {
    res = await fetch(`${base}${path}`, {
      ...init,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...init.headers },
    });
  } catch {
    throw new Error(`Baton is not answering at ${base}: start it with npm start (or set BATON_URL).`);
  }
  const body = (await res.json()) as { error?: { message?: string } };
  if (!res.ok) throw new Error(`${res.status}: ${body.error?.message ?? 'request failed'}`);
  return body;
}

async function main(): Promise<void> {
  if (!token)
    throw new Error('No ops token: set BATON_OPS_TOKEN (or start Baton once in development to create one).');
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
