// Scale-out on PostgreSQL: 2 web processes behind a round-robin proxy and 3 worker processes play the one
// scenario. Every event is stored once and ends processed, tasks are created exactly once, one sweep per tenant
// runs at a time, the work spreads over all workers, and the CRM ends exactly as in the single-process reference
// run.
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { JOBS } from '../../src/worker/catalog.ts';
import { diffSnapshots, snapshotCrm } from './support/crmSnapshot.ts';
import { referenceSnapshot } from './support/reference.ts';
import {
  describeDiff,
  MIN_EVENTS,
  playScenario,
  readStore,
  unfinished,
  taskMismatches,
  waitUntilDone,
} from './support/runs.ts';
import { worldPerTest } from './support/world.ts';

const createWorld = worldPerTest();

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
    const w = await createWorld({ engine: 'postgres', layout: { webs: 2, workers: 3 } });
    await w.startAll();
    await w.install();
    const db = await w.db();

    const drive = await playScenario(w, { createPerSecond: 40 });
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
      `\n${JSON.stringify({ test: 'scale-out', events, drive, work, forwarded: [...w.forwarded], stop, store: { ...store, taskEffects: store.taskEffects.size } })}\n`,
    );

    expect(events.notBatons).toBeGreaterThanOrEqual(MIN_EVENTS);
    expect(diffSnapshots(snap, reference).count).toBe(0);
    // Handled once: nothing left pending or failed, every decided task is exactly one CRM task.
    expect(unfinished(store)).toEqual([]);
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
    expect(stop.every((s) => s.code === 0)).toBe(true);
    for (const p of w.processes) expect(p.errors(), p.env.name).toEqual([]);
  });
});
