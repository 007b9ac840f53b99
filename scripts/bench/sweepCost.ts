// Sweep cost: an SLA sweep over 100k and 1M tracked leads with 1 % due, on PGlite and on PostgreSQL. The sweep
// reads only due timers (a partial index), so its cost follows the due count, not the total.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import pg from 'pg';
import { decide } from '../../src/domain/decide/decide.ts';
import { newLeadState } from '../../src/domain/decide/leadState.ts';
import { defaultPolicy } from '../../src/domain/policy/schema.ts';
import { migrate, openDatabase, type Database } from '../../src/store/database.ts';
import { dueLeads } from '../../src/store/leads.ts';
import { encodeLeadState } from '../../src/store/leadStateCodec.ts';
import { connectTenant } from '../../src/store/tenants.ts';
import { sweepDueLeads } from '../../src/worker/sweepDueLeads.ts';

export interface SweepFigures {
  engine: 'pglite' | 'postgres';
  total: number;
  due: number;
  seedSeconds: number;
  dueQueryMs: number;
  sweepMs: number;
  msPerDueLead: number;
}

const ASSIGNED_AT = new Date('2026-11-23T14:00:00Z');
const NOW = new Date('2026-11-24T20:00:00Z'); // past the 12-business-hour reminder of ASSIGNED_AT

/** One assigned lead's state as Baton stores it, used as the template for every seeded row. */
function templateState(): Record<string, unknown> {
  const policy = defaultPolicy();
  let state = newLeadState('L0', ASSIGNED_AT, {
    profile: { email: 'x@y.example', title: 'VP Sales', employees: 500 },
  });
  for (const event of [
    {
      kind: 'observed' as const,
      at: ASSIGNED_AT,
      engagement: [{ type: 'demo_request' as const, at: ASSIGNED_AT }],
    },
    { kind: 'owner_changed' as const, at: ASSIGNED_AT, ownerId: 'rep-1', actor: { kind: 'crm' as const } },
  ]) {
    const r = decide(state, event, { policy, now: ASSIGNED_AT, measuredCycle: {} });
    if (!r.ok) throw new Error('template');
    state = r.decision.state;
  }
  return encodeLeadState(state);
}

async function seed(db: Database['db'], tenantId: string, total: number): Promise<void> {
  const template = JSON.stringify(templateState());
  const future = new Date('2027-01-01T00:00:00Z');
  const remindAt = new Date('2026-11-24T19:00:00Z');
  for (let from = 1; from <= total; from += 100_000) {
    const to = Math.min(total, from + 99_999);
    await sql`insert into leads (tenant_id, lead_id, stage, owner_id, state, next_timer_at, version)
      select ${tenantId}, 'L' || g, 'assigned', 'rep-' || (g % 50),
             jsonb_set(${template}::jsonb, '{leadId}', to_jsonb('L' || g)),
             case when g % 100 = 0 then ${remindAt}::timestamptz else ${future}::timestamptz end, 1
      from generate_series(${from}::int, ${to}::int) g`.execute(db);
  }
  await sql`analyze leads`.execute(db);
}

async function measure(
  database: Database,
  engine: SweepFigures['engine'],
  total: number,
): Promise<SweepFigures> {
  await migrate(database.db);
  const tenant = await connectTenant(database.db, {
    crm: 'hubspot',
    externalId: `bench-${total}`,
    name: 'Bench',
  });
  const t0 = performance.now();
  await seed(database.db, tenant.id, total);
  const seedSeconds = (performance.now() - t0) / 1000;
  const q0 = performance.now();
  const due = await dueLeads(database.db, { now: NOW, limit: 200, tenantId: tenant.id });
  const dueQueryMs = performance.now() - q0;
  if (due.length === 0) throw new Error('nothing due');
  const s0 = performance.now();
  const result = await sweepDueLeads({ db: database.db, clock: { now: () => NOW } }, tenant, {
    pageSize: 500,
    budgetMs: 3_600_000,
  });
  const sweepMs = performance.now() - s0;
  return {
    engine,
    total,
    due: result.visited,
    seedSeconds,
    dueQueryMs,
    sweepMs,
    msPerDueLead: sweepMs / result.visited,
  };
}

export async function benchSweepPglite(total: number): Promise<SweepFigures> {
  const dir = mkdtempSync(join(tmpdir(), 'baton-sweep-'));
  const database = openDatabase({ kind: 'pglite', dataDir: join(dir, 'pglite') });
  try {
    return await measure(database, 'pglite', total);
  } finally {
    await database.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function benchSweepPostgres(url: string, total: number): Promise<SweepFigures> {
  const schema = `baton_bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  const database = openDatabase({ kind: 'postgres', url, schema, poolSize: 4 });
  try {
    return await measure(database, 'postgres', total);
  } finally {
    await database.close();
    await admin.query(`DROP SCHEMA ${schema} CASCADE`);
    await admin.end();
  }
}
