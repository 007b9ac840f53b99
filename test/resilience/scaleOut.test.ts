// Scale-out on PostgreSQL: 2 web processes behind a round-robin proxy and 3 worker processes play the one
// scenario. Every event is stored once and ends processed, tasks are created exactly once, one sweep per tenant
// runs at a time, the work spreads over all workers, and the CRM ends exactly as in the single-process reference
// run. Midway, one worker gets SIGTERM (a rolling deploy): the jobs it was running finish, it exits 0, and comes back.
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { JOBS } from '../../src/worker/catalog.ts';
import { diffSnapshots, snapshotCrm } from './support/crmSnapshot.ts';
import { referenceSnapshot } from './support/reference.ts';
import {
  describeDiff,
  MIN_EVENTS,
  playScenario,
  readStore,
  taskMismatches,
  waitUntilDone,
} from './support/runs.ts';
import { World } from './support/world.ts';

let world: World | undefined;
afterEach(async () => {
  await world?.close();
  world = undefined;
});

interface JobRow {
  id: string;
  name: string;
  state: string;
  singleton_key: string | null;
  started_on: Date | null;
  completed_on: Date | null;
  retry_count: number;
}

const TENANT_JOBS = [JOBS.drainInbox, JOBS.flushEffects, JOBS.sweepDue];
const WORK_LOGS = ['inbox drained', 'effects flushed', 'sla sweep'];

/** Pairs of runs of one job kind for one tenant that overlapped in time. */
function overlaps(jobs: readonly JobRow[]): string[] {
  const out: string[] = [];
  const byKey = new Map<string, JobRow[]>();
  for (const j of jobs) {
    if (!j.started_on || !j.completed_on) continue;
    const key = `${j.name}/${j.singleton_key ?? ''}`;
    byKey.set(key, [...(byKey.get(key) ?? []), j]);
  }
  for (const [key, runs] of byKey) {
    const sorted = runs.toSorted((a, b) => Number(a.started_on) - Number(b.started_on));
    for (let i = 1; i < sorted.length; i++) {
      const prev = sorted[i - 1] as JobRow;
      const cur = sorted[i] as JobRow;
      if (Number(cur.started_on) < Number(prev.completed_on)) out.push(`${key}: ${prev.id} and ${cur.id}`);
    }
  }
  return out;
}

describe('scale-out on PostgreSQL', () => {
  it('2 web and 3 worker processes: every event handled once, one sweep per tenant at a time, same end state', async () => {
    const reference = await referenceSnapshot();
    world = await World.create({ engine: 'postgres', layout: { webs: 2, workers: 3 } });
    const w = world;
    await w.startAll();
    await w.install();
    const db = await w.db();

    // The rolling deploy: once the run is under way, SIGTERM worker1 at a moment it has jobs running.
    const deploy = (async () => {
      await new Promise((r) => setTimeout(r, 8_000));
      const victim = w.workers[0];
      if (!victim) throw new Error('no worker');
      const until = Date.now() + 60_000;
      let active: string[] = [];
      while (active.length === 0 && Date.now() < until) {
        const rows = await sql<{ id: string }>`select id from pgboss.job where state = 'active'`.execute(db);
        active = rows.rows.map((r) => r.id);
        if (active.length === 0) await new Promise((r) => setTimeout(r, 20));
      }
      const stopped = await victim.terminate();
      // Jobs the other workers were running may still be going: wait until none of them is active.
      const settled = Date.now() + 60_000;
      let after: JobRow[];
      do {
        after = (
          await sql<JobRow>`select id, name, state, retry_count from pgboss.job where id = any(${active})`.execute(
            db,
          )
        ).rows;
        if (after.some((j) => j.state === 'active')) await new Promise((r) => setTimeout(r, 200));
      } while (after.some((j) => j.state === 'active') && Date.now() < settled);
      await victim.start();
      return { active, stopped, after };
    })();

    const drive = await playScenario(w, { createPerSecond: 40 });
    const rolled = await deploy;
    const snap = await waitUntilDone(w, {
      done: (s) => diffSnapshots(s, reference).count === 0,
      timeoutMs: 300_000,
      describe: () => describeDiff(snapshotCrm(w.portal), reference),
    });
    const jobs = await sql<JobRow>`
      select id, name, state, singleton_key, started_on, completed_on, retry_count from pgboss.job
      where name = any(${TENANT_JOBS})`.execute(db);
    const store = await readStore(w);
    const events = w.webhookEvents();
    const stop = await w.stopAll();
    const work = w.workers.map((p) => ({
      name: p.env.name,
      jobs: p.logs.filter((l) => WORK_LOGS.includes(l.msg ?? '')).length,
    }));
    process.stdout.write(
      `\n${JSON.stringify({ test: 'scale-out', events, drive, work, forwarded: [...w.forwarded], rolled, stop, store: { ...store, taskEffects: store.taskEffects.size } })}\n`,
    );

    expect(events.notBatons).toBeGreaterThanOrEqual(MIN_EVENTS);
    expect(diffSnapshots(snap, reference).count).toBe(0);
    // Handled once: nothing left pending or failed, every decided task is exactly one CRM task.
    expect(store.inbox['pending'] ?? 0).toBe(0);
    expect(store.inbox['failed'] ?? 0).toBe(0);
    expect(store.effects['pending'] ?? 0).toBe(0);
    expect(store.effects['dead'] ?? 0).toBe(0);
    expect(taskMismatches(w, store)).toEqual([]);
    // One run of each tenant job (sweep included) at a time, across all workers.
    expect(
      jobs.rows.filter((j) => j.name === JOBS.sweepDue && j.state === 'completed').length,
    ).toBeGreaterThan(0);
    expect(overlaps(jobs.rows)).toEqual([]);
    // The load spread: every worker did work; both web processes took requests.
    for (const p of work) expect(p.jobs, p.name).toBeGreaterThan(0);
    expect(w.forwarded.size).toBe(2);
    for (const n of w.forwarded.values()) expect(n).toBeGreaterThan(100);
    // SIGTERM drained: the jobs running at that moment completed without a retry; the worker exited 0.
    expect(rolled.active.length).toBeGreaterThan(0);
    expect(rolled.stopped.code).toBe(0);
    for (const j of rolled.after)
      expect({ id: j.id, state: j.state, retries: j.retry_count }).toEqual({
        id: j.id,
        state: 'completed',
        retries: 0,
      });
    expect(stop.every((s) => s.code === 0)).toBe(true);
    for (const p of w.processes) expect(p.errors(), p.env.name).toEqual([]);
  });
});
