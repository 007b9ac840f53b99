// What every resilience test does with the one seeded scenario: play it into the portal, wait until Baton is done,
// check the CRM against the scenario's intent and against the reference run, and read Baton's store for what it
// decided (nothing pending, nothing failed, each task effect applied once).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'kysely';
import { inject } from 'vitest';
import { SANDBOX_REPS } from '../../../sandbox/mode/sandboxPortal.ts';
import { diffSnapshots, snapshotCrm, type CrmSnapshot } from './crmSnapshot.ts';
import {
  driveScenario,
  expectedOutcome,
  planScenario,
  type ContactPlan,
  type DriveStats,
} from './scenario.ts';
import type { World } from './world.ts';

export const SEED = 20_261_122;
/** About 10.5 inbound events per contact: 1,000 contacts make a scenario of more than 10,000 events. */
export const CONTACTS = 1_000;
export const MIN_EVENTS = 10_000;

export const scenarioPlans = (): ContactPlan[] => planScenario(SEED, CONTACTS, SANDBOX_REPS.length);

export function playScenario(
  world: World,
  opts: { createPerSecond: number; timeoutMs?: number; onTick?: () => void | Promise<void> },
): Promise<DriveStats> {
  return driveScenario({
    portal: world.portal,
    plans: scenarioPlans(),
    returnLead: world.returnLead,
    createPerSecond: opts.createPerSecond,
    timeoutMs: opts.timeoutMs ?? 300_000,
    ...(opts.onTick && { onTick: opts.onTick }),
  });
}

/** Where the CRM differs from what the scenario says each contact ends as (stage, SLA, owner, lists, tasks). */
export function oracleMismatches(plans: readonly ContactPlan[], snap: CrmSnapshot): string[] {
  const out: string[] = [];
  for (const p of plans) {
    const e = expectedOutcome(p);
    const s = snap[p.email];
    if (!s) {
      out.push(`#${p.n} (${p.fate}): not in the portal`);
      continue;
    }
    const got = {
      stage: s.props['baton_stage'] ?? null,
      slaStatus: s.props['baton_sla_status'] ?? null,
      owned: s.owner !== '',
      lists: s.lists,
      tasks: s.tasks.map((t) => t.split('→')[0]),
      lastReason: s.props['baton_last_reason'] ?? null,
    };
    if (JSON.stringify(got) !== JSON.stringify(e))
      out.push(`#${p.n} (${p.fate}): expected ${JSON.stringify(e)}, got ${JSON.stringify(got)}`);
  }
  return out;
}

/**
 * Waits until Baton is done: the portal has delivered every webhook, the CRM shows what `done` wants, Baton has
 * no pending effect (its metrics) and has made no API call for `quietMs`. Returns the final snapshot.
 */
export async function waitUntilDone(
  world: World,
  opts: { done: (snap: CrmSnapshot) => boolean; timeoutMs: number; quietMs?: number; describe: () => string },
): Promise<CrmSnapshot> {
  const until = Date.now() + opts.timeoutMs;
  const quietMs = opts.quietMs ?? 3_000;
  for (;;) {
    await world.sandbox.flushWebhooks();
    const snap = snapshotCrm(world.portal);
    const lastCall = world.sandbox.state.requests.all().at(-1)?.at ?? 0;
    if (opts.done(snap) && Date.now() - lastCall >= quietMs) {
      // Nothing decided and unapplied, and nothing received and unprocessed: a read that hangs (a timeout fault)
      // sends no request for a while, so a quiet CRM alone does not mean Baton is done.
      const effects = await world.metric('baton_effects_pending').catch(() => Number.NaN);
      const inbox = await world.metric('baton_inbox_pending').catch(() => Number.NaN);
      if (effects === 0 && inbox === 0) return snap;
    }
    if (Date.now() > until)
      throw new Error(`Baton did not finish in ${opts.timeoutMs} ms: ${opts.describe()}`);
    await new Promise((r) => setTimeout(r, 1000));
  }
}

export interface StoreReport {
  inbox: Record<string, number>;
  effects: Record<string, number>;
  /** Remind/escalate effects applied, per lead (each must be exactly one CRM task). */
  taskEffects: Map<string, number>;
  /** pg-boss jobs by state. */
  jobs: Record<string, number>;
  leads: number;
}

/** Reads Baton's store (for PGlite: with Baton stopped). */
export async function readStore(world: World): Promise<StoreReport> {
  const db = await world.db();
  const count = async (table: 'inbox' | 'effects') =>
    Object.fromEntries(
      (
        await db
          .selectFrom(table)
          .select(['status', db.fn.countAll<number>().as('n')])
          .groupBy('status')
          .execute()
      ).map((r) => [r.status, Number(r.n)]),
    );
  const tasks = await db
    .selectFrom('effects')
    .select(['lead_id', db.fn.countAll<number>().as('n')])
    .where('kind', 'in', ['remind_owner', 'escalate'])
    .where('status', '=', 'applied')
    .groupBy('lead_id')
    .execute();
  const jobs = await sql<{
    state: string;
    n: number;
  }>`select state, count(*)::int as n from pgboss.job group by state`.execute(db);
  const leads = await db.selectFrom('leads').select(db.fn.countAll<number>().as('n')).executeTakeFirst();
  return {
    inbox: await count('inbox'),
    effects: await count('effects'),
    taskEffects: new Map(tasks.map((t) => [t.lead_id, Number(t.n)])),
    jobs: Object.fromEntries(jobs.rows.map((r) => [r.state, Number(r.n)])),
    leads: Number(leads?.n ?? 0),
  };
}

/** What Baton left undone: inbox items pending or failed, effects pending or dead (empty when it is done). */
export function unfinished(store: StoreReport): string[] {
  const left = {
    'inbox pending': store.inbox['pending'] ?? 0,
    'inbox failed': store.inbox['failed'] ?? 0,
    'effects pending': store.effects['pending'] ?? 0,
    'effects dead': store.effects['dead'] ?? 0,
  };
  return Object.entries(left)
    .filter(([, n]) => n > 0)
    .map(([what, n]) => `${n} ${what}`);
}

/** Contacts whose CRM task count differs from the task effects Baton applied (a lost or a duplicated task). */
export function taskMismatches(world: World, store: StoreReport): string[] {
  const out: string[] = [];
  const ids = new Set([...store.taskEffects.keys(), ...world.portal.contacts().map((c) => c.id)]);
  for (const id of ids) {
    const inCrm = world.portal.tasks(id).length;
    const decided = store.taskEffects.get(id) ?? 0;
    if (inCrm !== decided) out.push(`contact ${id}: ${inCrm} tasks in HubSpot, ${decided} decided by Baton`);
  }
  const total = [...store.taskEffects.values()].reduce((a, b) => a + b, 0);
  if (world.portal.tasks().length !== total)
    out.push(`${world.portal.tasks().length} tasks in HubSpot, ${total} decided by Baton`);
  return out;
}

const referenceFile = () => join(inject('resilienceDir'), `reference-${SEED}-${CONTACTS}.json`);

/** The crash-free, fault-free run's final CRM (computed by the reference test, or by whoever needs it first). */
export function savedReference(): CrmSnapshot | null {
  const file = referenceFile();
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as CrmSnapshot) : null;
}

export function saveReference(snap: CrmSnapshot): void {
  writeFileSync(referenceFile(), JSON.stringify(snap));
}

export function describeDiff(actual: CrmSnapshot, expected: CrmSnapshot): string {
  const d = diffSnapshots(actual, expected, 4);
  return `${d.count} contacts differ, e.g. ${JSON.stringify(d.examples, null, 1)}`;
}
